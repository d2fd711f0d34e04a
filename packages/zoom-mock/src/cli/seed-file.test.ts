import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MOCK_CLIENT_ID } from "../create-zoom-mock.js";
import { createSeededZoomMock, parseSeed, ZoomMockSeedError } from "./seed-file.js";

const seed = {
  defaultUser: { id: "owner", email: "owner@example.com", first_name: "Olga", last_name: "Owner" },
  redirectUris: ["http://localhost:3000/callback"],
  users: [{ id: "grace", email: "grace@example.com", first_name: "Grace", last_name: "Hopper" }],
  apps: [{ clientId: "spa", clientSecret: null, redirectUris: ["http://localhost:5173/cb"] }],
  meetings: [{ host: "grace@example.com", topic: "Standup", type: 2, start_time: "2030-01-01T09:00:00Z", duration: 15 }],
};

describe("a seed file", () => {
  it("sets the default user and app, and adds users, apps and meetings", () => {
    const mock = createSeededZoomMock(parseSeed(seed));
    expect(mock.defaultUser).toMatchObject({ id: "owner", email: "owner@example.com" });
    expect(mock.state.apps.get(MOCK_CLIENT_ID)?.redirectUris).toEqual(["http://localhost:3000/callback"]);
    expect(mock.state.users.get("grace")).toMatchObject({ first_name: "Grace", account_id: mock.defaultApp.accountId });
    expect(mock.state.apps.get("spa")).toMatchObject({ clientSecret: null });
    const meetings = mock.api.model.meetings.list("grace", undefined, {});
    expect(meetings).toMatchObject({ meetings: [{ topic: "Standup", duration: 15 }] });
  });

  it("is refused with every problem named by its place, values not quoted", () => {
    const bad = { users: [{ email: 42, nickname: "x" }], apps: [{ clientId: "" }], extra: true };
    let thrown: unknown;
    try {
      parseSeed(bad, "seed.json");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZoomMockSeedError);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^seed\.json: /);
    expect(message).toContain('the seed has an unknown field "extra"');
    expect(message).toContain('users[0] has an unknown field "nickname"');
    expect(message).toContain("users[0].email must be string");
    expect(message).toContain('apps[0] needs "clientSecret"');
  });

  it("refuses a meeting the API would refuse, and one for an unknown host", () => {
    expect(() => createSeededZoomMock(parseSeed({ meetings: [{ host: "ada@example.com", type: 42 }] }), {}, "s.json")).toThrow(
      /^s\.json: meetings\[0\]: request POST \/users\/\{userId\}\/meetings: body\.type must be/,
    );
    expect(() => createSeededZoomMock(parseSeed({ meetings: [{ host: "nobody@example.com" }] }), {}, "s.json")).toThrow(/^s\.json: meetings\[0\]: /);
  });

  it("refuses a user or app id that is taken", () => {
    expect(() => createSeededZoomMock(parseSeed({ users: [{ id: "mock-user-ada" }] }))).toThrow(/users\[0\]: a user with id "mock-user-ada" already exists/);
    expect(() => createSeededZoomMock(parseSeed({ apps: [{ clientId: MOCK_CLIENT_ID, clientSecret: "s" }] }))).toThrow(/apps\[0\]: an app with clientId/);
  });

  it("in the README's example, sets the default app's scopes and an app's, as documented", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("### Seed file"));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    if (json === undefined) throw new Error('the README has no json block under "### Seed file"');
    const mock = createSeededZoomMock(parseSeed(JSON.parse(json), "README.md"), {}, "README.md");
    expect(mock.defaultApp.scopes).toEqual(["user:read:user", "meeting:read:list_meetings", "meeting:write:meeting"]);
    expect(mock.state.apps.get("reporting")).toMatchObject({
      scopes: ["report:read:list_meeting_participants:admin"],
      appTokenScopes: ["report:read:list_meeting_participants:admin"],
    });
  });
});
