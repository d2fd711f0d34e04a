import type { ZoomMockApi } from "@org/zoom-mock";
import { beforeAll, describe, expect, it } from "vitest";
import { callApi, signIn, useZoomApiMock } from "./api-fixture.js";

/**
 * One contract test per operation of specs/zoom-api.yaml: a request that satisfies the spec, an
 * answer with the documented status, and (asserted after every test by the fixture) no violation on
 * either side. `pnpm spec:coverage` reads the `operationId` of each row.
 */
const { zoom, api } = useZoomApiMock();
let accessToken = "";
beforeAll(async () => {
  accessToken = (await signIn(zoom)).accessToken();
});

interface World {
  api: ZoomMockApi;
  userId: string;
}

interface OperationCase {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The spec's path template. */
  path: string;
  /** Creates what the call needs and gives the path parameters. */
  arrange?: (world: World) => Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown | ((params: Record<string, string | number>) => unknown);
  status: number;
  /** Checks the answer's body (and, through `world`, the model's state). */
  check?: (body: Record<string, unknown>, params: Record<string, string | number>, world: World) => void;
}

const ada = () => zoom.defaultUser;
const newMeeting = (world: World, input: Record<string, unknown> = {}) => world.api.createMeeting(world.userId, { topic: "Contract", ...input });
const newWebinar = (world: World) => world.api.createWebinar(world.userId, { topic: "Contract webinar" });

