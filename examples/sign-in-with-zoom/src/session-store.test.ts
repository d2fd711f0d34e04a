import { describe, expect, it } from "vitest";
import { SessionStore } from "./session-store.js";

describe("SessionStore", () => {
  it("hands out opaque 256-bit base64url ids and returns the data for them", () => {
    const store = new SessionStore<{ user: string }>();
    const id = store.create({ user: "ada" });
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.get(id)).toEqual({ user: "ada" });
    expect(store.create({ user: "bob" })).not.toBe(id);
  });

  it("takes its randomness from the injected source", () => {
    const store = new SessionStore<number>({ randomBytes: (bytes) => bytes.fill(0xff) });
    expect(store.create(1)).toBe(`${"_".repeat(42)}8`);
  });

  it("forgets deleted, unknown and expired sessions", () => {
    let now = 1_000;
    const store = new SessionStore<number>({ ttlMs: 100, clock: () => now });
    const a = store.create(1);
    const b = store.create(2);
    store.delete(a);
    expect(store.get(a)).toBeUndefined();
    expect(store.get("nope")).toBeUndefined();
    expect(store.get(undefined)).toBeUndefined();
    now += 99;
    expect(store.get(b)).toBe(2);
    now += 1;
    expect(store.get(b)).toBeUndefined();
  });

  it("drops expired sessions when new ones are created", () => {
    let now = 0;
    const store = new SessionStore<number>({ ttlMs: 10, clock: () => now });
    store.create(1);
    store.create(2);
    now = 10;
    store.create(3);
    expect(store.size).toBe(1);
  });
});
