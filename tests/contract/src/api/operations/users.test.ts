import { expect } from "vitest";
import { type OperationCase, useOperationTable } from "../operation-table.js";

/** One contract test per operation of specs/zoom-api.yaml about users: profiles, settings, tokens, status, email, password, permissions, assistants, schedulers and presence. */
const table = useOperationTable();
const { zoom, ada } = table;

const cases: OperationCase[] = [
  {
    operationId: "userMe",
    status: 200,
    check: (body) => expect(body).toMatchObject({ id: ada().id, email: ada().email }),
  },
  {
    operationId: "user",
    arrange: () => ({ userId: ada().email }),
    status: 200,
    check: (body) => expect(body.id).toBe(ada().id),
  },
  {
    // The plan and manager fields appear once set (Zoom has no empty value for them).
    operationId: "user",
    arrange: (world) => {
      const grace = zoom.addUser({ first_name: "Grace", email: "grace.manager@example.com" });
      world.api.model.users.update(world.api.model.users.resolve(grace.id, grace.id), { manager: ada().email, plan_united_type: "1", zoom_one_type: 4 });
      return { userId: grace.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ manager: ada().email, plan_united_type: "1", zoom_one_type: 4 }),
  },
  {
    operationId: "userMe",
    arrange: (world) => {
      world.api.model.users.update(world.api.model.users.resolve(ada().id, ada().id), { manager: "boss@example.com", plan_united_type: "2", zoom_one_type: 8 });
      return {};
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ manager: "boss@example.com", plan_united_type: "2", zoom_one_type: 8 }),
  },
  {
    operationId: "users",
    query: { status: "active", page_size: "10" },
    status: 200,
    check: (body) => expect(body.users).toEqual(expect.arrayContaining([expect.objectContaining({ id: ada().id })])),
  },
  {
    operationId: "userCreate",
    body: { action: "create", user_info: { email: "grace@example.com", type: 1, first_name: "Grace", last_name: "Hopper" } },
    status: 201,
    check: (body) => expect(body).toMatchObject({ email: "grace@example.com", type: 1 }),
  },
  {
    operationId: "userUpdate",
    arrange: () => ({ userId: zoom.addUser({ first_name: "Alan" }).id }),
    body: { first_name: "Alan M." },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.users.resolve(String(params.userId), "").first_name).toBe("Alan M."),
  },
  {
    operationId: "userDelete",
    arrange: () => ({ userId: zoom.addUser({ first_name: "Leaving" }).id }),
    query: { action: "delete" },
    status: 204,
    check: (_body, params) => expect(zoom.state.users.has(String(params.userId))).toBe(false),
  },
  {
    operationId: "userSettings",
    arrange: () => ({ userId: "me" }),
    status: 200,
    check: (body) => expect(body).toHaveProperty("in_meeting"),
  },
  ...(["meeting_authentication", "recording_authentication", "meeting_security"] as const).map(
    (option): OperationCase => ({
      operationId: "userSettings",
      arrange: () => ({ userId: "me" }),
      query: { option },
      status: 200,
      check: (body) => expect(body).toHaveProperty(option === "meeting_security" ? "meeting_security" : `${option.split("_")[0]}_authentication`),
    }),
  ),
  {
    operationId: "userSettingsUpdate",
    arrange: () => ({ userId: "me" }),
    body: { in_meeting: { chat: false } },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.settings.get(world.userId).in_meeting).toMatchObject({ chat: false }),
  },
  {
    operationId: "userToken",
    arrange: () => ({ userId: "me" }),
    query: { type: "zak" },
    status: 200,
    check: (body, _params, world) => expect(world.api.model.userTokens.lookup(String(body.token))).toEqual({ userId: world.userId, type: "zak" }),
  },
  {
    operationId: "userZak",
    status: 200,
    check: (body) => expect(typeof body.token).toBe("string"),
  },
  {
    operationId: "userStatus",
    arrange: () => ({ userId: zoom.addUser({ first_name: "Paused" }).id }),
    body: { action: "deactivate" },
    status: 200,
    check: (_body, params) => expect(zoom.state.users.get(String(params.userId))?.status).toBe("inactive"),
  },
  {
    operationId: "userEmail",
    query: { email: "ada@example.com" },
    status: 200,
    check: (body) => expect(body).toEqual({ existed_email: true }),
  },
  {
    operationId: "userAssistants",
    arrange: (world) => {
      const helper = zoom.addUser({ first_name: "Helper" });
      world.api.model.schedulingPrivileges.addAssistants(world.userId, [{ id: helper.id }]);
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.assistants).toEqual(expect.arrayContaining([expect.objectContaining({ email: expect.any(String) })])),
  },
  {
    operationId: "userAssistantCreate",
    arrange: () => ({ userId: "me", assistantEmail: zoom.addUser({ first_name: "Aide" }).email }),
    body: (params: Record<string, string | number>) => ({ assistants: [{ email: params.assistantEmail, can_manage_host_private_event: true }] }),
    status: 201,
    check: (body) => expect(body).toMatchObject({ ids: expect.any(String), add_at: expect.any(String) }),
  },
  {
    operationId: "userAssistantsDelete",
    arrange: (world) => {
      world.api.model.schedulingPrivileges.addAssistants(world.userId, [{ id: zoom.addUser().id }]);
      return { userId: "me" };
    },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.schedulingPrivileges.assistants(world.userId).assistants).toEqual([]),
  },
  {
    operationId: "userAssistantDelete",
    arrange: (world) => {
      const helper = zoom.addUser();
      world.api.model.schedulingPrivileges.addAssistants(world.userId, [{ id: helper.id }]);
      return { userId: "me", assistantId: helper.id };
    },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.schedulingPrivileges.assistants(world.userId).assistants.map((a) => a.id)).not.toContain(params.assistantId),
  },
  {
    operationId: "userSchedulers",
    arrange: (world) => {
      const boss = zoom.addUser({ first_name: "Boss" });
      world.api.model.schedulingPrivileges.addAssistants(boss.id, [{ id: world.userId }]);
      return { userId: "me", bossId: boss.id };
    },
    status: 200,
    check: (body, params) => expect(body.schedulers).toEqual(expect.arrayContaining([expect.objectContaining({ id: params.bossId })])),
  },
  {
    operationId: "userSchedulersDelete",
    arrange: (world) => {
      world.api.model.schedulingPrivileges.addAssistants(zoom.addUser().id, [{ id: world.userId }]);
      return { userId: "me" };
    },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.schedulingPrivileges.schedulers(world.userId).schedulers).toEqual([]),
  },
  {
    operationId: "userSchedulerDelete",
    arrange: (world) => {
      const boss = zoom.addUser();
      world.api.model.schedulingPrivileges.addAssistants(boss.id, [{ id: world.userId }]);
      return { userId: "me", schedulerId: boss.id };
    },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.schedulingPrivileges.schedulers(world.userId).schedulers.map((s) => s.id)).not.toContain(params.schedulerId),
  },
  {
    operationId: "userPassword",
    arrange: () => ({ userId: zoom.addUser().id }),
    body: { password: "a long new passphrase" },
    status: 204,
  },
  {
    operationId: "userEmailUpdate",
    arrange: () => ({ userId: zoom.addUser({ email: "old.address@example.com" }).id }),
    body: { email: "new.address@example.com" },
    status: 204,
    check: (_body, params) => expect(zoom.state.users.get(String(params.userId))?.email).toBe("new.address@example.com"),
  },
  {
    operationId: "userPermission",
    arrange: () => ({ userId: "me" }),
    status: 200,
    check: (body) => expect(body.permissions).toContain("Meeting:Edit"),
  },
  {
    operationId: "getUserPresenceStatus",
    arrange: (world) => {
      world.api.model.presence.set(world.userId, { status: "Do_No_Disturb", duration: 15 });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ status: "Do_No_Disturb", remaining_time: 900 }),
  },
  {
    operationId: "updatePresenceStatus",
    arrange: () => ({ userId: "me" }),
    body: { status: "Away" },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.presence.get(world.userId)).toEqual({ status: "Away" }),
  },
  {
    operationId: "userSSOTokenDelete",
    arrange: (world) => {
      const user = zoom.addUser();
      const { token } = world.api.model.userTokens.issue(user.id);
      return { userId: user.id, token };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.userTokens.lookup(String(params.token))).toBeUndefined(),
  },
  {
    operationId: "userSummary",
    status: 200,
    check: (body) => expect(body.total_users_count).toBe(zoom.state.users.size),
  },
  {
    operationId: "userTSPs",
    arrange: () => {
      const user = zoom.addUser();
      table.api.model.tspAccounts.create(user.id, { conference_code: "111111", leader_pin: "1" });
      return { userId: user.id };
    },
    status: 200,
    check: (body) => expect(body.tsp_accounts).toEqual([expect.objectContaining({ id: "1", conference_code: "111111" })]),
  },
  {
    operationId: "userTSPCreate",
    arrange: () => ({ userId: zoom.addUser().id }),
    body: { conference_code: "222222", leader_pin: "22", tsp_bridge: "EU_TSP_TB", dial_in_numbers: [{ code: "44", country_label: "UK", number: "2071234567", type: "toll" }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: "1", conference_code: "222222", tsp_bridge: "EU_TSP_TB" }),
  },
  {
    operationId: "userTSP",
    arrange: () => {
      const user = zoom.addUser();
      table.api.model.tspAccounts.create(user.id, { conference_code: "333333", leader_pin: "3" });
      return { userId: user.id, tspId: "1" };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ id: "1", conference_code: "333333" }),
  },
  {
    operationId: "userTSP",
    arrange: () => {
      const user = zoom.addUser();
      table.api.model.tspAccounts.create(user.id, {
        conference_code: "444444",
        leader_pin: "4",
        tsp_bridge: "EU_TSP_TB",
        dial_in_numbers: [{ code: "44", number: "2071234567", type: "toll" }],
      });
      return { userId: user.id, tspId: "1" };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ tsp_bridge: "EU_TSP_TB", dial_in_numbers: [{ code: "44", number: "2071234567", type: "toll" }] }),
  },
  {
    operationId: "userTSPUpdate",
    arrange: () => {
      const user = zoom.addUser();
      table.api.model.tspAccounts.create(user.id, { conference_code: "444444", leader_pin: "4" });
      return { userId: user.id, tspId: "1" };
    },
    body: { conference_code: "454545", leader_pin: "45" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.tspAccounts.get(String(params.userId), "1").conference_code).toBe("454545"),
  },
  {
    operationId: "userTSPDelete",
    arrange: () => {
      const user = zoom.addUser();
      table.api.model.tspAccounts.create(user.id, { conference_code: "555555", leader_pin: "5" });
      return { userId: user.id, tspId: "1" };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.tspAccounts.list(String(params.userId)).tsp_accounts).toEqual([]),
  },
  {
    operationId: "tspUrlUpdate",
    arrange: () => ({ userId: "me" }),
    body: { audio_url: "https://example.com/global-dial-in" },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.tspAccounts.audioUrlOf(world.userId)).toBe("https://example.com/global-dial-in"),
  },
  {
    operationId: "userVanityName",
    arrange: () => {
      zoom.addUser({ email: "vanity@example.com" });
      const user = [...zoom.state.users.values()].find((candidate) => candidate.email === "vanity@example.com");
      if (user !== undefined) table.api.model.users.update(table.api.model.users.resolve(user.id, user.id), { vanity_name: "vain" });
      return {};
    },
    query: { vanity_name: "vain" },
    status: 200,
    check: (body) => expect(body).toEqual({ existed: true }),
  },
  {
    operationId: "userPACs",
    arrange: () => {
      const user = zoom.addUser();
      table.api.model.tspAccounts.addPacAccount(user.id, { conference_id: 1234567890 });
      return { userId: user.id };
    },
    status: 200,
    check: (body) => expect(body.pac_accounts).toEqual([expect.objectContaining({ conference_id: 1234567890 })]),
  },
];

table.run("Users: every operation answers as the spec says", cases);