const cases: OperationCase[] = [
  {
    operationId: "userMe",
    method: "GET",
    path: "/users/me",
    status: 200,
    check: (body) => expect(body).toMatchObject({ id: ada().id, email: ada().email }),
  },
  {
    operationId: "user",
    method: "GET",
    path: "/users/{userId}",
    arrange: () => ({ userId: ada().email }),
    status: 200,
    check: (body) => expect(body.id).toBe(ada().id),
  },
  {
    operationId: "users",
    method: "GET",
    path: "/users",
    query: { status: "active", page_size: "10" },
    status: 200,
    check: (body) => expect(body.users).toEqual(expect.arrayContaining([expect.objectContaining({ id: ada().id })])),
  },
  {
    operationId: "userCreate",
    method: "POST",
    path: "/users",
    body: { action: "create", user_info: { email: "grace@example.com", type: 1, first_name: "Grace", last_name: "Hopper" } },
    status: 201,
    check: (body) => expect(body).toMatchObject({ email: "grace@example.com", type: 1 }),
  },
  {
    operationId: "userUpdate",
    method: "PATCH",
    path: "/users/{userId}",
    arrange: () => ({ userId: zoom.addUser({ first_name: "Alan" }).id }),
    body: { first_name: "Alan M." },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.users.resolve(String(params.userId), "").first_name).toBe("Alan M."),
  },
  {
    operationId: "userDelete",
    method: "DELETE",
    path: "/users/{userId}",
    arrange: () => ({ userId: zoom.addUser({ first_name: "Leaving" }).id }),
    query: { action: "delete" },
    status: 204,
    check: (_body, params) => expect(zoom.state.users.has(String(params.userId))).toBe(false),
  },
  {
    operationId: "userSettings",
    method: "GET",
    path: "/users/{userId}/settings",
    arrange: () => ({ userId: "me" }),
    status: 200,
    check: (body) => expect(body).toHaveProperty("in_meeting"),
  },
  {
    operationId: "userSettingsUpdate",
    method: "PATCH",
    path: "/users/{userId}/settings",
    arrange: () => ({ userId: "me" }),
    body: { in_meeting: { chat: false } },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.settings.get(world.userId).in_meeting).toMatchObject({ chat: false }),
  },
  {
    operationId: "userToken",
    method: "GET",
    path: "/users/{userId}/token",
    arrange: () => ({ userId: "me" }),
    query: { type: "zak" },
    status: 200,
    check: (body, _params, world) => expect(world.api.model.userTokens.lookup(String(body.token))).toEqual({ userId: world.userId, type: "zak" }),
  },
  {
    operationId: "userZak",
    method: "GET",
    path: "/users/me/zak",
    status: 200,
    check: (body) => expect(typeof body.token).toBe("string"),
  },
  {
    operationId: "meetings",
    method: "GET",
    path: "/users/{userId}/meetings",
    arrange: (world) => {
      newMeeting(world);
      return { userId: "me" };
    },
    query: { type: "scheduled", page_size: "5" },
    status: 200,
    check: (body) => expect(body).toMatchObject({ page_size: 5, meetings: expect.any(Array) }),
  },
  {
    operationId: "meetingCreate",
    method: "POST",
    path: "/users/{userId}/meetings",
    arrange: () => ({ userId: "me" }),
    body: { topic: "Kick-off", type: 2, start_time: "2030-01-15T10:00:00Z", duration: 30, timezone: "UTC", settings: { join_before_host: true } },
    status: 201,
    check: (body) => expect(body).toMatchObject({ topic: "Kick-off", type: 2, start_time: "2030-01-15T10:00:00Z", settings: { join_before_host: true } }),
  },
  {
    operationId: "listUpcomingMeeting",
    method: "GET",
    path: "/users/{userId}/upcoming_meetings",
    arrange: (world) => {
      newMeeting(world, { start_time: "2030-02-01T10:00:00Z" });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.total_records).toBeGreaterThan(0),
  },
  {
    operationId: "meeting",
    method: "GET",
    path: "/meetings/{meetingId}",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.meetingId, host_id: ada().id }),
  },
  {
    operationId: "meetingUpdate",
    method: "PATCH",
    path: "/meetings/{meetingId}",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { topic: "Renamed", duration: 90 },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.meetings.get(params.meetingId ?? 0)).toMatchObject({ topic: "Renamed", duration: 90 }),
  },
  {
    operationId: "meetingDelete",
    method: "DELETE",
    path: "/meetings/{meetingId}",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 204,
    check: (_body, params, world) => expect(world.api.model.meetings.find(params.meetingId ?? 0)).toBeUndefined(),
  },
  {
    operationId: "meetingStatus",
    method: "PUT",
    path: "/meetings/{meetingId}/status",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.startMeeting(meeting.id);
      return { meetingId: meeting.id };
    },
    body: { action: "end" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.pastMeetings.instancesOf(params.meetingId ?? 0)).toHaveLength(1),
  },
  {
    operationId: "meetingInvitation",
    method: "GET",
    path: "/meetings/{meetingId}/invitation",
    arrange: (world) => ({ meetingId: newMeeting(world, { topic: "Invited" }).id }),
    status: 200,
    check: (body) => expect(body.invitation).toContain("Topic: Invited"),
  },
  {
    operationId: "meetingRegistrants",
    method: "GET",
    path: "/meetings/{meetingId}/registrants",
    arrange: (world) => {
      const meeting = newMeeting(world, { settings: { approval_type: 0 } });
      world.api.model.registrants.add(world.api.model.meetingTarget(meeting), { email: "reg@example.com", first_name: "Reg" });
      return { meetingId: meeting.id };
    },
    query: { status: "approved" },
    status: 200,
    check: (body) => expect(body.registrants).toEqual([expect.objectContaining({ email: "reg@example.com", status: "approved" })]),
  },
  {
    operationId: "meetingRegistrantCreate",
    method: "POST",
    path: "/meetings/{meetingId}/registrants",
    arrange: (world) => ({ meetingId: newMeeting(world, { settings: { approval_type: 0 } }).id }),
    body: { email: "ada.fan@example.com", first_name: "Fan", last_name: "Club" },
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: params.meetingId, registrant_id: expect.any(String) }),
  },
  {
    operationId: "meetingRegistrantStatus",
    method: "PUT",
    path: "/meetings/{meetingId}/registrants/status",
    arrange: (world) => {
      const meeting = newMeeting(world, { settings: { approval_type: 1 } });
      world.api.model.registrants.add(world.api.model.meetingTarget(meeting), { email: "wait@example.com", first_name: "Wait" });
      return { meetingId: meeting.id };
    },
    body: { action: "approve", registrants: [{ email: "wait@example.com" }] },
    status: 204,
    check: (_body, params, world) => {
      const target = world.api.model.meetingTarget(world.api.model.meetings.get(params.meetingId ?? 0));
      expect(world.api.model.registrants.list(target, "approved", {}).total_records).toBe(1);
    },
  },
  {
    operationId: "pastMeetingDetails",
    method: "GET",
    path: "/past_meetings/{meetingId}",
    // A UUID in a path is double-encoded, as Zoom asks for UUIDs with `/`.
    arrange: (world) => ({ meetingId: encodeURIComponent(world.api.holdMeeting(newMeeting(world).id).uuid) }),
    status: 200,
    check: (body, params) => expect(body.uuid).toBe(decodeURIComponent(String(params.meetingId))),
  },
  {
    operationId: "pastMeetingParticipants",
    method: "GET",
    path: "/past_meetings/{meetingId}/participants",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { participants: [{ name: "Ada Lovelace" }, { name: "Guest", joinedAfterMinutes: 5 }] });
      return { meetingId: meeting.id };
    },
    query: { page_size: "1" },
    status: 200,
    check: (body) => expect(body).toMatchObject({ total_records: 2, participants: [expect.objectContaining({ name: "Ada Lovelace" })] }),
  },
  {
    operationId: "pastMeetings",
    method: "GET",
    path: "/past_meetings/{meetingId}/instances",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id);
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.meetings).toHaveLength(1),
  },
  {
    operationId: "recordingsList",
    method: "GET",
    path: "/users/{userId}/recordings",
    arrange: (world) => {
      world.api.holdMeeting(newMeeting(world).id, { cloudRecording: true });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.total_records).toBeGreaterThan(0),
  },
  {
    operationId: "recordingGet",
    method: "GET",
    path: "/meetings/{meetingId}/recordings",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ recording_count: 2, recording_files: expect.any(Array) }),
  },
  {
    operationId: "recordingDelete",
    method: "DELETE",
    path: "/meetings/{meetingId}/recordings",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    query: { action: "trash" },
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.recordings.resolve(String(params.meetingId))).toThrow(),
  },
  {
    operationId: "webinars",
    method: "GET",
    path: "/users/{userId}/webinars",
    arrange: (world) => {
      newWebinar(world);
      return { userId: "me" };
    },
    query: { page_size: "10" },
    status: 200,
    check: (body) => expect(body.webinars).toEqual(expect.arrayContaining([expect.objectContaining({ topic: "Contract webinar" })])),
  },
  {
    operationId: "webinarCreate",
    method: "POST",
    path: "/users/{userId}/webinars",
    arrange: () => ({ userId: "me" }),
    body: { topic: "Launch", type: 5, start_time: "2030-03-01T15:00:00Z", duration: 60 },
    status: 201,
    check: (body) => expect(body).toMatchObject({ topic: "Launch", type: 5 }),
  },
  {
    operationId: "webinar",
    method: "GET",
    path: "/webinars/{webinarId}",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body, params) => expect(body.id).toBe(params.webinarId),
  },
  {
    operationId: "webinarUpdate",
    method: "PATCH",
    path: "/webinars/{webinarId}",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { topic: "Launch (moved)" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.webinars.get(params.webinarId ?? 0).topic).toBe("Launch (moved)"),
  },
  {
    operationId: "webinarDelete",
    method: "DELETE",
    path: "/webinars/{webinarId}",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.webinars.get(params.webinarId ?? 0)).toThrow(),
  },
  {
    operationId: "webinarRegistrants",
    method: "GET",
    path: "/webinars/{webinarId}/registrants",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.registrants.add(world.api.model.webinarTarget(webinar), { email: "viewer@example.com", first_name: "Viewer" });
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body.registrants).toEqual([expect.objectContaining({ email: "viewer@example.com" })]),
  },
  {
    operationId: "webinarRegistrantCreate",
    method: "POST",
    path: "/webinars/{webinarId}/registrants",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { email: "viewer2@example.com", first_name: "Viewer" },
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: params.webinarId, registrant_id: expect.any(String) }),
  },
  {
    operationId: "meetingRegistrantGet",
    method: "GET",
    path: "/meetings/{meetingId}/registrants/{registrantId}",
    arrange: (world) => {
      const meeting = newMeeting(world, { settings: { approval_type: 0 } });
      const { registrant_id } = world.api.model.registrants.add(world.api.model.meetingTarget(meeting), { email: "one@example.com", first_name: "One" });
      return { meetingId: meeting.id, registrantId: String(registrant_id) };
    },
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.registrantId, email: "one@example.com", status: "approved" }),
  },
  {
    operationId: "meetingregistrantdelete",
    method: "DELETE",
    path: "/meetings/{meetingId}/registrants/{registrantId}",
    arrange: (world) => {
      const meeting = newMeeting(world, { settings: { approval_type: 0 } });
      const { registrant_id } = world.api.model.registrants.add(world.api.model.meetingTarget(meeting), { email: "gone@example.com", first_name: "Gone" });
      return { meetingId: meeting.id, registrantId: String(registrant_id) };
    },
    status: 204,
    check: (_body, params, world) => {
      const target = world.api.model.meetingTarget(world.api.model.meetings.get(params.meetingId ?? 0));
      expect(world.api.model.registrants.list(target, "approved", {}).total_records).toBe(0);
    },
  },
  {
    operationId: "meetingPolls",
    method: "GET",
    path: "/meetings/{meetingId}/polls",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.polls.create(meeting, { title: "Lunch?" });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ total_records: 1, polls: [expect.objectContaining({ title: "Lunch?", status: "notstart" })] }),
  },
  {
    operationId: "meetingPollCreate",
    method: "POST",
    path: "/meetings/{meetingId}/polls",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { title: "Where to?", poll_type: 1, questions: [{ name: "Pick one", type: "single", answers: ["Here", "There"] }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), status: "notstart", title: "Where to?" }),
  },
  {
    operationId: "meetingPollGet",
    method: "GET",
    path: "/meetings/{meetingId}/polls/{pollId}",
    arrange: (world) => {
      const meeting = newMeeting(world);
      return { meetingId: meeting.id, pollId: world.api.model.polls.create(meeting, { title: "Read me" }).id };
    },
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.pollId, title: "Read me" }),
  },
  {
    operationId: "meetingPollUpdate",
    method: "PUT",
    path: "/meetings/{meetingId}/polls/{pollId}",
    arrange: (world) => {
      const meeting = newMeeting(world);
      return { meetingId: meeting.id, pollId: world.api.model.polls.create(meeting, { title: "Old" }).id };
    },
    body: { title: "New", anonymous: true },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.polls.get(world.api.model.meetings.get(params.meetingId ?? 0), String(params.pollId))).toMatchObject({ title: "New", anonymous: true }),
  },
  {
    operationId: "meetingPollDelete",
    method: "DELETE",
    path: "/meetings/{meetingId}/polls/{pollId}",
    arrange: (world) => {
      const meeting = newMeeting(world);
      return { meetingId: meeting.id, pollId: world.api.model.polls.create(meeting, { title: "Bye" }).id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.polls.list(world.api.model.meetings.get(params.meetingId ?? 0)).total_records).toBe(0),
  },
  {
    operationId: "userStatus",
    method: "PUT",
    path: "/users/{userId}/status",
    arrange: () => ({ userId: zoom.addUser({ first_name: "Paused" }).id }),
    body: { action: "deactivate" },
    status: 200,
    check: (_body, params) => expect(zoom.state.users.get(String(params.userId))?.status).toBe("inactive"),
  },
  {
    operationId: "userEmail",
    method: "GET",
    path: "/users/email",
    query: { email: "ada@example.com" },
    status: 200,
    check: (body) => expect(body).toEqual({ existed_email: true }),
  },
  {
    operationId: "webinarRegistrantGet",
    method: "GET",
    path: "/webinars/{webinarId}/registrants/{registrantId}",
    arrange: (world) => {
      const webinar = newWebinar(world);
      const { registrant_id } = world.api.model.registrants.add(world.api.model.webinarTarget(webinar), { email: "watcher@example.com", first_name: "W" });
      return { webinarId: webinar.id, registrantId: String(registrant_id) };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ email: "watcher@example.com", status: "approved" }),
  },
  {
    operationId: "deleteWebinarRegistrant",
    method: "DELETE",
    path: "/webinars/{webinarId}/registrants/{registrantId}",
    arrange: (world) => {
      const webinar = newWebinar(world);
      const { registrant_id } = world.api.model.registrants.add(world.api.model.webinarTarget(webinar), { email: "leaver@example.com", first_name: "L" });
      return { webinarId: webinar.id, registrantId: String(registrant_id) };
    },
    status: 204,
    check: (_body, params, world) => {
      const target = world.api.model.webinarTarget(world.api.model.webinars.get(params.webinarId ?? 0));
      expect(world.api.model.registrants.list(target, "approved", {}).total_records).toBe(0);
    },
  },
  {
    operationId: "webinarRegistrantStatus",
    method: "PUT",
    path: "/webinars/{webinarId}/registrants/status",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.registrants.add(world.api.model.webinarTarget(webinar), { email: "denied@example.com", first_name: "D" });
      return { webinarId: webinar.id };
    },
    body: { action: "deny", registrants: [{ email: "denied@example.com" }] },
    status: 204,
    check: (_body, params, world) => {
      const target = world.api.model.webinarTarget(world.api.model.webinars.get(params.webinarId ?? 0));
      expect(world.api.model.registrants.list(target, "denied", {}).total_records).toBe(1);
    },
  },
  {
    operationId: "webinarStatus",
    method: "PUT",
    path: "/webinars/{webinarId}/status",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { action: "end" },
    status: 200,
  },
  {
    operationId: "webinarPanelists",
    method: "GET",
    path: "/webinars/{webinarId}/panelists",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.panelists.add(webinar, [{ email: "speaker@example.com", name: "Speaker" }]);
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ total_records: 1, panelists: [expect.objectContaining({ email: "speaker@example.com", name: "Speaker" })] }),
  },
  {
    operationId: "webinarPanelistCreate",
    method: "POST",
    path: "/webinars/{webinarId}/panelists",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { panelists: [{ email: "host2@example.com", name: "Second host" }] },
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: String(params.webinarId), updated_at: expect.any(String) }),
  },
  {
    operationId: "webinarPanelistsDelete",
    method: "DELETE",
    path: "/webinars/{webinarId}/panelists",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.panelists.add(webinar, [{ email: "a@example.com", name: "A" }, { email: "b@example.com", name: "B" }]);
      return { webinarId: webinar.id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.panelists.list(world.api.model.webinars.get(params.webinarId ?? 0)).total_records).toBe(0),
  },
  {
    operationId: "webinarPanelistDelete",
    method: "DELETE",
    path: "/webinars/{webinarId}/panelists/{panelistId}",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.panelists.add(webinar, [{ email: "solo@example.com", name: "Solo" }]);
      return { webinarId: webinar.id, panelistId: world.api.model.panelists.list(webinar).panelists[0]?.id ?? "" };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.panelists.list(world.api.model.webinars.get(params.webinarId ?? 0)).total_records).toBe(0),
  },
  {
    operationId: "userAssistants",
    method: "GET",
    path: "/users/{userId}/assistants",
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
    method: "POST",
    path: "/users/{userId}/assistants",
    arrange: () => ({ userId: "me", assistantEmail: zoom.addUser({ first_name: "Aide" }).email }),
    body: (params: Record<string, string | number>) => ({ assistants: [{ email: params.assistantEmail, can_manage_host_private_event: true }] }),
    status: 201,
    check: (body) => expect(body).toMatchObject({ ids: expect.any(String), add_at: expect.any(String) }),
  },
  {
    operationId: "userAssistantsDelete",
    method: "DELETE",
    path: "/users/{userId}/assistants",
    arrange: (world) => {
      world.api.model.schedulingPrivileges.addAssistants(world.userId, [{ id: zoom.addUser().id }]);
      return { userId: "me" };
    },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.schedulingPrivileges.assistants(world.userId).assistants).toEqual([]),
  },
  {
    operationId: "userAssistantDelete",
    method: "DELETE",
    path: "/users/{userId}/assistants/{assistantId}",
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
    method: "GET",
    path: "/users/{userId}/schedulers",
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
    method: "DELETE",
    path: "/users/{userId}/schedulers",
    arrange: (world) => {
      world.api.model.schedulingPrivileges.addAssistants(zoom.addUser().id, [{ id: world.userId }]);
      return { userId: "me" };
    },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.schedulingPrivileges.schedulers(world.userId).schedulers).toEqual([]),
  },
  {
    operationId: "userSchedulerDelete",
    method: "DELETE",
    path: "/users/{userId}/schedulers/{schedulerId}",
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
    method: "PUT",
    path: "/users/{userId}/password",
    arrange: () => ({ userId: zoom.addUser().id }),
    body: { password: "a long new passphrase" },
    status: 204,
  },
  {
    operationId: "userEmailUpdate",
    method: "PUT",
    path: "/users/{userId}/email",
    arrange: () => ({ userId: zoom.addUser({ email: "old.address@example.com" }).id }),
    body: { email: "new.address@example.com" },
    status: 204,
    check: (_body, params) => expect(zoom.state.users.get(String(params.userId))?.email).toBe("new.address@example.com"),
  },
  {
    operationId: "userPermission",
    method: "GET",
    path: "/users/{userId}/permissions",
    arrange: () => ({ userId: "me" }),
    status: 200,
    check: (body) => expect(body.permissions).toContain("Meeting:Edit"),
  },
  {
    operationId: "recordingDeleteOne",
    method: "DELETE",
    path: "/meetings/{meetingId}/recordings/{recordingId}",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id, recordingId: world.api.model.recordings.resolve(past.uuid).recording_files[0]?.id ?? "" };
    },
    query: { action: "trash" },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.recordings.view(world.api.model.recordings.resolve(String(params.meetingId))).recording_count).toBe(1),
  },
  {
    operationId: "recordingStatusUpdateOne",
    method: "PUT",
    path: "/meetings/{meetingId}/recordings/{recordingId}/status",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const fileId = world.api.model.recordings.resolve(past.uuid).recording_files[0]?.id ?? "";
      world.api.model.recordings.deleteFile(past.uuid, fileId);
      return { meetingId: meeting.id, recordingId: fileId };
    },
    body: { action: "recover" },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.recordings.view(world.api.model.recordings.resolve(String(params.meetingId))).recording_count).toBe(2),
  },
  {
    operationId: "pastWebinars",
    method: "GET",
    path: "/past_webinars/{webinarId}/instances",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.holdWebinar(webinar.id);
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body.webinars).toHaveLength(1),
  },
  {
    operationId: "listWebinarParticipants",
    method: "GET",
    path: "/past_webinars/{webinarId}/participants",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.holdWebinar(webinar.id, { participants: [{ name: "Viewer one" }, { name: "Viewer two" }] });
      return { webinarId: webinar.id };
    },
    query: { page_size: "1" },
    status: 200,
    check: (body) => expect(body).toMatchObject({ total_records: 2, participants: [expect.objectContaining({ name: "Viewer one" })] }),
  },
  {
    operationId: "getMeetingLiveStreamDetails",
    method: "GET",
    path: "/meetings/{meetingId}/livestream",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.liveStreams.update(`meeting:${meeting.id}`, { stream_url: "rtmp://live.example.com/app", stream_key: "key", page_url: "https://example.com/live" });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ stream_url: "rtmp://live.example.com/app", page_url: "https://example.com/live" }),
  },
  {
    operationId: "meetingLiveStreamUpdate",
    method: "PATCH",
    path: "/meetings/{meetingId}/livestream",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { stream_url: "rtmp://live.example.com/app", stream_key: "key", page_url: "https://example.com/live", resolution: "720p" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveStreams.get(`meeting:${params.meetingId}`)).toMatchObject({ resolution: "720p" }),
  },
  {
    operationId: "meetingLiveStreamStatusUpdate",
    method: "PATCH",
    path: "/meetings/{meetingId}/livestream/status",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.liveStreams.update(`meeting:${meeting.id}`, { stream_url: "rtmp://x.example.com/app", stream_key: "key", page_url: "https://example.com" });
      return { meetingId: meeting.id };
    },
    body: { action: "start", settings: { active_speaker_name: true, display_name: "Ada's stream" } },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveStreams.isLive(`meeting:${params.meetingId}`)).toBe(true),
  },
  {
    operationId: "getWebinarLiveStreamDetails",
    method: "GET",
    path: "/webinars/{webinarId}/livestream",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({}),
  },
  {
    operationId: "webinarLiveStreamUpdate",
    method: "PATCH",
    path: "/webinars/{webinarId}/livestream",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { stream_url: "rtmp://live.example.com/app", stream_key: "key", page_url: "https://example.com/live" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveStreams.get(`webinar:${params.webinarId}`)).toMatchObject({ stream_key: "key" }),
  },
  {
    operationId: "webinarLiveStreamStatusUpdate",
    method: "PATCH",
    path: "/webinars/{webinarId}/livestream/status",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.liveStreams.update(`webinar:${webinar.id}`, { stream_url: "rtmp://x.example.com/app", stream_key: "key", page_url: "https://example.com" });
      world.api.model.liveStreams.setStatus(`webinar:${webinar.id}`, { action: "start" });
      return { webinarId: webinar.id };
    },
    body: { action: "stop" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveStreams.isLive(`webinar:${params.webinarId}`)).toBe(false),
  },
  {
    operationId: "meetingRegistrantsQuestionsGet",
    method: "GET",
    path: "/meetings/{meetingId}/registrants/questions",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.registrationQuestions.update(`meeting:${meeting.id}`, { questions: [{ field_name: "city", required: true }] });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toEqual({ questions: [{ field_name: "city", required: true }], custom_questions: [] }),
  },
  {
    operationId: "meetingRegistrantQuestionUpdate",
    method: "PATCH",
    path: "/meetings/{meetingId}/registrants/questions",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { custom_questions: [{ title: "How did you hear of us?", type: "short", required: false }] },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.registrationQuestions.get(`meeting:${params.meetingId}`).custom_questions).toHaveLength(1),
  },
  {
    operationId: "webinarRegistrantsQuestionsGet",
    method: "GET",
    path: "/webinars/{webinarId}/registrants/questions",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ questions: [], custom_questions: [] }),
  },
  {
    operationId: "webinarRegistrantQuestionUpdate",
    method: "PATCH",
    path: "/webinars/{webinarId}/registrants/questions",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { questions: [{ field_name: "org", required: true }], custom_questions: [{ title: "Track", type: "single_radio", answers: ["A", "B"] }] },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.registrationQuestions.get(`webinar:${params.webinarId}`).questions).toEqual([{ field_name: "org", required: true }]),
  },
  {
    operationId: "webinarPolls",
    method: "GET",
    path: "/webinars/{webinarId}/polls",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.webinarPolls.create(webinar, { title: "Favourite talk?" });
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ total_records: 1, polls: [expect.objectContaining({ title: "Favourite talk?" })] }),
  },
  {
    operationId: "webinarPollCreate",
    method: "POST",
    path: "/webinars/{webinarId}/polls",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { title: "Quiz", poll_type: 3, questions: [{ name: "2 + 2?", type: "single", answers: ["3", "4"], right_answers: ["4"] }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ status: "notstart", title: "Quiz", poll_type: 3 }),
  },
  {
    operationId: "webinarPollGet",
    method: "GET",
    path: "/webinars/{webinarId}/polls/{pollId}",
    arrange: (world) => {
      const webinar = newWebinar(world);
      return { webinarId: webinar.id, pollId: world.api.model.webinarPolls.create(webinar, { title: "Read me" }).id };
    },
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.pollId, title: "Read me" }),
  },
  {
    operationId: "webinarPollUpdate",
    method: "PUT",
    path: "/webinars/{webinarId}/polls/{pollId}",
    arrange: (world) => {
      const webinar = newWebinar(world);
      return { webinarId: webinar.id, pollId: world.api.model.webinarPolls.create(webinar, { title: "Old" }).id };
    },
    body: { title: "New" },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.webinarPolls.get(world.api.model.webinars.get(params.webinarId ?? 0), String(params.pollId)).title).toBe("New"),
  },
  {
    operationId: "webinarPollDelete",
    method: "DELETE",
    path: "/webinars/{webinarId}/polls/{pollId}",
    arrange: (world) => {
      const webinar = newWebinar(world);
      return { webinarId: webinar.id, pollId: world.api.model.webinarPolls.create(webinar, { title: "Bye" }).id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.webinarPolls.list(world.api.model.webinars.get(params.webinarId ?? 0)).total_records).toBe(0),
  },
  {
    operationId: "meetingSurveyGet",
    method: "GET",
    path: "/meetings/{meetingId}/survey",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.surveys.update(`meeting:${meeting.id}`, { third_party_survey: "https://example.com/survey" });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toEqual({ show_in_the_browser: true, third_party_survey: "https://example.com/survey" }),
  },
  {
    operationId: "meetingSurveyUpdate",
    method: "PATCH",
    path: "/meetings/{meetingId}/survey",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { custom_survey: { title: "How was it?", anonymous: true, questions: [{ name: "Rate it", type: "rating_scale", rating_min_value: 1, rating_max_value: 5 }] } },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.surveys.get(`meeting:${params.meetingId}`)).toMatchObject({ custom_survey: { title: "How was it?" } }),
  },
  {
    operationId: "meetingSurveyDelete",
    method: "DELETE",
    path: "/meetings/{meetingId}/survey",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.surveys.update(`meeting:${meeting.id}`, { show_in_the_browser: false });
      return { meetingId: meeting.id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.surveys.get(`meeting:${params.meetingId}`)).toEqual({ show_in_the_browser: true }),
  },
  {
    operationId: "webinarSurveyGet",
    method: "GET",
    path: "/webinars/{webinarId}/survey",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ show_in_the_browser: true, show_in_the_follow_up_email: false }),
  },
  {
    operationId: "webinarSurveyUpdate",
    method: "PATCH",
    path: "/webinars/{webinarId}/survey",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { show_in_the_follow_up_email: true },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.surveys.get(`webinar:${params.webinarId}`)).toMatchObject({ show_in_the_follow_up_email: true }),
  },
  {
    operationId: "webinarSurveyDelete",
    method: "DELETE",
    path: "/webinars/{webinarId}/survey",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 204,
  },
  {
    operationId: "getUserPresenceStatus",
    method: "GET",
    path: "/users/{userId}/presence_status",
    arrange: (world) => {
      world.api.model.presence.set(world.userId, { status: "Do_No_Disturb", duration: 15 });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ status: "Do_No_Disturb", remaining_time: 900 }),
  },
  {
    operationId: "updatePresenceStatus",
    method: "PUT",
    path: "/users/{userId}/presence_status",
    arrange: () => ({ userId: "me" }),
    body: { status: "Away" },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.presence.get(world.userId)).toEqual({ status: "Away" }),
  },
  {
    operationId: "listPastMeetingPolls",
    method: "GET",
    path: "/past_meetings/{meetingId}/polls",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { pollAnswers: [{ name: "Guest", email: "guest@example.com", pollId: "poll-1", question: "Lunch?", answer: "Yes" }] });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.questions).toEqual([expect.objectContaining({ name: "Guest", question_details: [expect.objectContaining({ answer: "Yes" })] })]),
  },
  {
    operationId: "listPastWebinarPollResults",
    method: "GET",
    path: "/past_webinars/{webinarId}/polls",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.holdWebinar(webinar.id, { pollAnswers: [{ name: "Viewer", email: "viewer@example.com", pollId: "poll-2", question: "Useful?", answer: "Very" }] });
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body.questions).toHaveLength(1),
  },
  {
    operationId: "listPastWebinarQA",
    method: "GET",
    path: "/past_webinars/{webinarId}/qa",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.holdWebinar(webinar.id, { questions: [{ name: "Viewer", email: "viewer@example.com", question: "Slides?", answer: "Tomorrow" }] });
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body.questions).toEqual([expect.objectContaining({ question_details: [{ question: "Slides?", answer: "Tomorrow" }] })]),
  },
  {
    operationId: "webinarAbsentees",
    method: "GET",
    path: "/past_webinars/{webinarId}/absentees",
    arrange: (world) => {
      const webinar = newWebinar(world);
      const target = world.api.model.webinarTarget(webinar);
      world.api.model.registrants.add(target, { email: "came@example.com", first_name: "Came" });
      world.api.model.registrants.add(target, { email: "missed@example.com", first_name: "Missed" });
      world.api.holdWebinar(webinar.id, { participants: [{ name: "Came", user_email: "came@example.com" }] });
      return { webinarId: webinar.id };
    },
    query: { page_size: "10" },
    status: 200,
    check: (body) => expect(body).toMatchObject({ total_records: 1, registrants: [expect.objectContaining({ email: "missed@example.com" })] }),
  },
  {
    operationId: "recordingSettingUpdate",
    method: "GET",
    path: "/meetings/{meetingId}/recordings/settings",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ share_recording: "publicly", viewer_download: true }),
  },
  {
    operationId: "recordingSettingsUpdate",
    method: "PATCH",
    path: "/meetings/{meetingId}/recordings/settings",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    body: { share_recording: "internally", viewer_download: false },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.recordings.settingsOf(world.api.model.recordings.resolve(String(params.meetingId)))).toMatchObject({ share_recording: "internally" }),
  },
  {
    operationId: "meetingToken",
    method: "GET",
    path: "/meetings/{meetingId}/token",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    query: { type: "closed_caption_token" },
    status: 200,
    check: (body, params) => expect(String(body.token)).toContain(`id=${params.meetingId}`),
  },
  {
    operationId: "webinarToken",
    method: "GET",
    path: "/webinars/{webinarId}/token",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    query: { type: "closed_caption_token" },
    status: 200,
    check: (body) => expect(body.token).toEqual(expect.any(String)),
  },
  {
    operationId: "meetingLocalRecordingJoinToken",
    method: "GET",
    path: "/meetings/{meetingId}/jointoken/local_recording",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "meetingLiveStreamingJoinToken",
    method: "GET",
    path: "/meetings/{meetingId}/jointoken/live_streaming",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "meetingLocalArchivingArchiveToken",
    method: "GET",
    path: "/meetings/{meetingId}/jointoken/local_archiving",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "webinarLocalRecordingJoinToken",
    method: "GET",
    path: "/webinars/{webinarId}/jointoken/local_recording",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "webinarLiveStreamingJoinToken",
    method: "GET",
    path: "/webinars/{webinarId}/jointoken/live_streaming",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "webinarLocalArchivingArchiveToken",
    method: "GET",
    path: "/webinars/{webinarId}/jointoken/local_archiving",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "meetingInviteLinksCreate",
    method: "POST",
    path: "/meetings/{meetingId}/invite_links",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { attendees: [{ name: "Guest one" }, { name: "Guest two", disable_video: true }], ttl: 3600 },
    status: 201,
    check: (body) => expect(body.attendees).toEqual([expect.objectContaining({ name: "Guest one" }), expect.objectContaining({ name: "Guest two" })]),
  },
  {
    operationId: "webinarInviteLinksCreate",
    method: "POST",
    path: "/webinars/{webinarId}/invite_links",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { attendees: [{ name: "Panel guest" }] },
    status: 201,
    check: (body) => expect(body.attendees).toHaveLength(1),
  },
  {
    operationId: "addBatchRegistrants",
    method: "POST",
    path: "/meetings/{meetingId}/batch_registrants",
    arrange: (world) => ({ meetingId: newMeeting(world, { type: 2, settings: { approval_type: 1 } }).id }),
    body: { auto_approve: true, registrants: [{ email: "batch1@example.com", first_name: "One" }, { email: "batch2@example.com", first_name: "Two" }] },
    status: 201,
    check: (body) => expect(body.registrants).toEqual([expect.objectContaining({ email: "batch1@example.com" }), expect.objectContaining({ email: "batch2@example.com" })]),
  },
  {
    operationId: "addBatchWebinarRegistrants",
    method: "POST",
    path: "/webinars/{webinarId}/batch_registrants",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { registrants: [{ email: "wbatch@example.com", first_name: "W" }] },
    status: 201,
    check: (body) => expect(body.registrants).toEqual([expect.objectContaining({ email: "wbatch@example.com", registrant_id: expect.any(String) })]),
  },
  {
    operationId: "listPastMeetingQA",
    method: "GET",
    path: "/past_meetings/{meetingId}/qa",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { questions: [{ name: "Guest", email: "guest@example.com", question: "Recording?", answer: "Yes" }] });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.questions).toEqual([expect.objectContaining({ question_details: [{ question: "Recording?", answer: "Yes" }] })]),
  },
  {
    operationId: "userSSOTokenDelete",
    method: "DELETE",
    path: "/users/{userId}/token",
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
    method: "GET",
    path: "/users/summary",
    status: 200,
    check: (body) => expect(body.total_users_count).toBe(zoom.state.users.size),
  },
  {
    operationId: "listMeetingTemplates",
    method: "GET",
    path: "/users/{userId}/meeting_templates",
    arrange: (world) => {
      world.api.model.meetingTemplates.create(world.userId, newMeeting(world), { name: "Listed template" });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.templates).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Listed template", type: 1 })])),
  },
  {
    operationId: "meetingTemplateCreate",
    method: "POST",
    path: "/users/{userId}/meeting_templates",
    arrange: (world) => ({ userId: "me", meetingId: newMeeting(world).id }),
    body: (params: Record<string, string | number>) => ({ meeting_id: params.meetingId, name: "From a meeting", save_recurrence: false }),
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), name: "From a meeting" }),
  },
  {
    operationId: "getUserMeetingTemplates",
    method: "GET",
    path: "/users/{userId}/meeting_templates/{meetingTemplateId}",
    arrange: (world) => ({
      userId: "me",
      meetingTemplateId: world.api.model.meetingTemplates.create(world.userId, newMeeting(world, { settings: { waiting_room: false } }), { name: "Open door" }).id,
    }),
    status: 200,
    check: (body) => expect(body).toMatchObject({ name: "Open door", settings: { meeting_security: { waiting_room: false } } }),
  },
  {
    operationId: "listWebinarTemplates",
    method: "GET",
    path: "/users/{userId}/webinar_templates",
    arrange: (world) => {
      world.api.model.webinarTemplates.create(world.userId, newWebinar(world), { name: "Webinar template" });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.templates).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Webinar template" })])),
  },
  {
    operationId: "webinarTemplateCreate",
    method: "POST",
    path: "/users/{userId}/webinar_templates",
    arrange: (world) => ({ userId: "me", webinarId: newWebinar(world).id }),
    body: (params: Record<string, string | number>) => ({ webinar_id: params.webinarId, name: "From a webinar" }),
    status: 201,
    check: (body) => expect(body).toMatchObject({ name: "From a webinar" }),
  },
  {
    operationId: "getTrackingSources",
    method: "GET",
    path: "/webinars/{webinarId}/tracking_sources",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.trackingSources.add(webinar, "Newsletter", { visitors: 12, registrations: 4 });
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ total_records: 1, tracking_sources: [expect.objectContaining({ source_name: "Newsletter", registration_count: 4 })] }),
  },
  {
    operationId: "meetingRecordingRegistrants",
    method: "GET",
    path: "/meetings/{meetingId}/recordings/registrants",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const recording = world.api.model.recordings.resolve(String(meeting.id));
      world.api.model.registrants.add(world.api.model.recordingTarget(recording), { email: "viewer@example.com", first_name: "Viewer" });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.registrants).toEqual([expect.objectContaining({ email: "viewer@example.com" })]),
  },
  {
    operationId: "meetingRecordingRegistrantCreate",
    method: "POST",
    path: "/meetings/{meetingId}/recordings/registrants",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    body: { email: "late.viewer@example.com", first_name: "Late" },
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: params.meetingId, registrant_id: expect.any(String), share_url: expect.any(String) }),
  },
  {
    operationId: "meetingRecordingRegistrantStatus",
    method: "PUT",
    path: "/meetings/{meetingId}/recordings/registrants/status",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const target = world.api.model.recordingTarget(world.api.model.recordings.resolve(String(meeting.id)));
      const { registrant_id } = world.api.model.registrants.add(target, { email: "nope@example.com", first_name: "Nope" });
      return { meetingId: meeting.id, registrantId: String(registrant_id) };
    },
    body: (params: Record<string, string | number>) => ({ action: "deny", registrants: [{ id: params.registrantId }] }),
    status: 204,
    check: (_body, params, world) => {
      const target = world.api.model.recordingTarget(world.api.model.recordings.resolve(String(params.meetingId)));
      expect(world.api.model.registrants.list(target, "denied", {}).total_records).toBe(1);
    },
  },
  {
    operationId: "recordingRegistrantsQuestionsGet",
    method: "GET",
    path: "/meetings/{meetingId}/recordings/registrants/questions",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toEqual({ questions: [], custom_questions: [] }),
  },
  {
    operationId: "recordingRegistrantQuestionUpdate",
    method: "PATCH",
    path: "/meetings/{meetingId}/recordings/registrants/questions",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    body: { questions: [{ field_name: "job_title", required: true }] },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.registrationQuestions.get(`recording:${params.meetingId}`).questions).toHaveLength(1),
  },
  {
    operationId: "recordingStatusUpdate",
    method: "PUT",
    path: "/meetings/{meetingUUID}/recordings/status",
    arrange: (world) => {
      const meeting = newMeeting(world);
      const past = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      world.api.model.recordings.delete(world.api.model.recordings.resolve(past.uuid), "trash");
      return { meetingUUID: encodeURIComponent(past.uuid) };
    },
    body: { action: "recover" },
    status: 200,
    check: (_body, params, world) =>
      expect(world.api.model.recordings.view(world.api.model.recordings.resolve(String(params.meetingUUID))).recording_count).toBe(2),
  },
  {
    operationId: "GetMeetingTranscript",
    method: "GET",
    path: "/meetings/{meetingId}/transcript",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ can_download: true, download_url: expect.any(String) }),
  },
  {
    operationId: "DeleteMeetingTranscript",
    method: "DELETE",
    path: "/meetings/{meetingId}/transcript",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { cloudRecording: true });
      return { meetingId: meeting.id };
    },
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.recordings.transcript(String(params.meetingId))).toThrow(),
  },
  {
    operationId: "Listmeetingsummaries",
    method: "GET",
    path: "/meetings/meeting_summaries",
    arrange: (world) => {
      world.api.holdMeeting(newMeeting(world, { topic: "Summarised" }).id, { summary: { overview: "Short and sweet." } });
      return {};
    },
    query: { page_size: "5" },
    status: 200,
    check: (body) => expect(body.summaries).toEqual(expect.arrayContaining([expect.objectContaining({ meeting_topic: "Summarised" })])),
  },
  {
    operationId: "Getameetingsummary",
    method: "GET",
    path: "/meetings/{meetingId}/meeting_summary",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { summary: { overview: "Decisions were made.", nextSteps: ["Follow up"] } });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ summary_overview: "Decisions were made.", next_steps: ["Follow up"] }),
  },
  {
    operationId: "Deletemeetingorwebinarsummary",
    method: "DELETE",
    path: "/meetings/{meetingId}/meeting_summary",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { summary: { overview: "Gone soon." } });
      return { meetingId: meeting.id };
    },
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.summaryOf(String(params.meetingId))).toThrow(),
  },
  {
    operationId: "trackingfieldList",
    method: "GET",
    path: "/tracking_fields",
    arrange: (world) => {
      world.api.model.account.createTrackingField({ field: "Department", visible: true });
      return {};
    },
    status: 200,
    check: (body) => expect(body.tracking_fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: "Department" })])),
  },
  {
    operationId: "trackingfieldCreate",
    method: "POST",
    path: "/tracking_fields",
    body: { field: "Cost center", required: true, visible: true, recommended_values: ["R&D", "Sales"] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), field: "Cost center", recommended_values: ["R&D", "Sales"] }),
  },
  {
    operationId: "trackingfieldGet",
    method: "GET",
    path: "/tracking_fields/{fieldId}",
    arrange: (world) => ({ fieldId: world.api.model.account.createTrackingField({ field: "Region" }).id }),
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.fieldId, field: "Region" }),
  },
  {
    operationId: "trackingfieldUpdate",
    method: "PATCH",
    path: "/tracking_fields/{fieldId}",
    arrange: (world) => ({ fieldId: world.api.model.account.createTrackingField({ field: "Project", required: false }).id }),
    body: { required: true },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.account.trackingField(String(params.fieldId)).required).toBe(true),
  },
  {
    operationId: "trackingfieldDelete",
    method: "DELETE",
    path: "/tracking_fields/{fieldId}",
    arrange: (world) => ({ fieldId: world.api.model.account.createTrackingField({ field: "Temporary" }).id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.account.trackingField(String(params.fieldId))).toThrow(),
  },
  {
    operationId: "deviceList",
    method: "GET",
    path: "/h323/devices",
    arrange: (world) => {
      world.api.model.account.createDevice({ name: "Board room", protocol: "H.323", ip: "10.1.0.1", encryption: "auto" });
      return {};
    },
    query: { page_size: "10" },
    status: 200,
    check: (body) => expect(body.devices).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Board room" })])),
  },
  {
    operationId: "deviceCreate",
    method: "POST",
    path: "/h323/devices",
    body: { name: "Lobby", protocol: "SIP", ip: "10.1.0.2", encryption: "yes" },
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), name: "Lobby", protocol: "SIP" }),
  },
  {
    operationId: "deviceUpdate",
    method: "PATCH",
    path: "/h323/devices/{deviceId}",
    arrange: (world) => ({ deviceId: world.api.model.account.createDevice({ name: "Old room", protocol: "H.323", ip: "10.1.0.3", encryption: "no" }).id }),
    body: { name: "New room", protocol: "H.323", ip: "10.1.0.3", encryption: "auto" },
    status: 204,
  },
  {
    operationId: "deviceDelete",
    method: "DELETE",
    path: "/h323/devices/{deviceId}",
    arrange: (world) => ({ deviceId: world.api.model.account.createDevice({ name: "Gone room", protocol: "SIP", ip: "10.1.0.4", encryption: "no" }).id }),
    status: 200,
  },
  {
    operationId: "tsp",
    method: "GET",
    path: "/tsp",
    status: 200,
    check: (body) => expect(body).toMatchObject({ tsp_bridge: expect.any(String) }),
  },
  {
    operationId: "tspUpdate",
    method: "PATCH",
    path: "/tsp",
    body: { enable: true, tsp_provider: "Acme Audio" },
    status: 204,
    check: (_body, _params, world) => expect(world.api.model.account.tsp()).toMatchObject({ enable: true, tsp_provider: "Acme Audio" }),
  },
  {
    operationId: "getSipDialingWithPasscode",
    method: "POST",
    path: "/meetings/{meetingId}/sip_dialing",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { passcode: "123456" },
    status: 200,
    check: (body, params) => expect(String(body.sip_dialing)).toMatch(new RegExp(`^${params.meetingId}\\.123456\\..+@zoomcrc\\.com$`)),
  },
  {
    operationId: "getWebinarSipDialingWithPasscode",
    method: "POST",
    path: "/webinars/{webinarId}/sip_dialing",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: {},
    status: 201,
    check: (body) => expect(body).toMatchObject({ sip_dialing: expect.stringMatching(/@zoomcrc\.com$/), expire_in: 7200 }),
  },
  {
    operationId: "createBatchPolls",
    method: "POST",
    path: "/meetings/{meetingId}/batch_polls",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { polls: [{ title: "Warm-up" }, { title: "Quiz", poll_type: 3 }] },
    status: 201,
    check: (body) => expect(body.polls).toEqual([expect.objectContaining({ title: "Warm-up" }), expect.objectContaining({ title: "Quiz", poll_type: 3 })]),
  },
  {
    operationId: "meetingAppAdd",
    method: "POST",
    path: "/meetings/{meetingId}/open_apps",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: params.meetingId, app_id: "mock-client-id" }),
  },
  {
    operationId: "meetingAppDelete",
    method: "DELETE",
    path: "/meetings/{meetingId}/open_apps",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.openApps.add(meeting, "mock-client-id");
      return { meetingId: meeting.id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.openApps.of(world.api.model.meetings.get(params.meetingId ?? 0))).toEqual([]),
  },
  {
    operationId: "contactGroups",
    method: "GET",
    path: "/contacts/groups",
    arrange: (world) => {
      world.api.model.contactGroups.create({ group_name: "Listed group" });
      return {};
    },
    status: 200,
    check: (body) => expect(body.groups).toEqual(expect.arrayContaining([expect.objectContaining({ group_name: "Listed group" })])),
  },
  {
    operationId: "contactGroupCreate",
    method: "POST",
    path: "/contacts/groups",
    body: { group_name: "Engineering", group_privacy: 2, description: "Builders", group_members: [{ type: 1, id: "mock-user-ada" }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ group_name: "Engineering", group_privacy: 2, total_members: 1 }),
  },
  {
    operationId: "contactGroup",
    method: "GET",
    path: "/contacts/groups/{groupId}",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Read me" }).group_id }),
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ group_id: params.groupId, group_name: "Read me", total_members: 0 }),
  },
  {
    operationId: "contactGroupUpdate",
    method: "PATCH",
    path: "/contacts/groups/{groupId}",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Old name" }).group_id }),
    body: { name: "New name", privacy: 3 },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.contactGroups.view(String(params.groupId))).toMatchObject({ group_name: "New name", group_privacy: 3 }),
  },
  {
    operationId: "contactGroupDelete",
    method: "DELETE",
    path: "/contacts/groups/{groupId}",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Short-lived" }).group_id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.contactGroups.view(String(params.groupId))).toThrow(),
  },
  {
    operationId: "contactGroupMembers",
    method: "GET",
    path: "/contacts/groups/{groupId}/members",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "With Ada", group_members: [{ type: 1, id: world.userId }] }).group_id }),
    query: { page_size: "5" },
    status: 200,
    check: (body, _params, world) => expect(body.group_members).toEqual([{ type: 1, id: world.userId, name: "Ada Lovelace" }]),
  },
  {
    operationId: "contactGroupMemberAdd",
    method: "POST",
    path: "/contacts/groups/{groupId}/members",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Growing" }).group_id }),
    body: { group_members: [{ type: 1, id: "mock-user-ada" }] },
    status: 201,
    check: (body) => expect(body).toEqual({ member_ids: ["mock-user-ada"] }),
  },
  {
    operationId: "contactGroupMemberRemove",
    method: "DELETE",
    path: "/contacts/groups/{groupId}/members",
    arrange: (world) => ({ groupId: world.api.model.contactGroups.create({ group_name: "Shrinking", group_members: [{ type: 1, id: world.userId }] }).group_id }),
    query: { member_ids: "mock-user-ada" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.contactGroups.view(String(params.groupId)).total_members).toBe(0),
  },
  {
    operationId: "listDivisions",
    method: "GET",
    path: "/divisions",
    status: 200,
    check: (body) => expect(body.divisions).toEqual(expect.arrayContaining([expect.objectContaining({ division_id: "main", is_main_division: true })])),
  },
  {
    operationId: "Createadivision",
    method: "POST",
    path: "/divisions",
    body: { division_name: "APAC", division_description: "Asia-Pacific" },
    status: 201,
    check: (body) => expect(body).toMatchObject({ division_id: expect.any(String), division_name: "APAC" }),
  },
  {
    operationId: "Getdivision",
    method: "GET",
    path: "/divisions/{divisionId}",
    arrange: (world) => ({ divisionId: world.api.model.divisions.create({ division_name: "Americas" }).division_id }),
    status: 200,
    check: (body) => expect(body).toMatchObject({ division_name: "Americas", is_main_division: false }),
  },
  {
    operationId: "Updateadivision",
    method: "PATCH",
    path: "/divisions/{divisionId}",
    arrange: (world) => ({ divisionId: world.api.model.divisions.create({ division_name: "Nordics" }).division_id }),
    body: { division_description: "Five countries" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.divisions.get(String(params.divisionId)).division_description).toBe("Five countries"),
  },
  {
    operationId: "Deletedivision",
    method: "DELETE",
    path: "/divisions/{divisionId}",
    arrange: (world) => ({ divisionId: world.api.model.divisions.create({ division_name: "Empty" }).division_id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.divisions.get(String(params.divisionId))).toThrow(),
  },
  {
    operationId: "listDivisionMembers",
    method: "GET",
    path: "/divisions/{divisionId}/users",
    arrange: (world) => {
      const division = world.api.model.divisions.create({ division_name: "Team of one" });
      world.api.model.divisions.assign(division.division_id, [{ user_id: zoom.addUser({ email: "solo@example.com" }).id }]);
      return { divisionId: division.division_id };
    },
    status: 200,
    check: (body) => expect(body.users).toEqual([expect.objectContaining({ user_email: "solo@example.com" })]),
  },
  {
    operationId: "assigndivisionMember",
    method: "POST",
    path: "/divisions/{divisionId}/users",
    arrange: (world) => ({ divisionId: world.api.model.divisions.create({ division_name: "New hires" }).division_id, userId: zoom.addUser().id }),
    body: (params: Record<string, string | number>) => ({ users: [{ user_id: params.userId }] }),
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ ids: params.userId, added_at: expect.any(String) }),
  },
];

function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(String(value));
  });
}

describe("every operation of specs/zoom-api.yaml answers as the spec says", () => {
  it.each(cases)("$operationId: $method $path -> $status", async (operation) => {
    const world: World = { api, userId: zoom.defaultUser.id };
    const params = operation.arrange?.(world) ?? {};
    const query = operation.query ? `?${new URLSearchParams(operation.query)}` : "";
    const body = typeof operation.body === "function" ? operation.body(params) : operation.body;
    const response = await callApi(accessToken, operation.method, `${fillPath(operation.path, params)}${query}`, body);
    const text = await response.text();
    expect(response.status, text).toBe(operation.status);
    expect(response.headers.get("x-zm-trackingid")).toBeTruthy();
    const parsed = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
    operation.check?.(parsed, params, world);
    expect(zoom.violations).toEqual([]);
  });
});
