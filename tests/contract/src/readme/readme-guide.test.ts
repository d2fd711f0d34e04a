import * as zoomApi from "@org/zoom-api";
import * as zoomAuth from "@org/zoom-auth";
import {
  type OAuth2Tokens,
  OAuth2RequestError,
  ReauthorizationRequiredError,
  type UserTokenSnapshot,
  type ZoomTokens,
} from "@org/zoom-auth";
import { MOCK_CLIENT_ID, MOCK_CLIENT_SECRET } from "@org/zoom-mock";
import { describe, expect, it, vi } from "vitest";
import { REDIRECT_URI, useZoomOAuthMock } from "../oauth/oauth-fixture.js";
import { type GuideBlock, readGuideBlocks, runGuideBlock } from "./guide-blocks.js";

const modules = { "@org/zoom-auth": zoomAuth, "@org/zoom-api": zoomApi };
const zoomMock = useZoomOAuthMock();

/** Runs the guide's blocks by heading, keeping what each declares for the next, as a reader's module would. */
function guide() {
  const blocks = readGuideBlocks();
  const ran = new Set<GuideBlock>();
  const saved: ZoomTokens[] = [];
  const snapshots: UserTokenSnapshot[] = [];
  let scope: Record<string, unknown> = {
    clientId: MOCK_CLIENT_ID,
    clientSecret: MOCK_CLIENT_SECRET,
    redirectURI: REDIRECT_URI,
    saveTokens: async (tokens: ZoomTokens) => {
      saved.push(tokens);
    },
    saveSnapshot: async (snapshot: UserTokenSnapshot) => {
      snapshots.push(snapshot);
    },
  };
  return {
    blocks,
    ran,
    saved,
    snapshots,
    /** The values the reader's code holds at this point. */
    get scope() {
      return scope;
    },
    set(values: Record<string, unknown>) {
      scope = { ...scope, ...values };
    },
    async run(heading: string, index = 0): Promise<Record<string, unknown>> {
      const block = blocks.find((b) => b.heading === heading && b.index === index);
      if (!block) throw new Error(`the README's Zoom guide has no block ${index} under "### ${heading}"`);
      ran.add(block);
      const declared = await runGuideBlock(block, modules, scope);
      scope = { ...scope, ...declared };
      return declared;
    },
  };
}

/** Plays the user's part on the mock's consent page and returns the callback's query. */
async function consentTo(url: unknown): Promise<URLSearchParams> {
  expect(url).toBeInstanceOf(URL);
  return (await zoomMock.approve(url as URL)).searchParams;
}

const CLI_GUIDE = "Sign in from a CLI";

