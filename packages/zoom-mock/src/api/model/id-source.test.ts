import { describe, expect, it } from "vitest";
import { IdSource, randomBytesFromStrings } from "./id-source.js";

describe("IdSource", () => {
  it("makes Zoom-shaped ids: 11-digit meeting numbers, base64 UUIDs, 22-character entity ids", () => {
    const ids = new IdSource();
    expect(String(ids.meetingNumber())).toMatch(/^8\d{10}$/);
    expect(ids.meetingUuid()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(ids.entityId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ids.digits(6)).toMatch(/^\d{6}$/);
  });

  it("never hands out the same meeting number twice", () => {
    const ids = new IdSource();
    const numbers = new Set(Array.from({ length: 500 }, () => ids.meetingNumber()));
    expect(numbers.size).toBe(500);
  });
});

describe("randomBytesFromStrings", () => {
  it("repeats exactly for the same string source, so a fixed mock randomness fixes the ids", () => {
    const source = () => {
      let n = 0;
      return () => {
        n += 1;
        return `r${n}`;
      };
    };
    const first = new IdSource(randomBytesFromStrings(source()));
    const second = new IdSource(randomBytesFromStrings(source()));
    expect([first.meetingNumber(), first.meetingUuid(), first.entityId()]).toEqual([second.meetingNumber(), second.meetingUuid(), second.entityId()]);
  });

  it("still varies when the string source always answers the same", () => {
    const random = randomBytesFromStrings(() => "same");
    expect(random(8)).not.toEqual(random(8));
    const ids = new IdSource(random);
    expect(ids.meetingNumber()).not.toBe(ids.meetingNumber());
  });
});
