import { describe, expect, it } from "vitest";
import { chromiumExecutable } from "./chromium.js";

describe("the Chromium of the browser test", () => {
  it("is the one CHROMIUM_PATH names, when it exists", async () => {
    expect(await chromiumExecutable({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  it("refuses a CHROMIUM_PATH with no file, naming the path and the way out", async () => {
    await expect(chromiumExecutable({ CHROMIUM_PATH: "/nowhere/chromium" })).rejects.toThrow(
      "CHROMIUM_PATH is /nowhere/chromium, but no file is there: unset it to use the bundled Chromium.",
    );
  });
});
