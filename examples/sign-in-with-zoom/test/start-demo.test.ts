import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config.js";
import { type RunningDemo, startDemo } from "../src/start-demo.js";

let demo: RunningDemo | undefined;

afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

describe("startDemo", () => {
  it("starts the embedded mock Zoom when no Zoom variable is set, and says so", async () => {
    demo = await startDemo({ env: { PORT: "0" }, log: () => {} });
    expect(demo.mode).toBe("mock");
    expect(demo.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(demo.mock?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.banner[0]).toContain("MOCK mode");
    expect(demo.banner.join("\n")).toContain("Ada Lovelace <ada@example.com>");
    expect(demo.banner.at(-1)).toBe(`Open ${demo.url}`);
    // The mock knows the app under its exact redirect URI, as Zoom's Marketplace would.
    expect(demo.mock?.zoom.defaultApp.clientId).toBe("mock-client-id");
    expect(demo.mock?.zoom.state.apps.get("mock-client-id")?.redirectUris).toEqual([
      new URL("/login/zoom/callback", demo.url).href,
    ]);
  });

  it("talks to real Zoom when all three variables are set, with Secure cookies under https", async () => {
    demo = await startDemo({
      env: {
        PORT: "0",
        ZOOM_CLIENT_ID: "client-123",
        ZOOM_CLIENT_SECRET: "secret-456",
        ZOOM_REDIRECT_URI: "https://demo.example.com/login/zoom/callback",
      },
      log: () => {},
    });
    expect(demo.mode).toBe("real");
    expect(demo.mock).toBeNull();
    expect(demo.url).toBe("https://demo.example.com/");
    expect(demo.banner[0]).toContain("REAL Zoom mode");
    expect(demo.banner.join("\n")).not.toContain("secret-456");

    // The app itself listens on loopback; reach it there and check where /login sends the browser.
    const listening = demo.banner[1]?.match(/Listening on ([\d.]+):(\d+)/);
    const response = await fetch(`http://${listening?.[1]}:${listening?.[2]}/login`, { redirect: "manual" });
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("https://zoom.us/oauth/authorize");
    expect(location.searchParams.get("client_id")).toBe("client-123");
    expect(location.searchParams.get("redirect_uri")).toBe("https://demo.example.com/login/zoom/callback");
    for (const cookie of response.headers.getSetCookie()) expect(cookie).toContain("; Secure;");
  });

  it("refuses a partial configuration before listening", async () => {
    await expect(startDemo({ env: { PORT: "0", ZOOM_CLIENT_SECRET: "x" } })).rejects.toThrowError(ConfigError);
    await expect(startDemo({ env: { PORT: "0", ZOOM_CLIENT_SECRET: "x" } })).rejects.toThrowError(
      "missing: ZOOM_CLIENT_ID, ZOOM_REDIRECT_URI",
    );
  });
});
