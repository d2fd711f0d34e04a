import { describe, expect, it } from "vitest";
import { MAX_REDACTION_DEPTH, REDACTED, redactText, redactValue, TOO_DEEP } from "./redaction.js";

describe("redaction of the access token", () => {
  it("replaces a real token in every form, even glued to other characters", () => {
    const token = "tok/en+value=0123";
    const text = `a_${token}_b ${encodeURIComponent(token)} ${JSON.stringify(token)}`;
    expect(redactText(text, token)).toBe(`a_${REDACTED}_b ${REDACTED} "${REDACTED}"`);
  });

  it("replaces a short token only where it stands alone, so words survive", () => {
    expect(redactText("Not Found: t", "t")).toBe(`Not Found: ${REDACTED}`);
  });

  it("copies bodies to a bounded depth, keys included", () => {
    const deep = JSON.parse(`${"[".repeat(5000)}1${"]".repeat(5000)}`);
    let value = redactValue(deep, "x") as unknown;
    for (let depth = 0; depth < MAX_REDACTION_DEPTH; depth++) value = (value as unknown[])[0];
    expect(value).toBe(TOO_DEEP);
    expect(redactValue({ "key-secret-token-1": "secret-token-1" }, "secret-token-1")).toEqual({ [`key-${REDACTED}`]: REDACTED });
  });
});