describe("the README's Zoom guide, run block by block against @org/zoom-mock", () => {
  it("signs in, calls the API as the user, refreshes with rotation and revokes", async () => {
    const g = guide();

    await g.run("Create the provider");
    const { state, url } = await g.run("Send the user to Zoom");
    const callback = await consentTo(url);
    expect(callback.get("state")).toBe(state);
    g.set({ code: callback.get("code") });

    await g.run("Exchange the code");
    expect(g.saved).toHaveLength(1);
    const signedIn = g.saved[0]!;
    expect(signedIn.apiUrl()).toBe("https://api.zoom.us");
    g.set({ accessToken: signedIn.accessToken(), refreshToken: signedIn.refreshToken() });

    const { user } = await g.run("Call the API as the user", 0);
    expect(user).toMatchObject({ id: zoomMock.defaultUser.id, email: zoomMock.defaultUser.email });
    const { me, error } = await g.run("Call the API as the user", 1);
    expect(error).toBeUndefined();
    expect(me).toMatchObject({ id: zoomMock.defaultUser.id, email: zoomMock.defaultUser.email });

    g.set({ tokens: signedIn });
    const { profile } = await g.run("Keep the user signed in");
    expect(profile).toMatchObject({ email: zoomMock.defaultUser.email });
    expect(g.snapshots).toEqual([]); // a fresh token: nothing refreshed, nothing to store

    await g.run("Refresh the access token");
    expect(g.saved).toHaveLength(2);
    const refreshed = g.saved[1]!;
    expect(refreshed.refreshToken()).not.toBe(signedIn.refreshToken());
    expect(refreshed.accessToken()).not.toBe(signedIn.accessToken());

    // The rotated-out refresh token now takes the guide's invalid_grant branch.
    const rotatedOut = g.run("Refresh the access token");
    await expect(rotatedOut).rejects.toBeInstanceOf(OAuth2RequestError);
    await expect(rotatedOut).rejects.toMatchObject({ code: "invalid_grant", description: "Invalid Token!" });

    g.set({ accessToken: refreshed.accessToken(), refreshToken: refreshed.refreshToken() });
    await g.run("Revoke the token (sign out)");
    const { response } = await g.run("Call the API as the user", 0);
    expect((response as Response).status).toBe(401);
    await expect(g.run("Refresh the access token")).rejects.toMatchObject({ code: "invalid_grant" });

    // Blocks run in tests of their own: "Sign in from a CLI" waits between polls (under fake timers);
    // "Run several instances" needs a redis-server (readme-several-instances.test.ts).
    const elsewhere = new Set([CLI_GUIDE, "Run several instances"]);
    const notRun = g.blocks.filter((block) => !g.ran.has(block) && !elsewhere.has(block.heading));
    expect(notRun.map((b) => `${b.heading} #${b.index}`)).toEqual([]);
  });

  it("keeps the user signed in through the token source: refreshes, stores, and ends on a revoked grant", async () => {
    const g = guide();
    await g.run("Create the provider");
    const { url } = await g.run("Send the user to Zoom");
    g.set({ code: (await consentTo(url)).get("code") });
    await g.run("Exchange the code");
    const signedIn = g.saved[0]!;
    g.set({ tokens: signedIn });
    const { source, api } = (await g.run("Keep the user signed in")) as {
      source: zoomAuth.UserTokenSource;
      api: zoomApi.ZoomClient;
    };

    // A token revoked early: the API answers 401, the client asks the source again, the source refreshes.
    zoomMock.state.revokeAccessToken(signedIn.accessToken());
    expect((await zoomApi.unwrap(api.GET("/users/me"))).email).toBe(zoomMock.defaultUser.email);
    expect(g.snapshots).toHaveLength(1);
    expect(g.snapshots[0]!.refreshToken).not.toBe(signedIn.refreshToken());
    expect(g.snapshots[0]).toEqual(source.snapshot());

    // The user removes the app: the refresh token goes too, and the call says to sign in again.
    zoomMock.state.revokeGrant(zoomMock.state.findAccessToken(source.snapshot().accessToken)!.grantId);
    await expect(api.GET("/users/me")).rejects.toBeInstanceOf(ReauthorizationRequiredError);
  });

  it("takes the guide's OAuth2RequestError branch for a code used twice", async () => {
    const g = guide();
    await g.run("Create the provider");
    const { url } = await g.run("Send the user to Zoom");
    g.set({ code: (await consentTo(url)).get("code") });
    await g.run("Exchange the code");

    const reused = g.run("Exchange the code");
    await expect(reused).rejects.toBeInstanceOf(OAuth2RequestError);
    await expect(reused).rejects.toMatchObject({ code: "invalid_grant" });
    expect(g.saved).toHaveLength(1);
  });

  it("takes the guide's ArcticFetchError branch when Zoom cannot be reached", async () => {
    const g = guide();
    await g.run("Create the provider");
    const { url } = await g.run("Send the user to Zoom");
    g.set({ code: (await consentTo(url)).get("code") });
    zoomMock.faults.inject({ route: "token", kind: "network" });

    await expect(g.run("Exchange the code")).rejects.toMatchObject({ name: "OAuth2FetchError" });
    expect(g.saved satisfies OAuth2Tokens[]).toEqual([]);
  });

  it("signs a user in from a CLI with the device flow, the user approving the code the CLI printed", async () => {
    const g = guide();
    const printed: string[] = [];
    g.set({ console: { log: (line: string) => printed.push(line) } });
    // Only timers are faked: the poll's 5-second waits pass at once, the mock still answers through MSW.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const running = g.run(CLI_GUIDE);
      let settled = false;
      void running.then(
        () => (settled = true),
        () => (settled = true),
      );
      let approved = false;
      for (let step = 0; step < 100 && !settled; step++) {
        // The user reads the line the CLI printed and enters the code on Zoom's page.
        const userCode = /enter the code (\S+)$/.exec(printed[0] ?? "")?.[1];
        if (userCode !== undefined && !approved) {
          zoomMock.devices.approve(userCode);
          approved = true;
        }
        await vi.advanceTimersByTimeAsync(1000);
      }
      const { cliUser, deviceTokens } = (await running) as { cliUser: { email: string }; deviceTokens: ZoomTokens };
      expect(printed).toEqual([expect.stringMatching(/^Open https:\/\/zoom\.us\/oauth_device and enter the code [B-Z]{4}-[B-Z]{4}$/)]);
      expect(cliUser.email).toBe(zoomMock.defaultUser.email);
      expect(g.saved).toEqual([deviceTokens]);
    } finally {
      vi.useRealTimers();
    }
  });
});
