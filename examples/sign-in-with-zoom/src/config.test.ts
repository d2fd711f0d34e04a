import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

const real = {
  ZOOM_CLIENT_ID: "abc",
  ZOOM_CLIENT_SECRET: "s3cret",
  ZOOM_REDIRECT_URI: "https://demo.example.com/login/zoom/callback",
};

describe("parseConfig", () => {
  it("runs against the embedded mock on port 3000 when no Zoom variable is set", () => {
    expect(parseConfig({})).toEqual({ port: 3000, host: "127.0.0.1", zoom: { kind: "mock" }, redisUrl: null, webhookSecretToken: null });
  });

  it("keeps sessions in Redis when REDIS_URL is a redis:// or rediss:// URL, and names a wrong one without its value", () => {
    expect(parseConfig({ REDIS_URL: " redis://127.0.0.1:6379 " }).redisUrl).toBe("redis://127.0.0.1:6379");
    expect(parseConfig({ ...real, REDIS_URL: "rediss://:pw@cache.internal:6380" }).redisUrl).toBe("rediss://:pw@cache.internal:6380");
    expect(() => parseConfig({ REDIS_URL: "postgres://user:hunter2@db" })).toThrow(
      new ConfigError("REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379."),
    );
  });

  it("treats empty Zoom variables as unset", () => {
    expect(parseConfig({ ZOOM_CLIENT_ID: "", ZOOM_CLIENT_SECRET: " " }).zoom).toEqual({ kind: "mock" });
    expect(parseConfig({ ZOOM_WEBHOOK_SECRET_TOKEN: " whsec " }).webhookSecretToken).toBe("whsec");
  });

  it("uses real Zoom when all three variables are set", () => {
    const config = parseConfig({ ...real, PORT: "8080", HOST: "0.0.0.0" });
    expect(config.port).toBe(8080);
    expect(config.host).toBe("0.0.0.0");
    expect(config.zoom).toMatchObject({ kind: "real", clientId: "abc", clientSecret: "s3cret" });
    expect(config.zoom.kind === "real" && config.zoom.redirectURI.href).toBe(real.ZOOM_REDIRECT_URI);
  });

  it("refuses a partial configuration and names the missing variables", () => {
    expect(() => parseConfig({ ZOOM_CLIENT_ID: "abc" })).toThrowError(
      /missing: ZOOM_CLIENT_SECRET, ZOOM_REDIRECT_URI/,
    );
    expect(() => parseConfig({ ZOOM_CLIENT_ID: "abc", ZOOM_REDIRECT_URI: real.ZOOM_REDIRECT_URI })).toThrowError(
      /missing: ZOOM_CLIENT_SECRET\./,
    );
  });

  it("never repeats the client secret in an error", () => {
    try {
      parseConfig({ ZOOM_CLIENT_SECRET: "hunter2-secret" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).name).toBe("ConfigError");
      expect((error as Error).message).not.toContain("hunter2");
    }
  });

  it("checks the redirect URI is absolute and points at this app's callback route", () => {
    expect(() => parseConfig({ ...real, ZOOM_REDIRECT_URI: "/login/zoom/callback" })).toThrowError(/absolute URL/);
    expect(() => parseConfig({ ...real, ZOOM_REDIRECT_URI: "ftp://x.example/login/zoom/callback" })).toThrowError(
      /http\(s\)/,
    );
    expect(() => parseConfig({ ...real, ZOOM_REDIRECT_URI: "https://x.example/callback" })).toThrowError(
      /must end in \/login\/zoom\/callback/,
    );
  });

  it("refuses a PORT that is not a port number", () => {
    for (const port of ["abc", "-1", "65536", "3.5", "80 80"]) {
      expect(() => parseConfig({ PORT: port }), port).toThrowError(ConfigError);
    }
    expect(parseConfig({ PORT: "0" }).port).toBe(0);
  });
});
