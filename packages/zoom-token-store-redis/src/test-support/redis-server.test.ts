import { describe, expect, it } from "vitest";
import { redisServerBinary } from "./redis-server.js";

describe("the redis-server the tests start", () => {
  it("is the one REDIS_SERVER names, when it exists", () => {
    expect(redisServerBinary({ REDIS_SERVER: process.execPath })).toBe(process.execPath);
  });

  it("is refused with the way to get one when there is none", () => {
    expect(() => redisServerBinary({ REDIS_SERVER: "/nowhere/redis-server" })).toThrow(
      "No redis-server at /nowhere/redis-server: install Debian's (apt-get install redis-server) or set REDIS_SERVER to one.",
    );
  });
});
