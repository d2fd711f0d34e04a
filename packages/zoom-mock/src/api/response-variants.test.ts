import { afterEach, describe, expect, it } from "vitest";
import { createZoomMock } from "../create-zoom-mock.js";
import { serveMockApi } from "./test-support.js";

/**
 * The less travelled answers of the mock also match the spec: every variant below is requested and
 * the mock must record no violation (request or response) for any of them.
 */
const zoom = createZoomMock();
const api = zoom.api;
const mockApi = serveMockApi(zoom);
afterEach(() => zoom.assertNoViolations());

/** Calls the API and reads the body, so the mock checks the whole response. */
async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await mockApi.request(method, path, body);
  await response.text();
  return response;
}

describe("answers that match the spec in every variant", () => {
  it("user settings, whole and by option", async () => {
    for (const query of ["", "?option=meeting_security", "?option=meeting_authentication", "?option=recording_authentication"]) {
      expect((await call("GET", `/users/me/settings${query}`)).status, query).toBe(200);
    }
  });

  it("users created through the API, pending and active, read and listed", async () => {
    const created = await call("POST", "/users", { action: "create", user_info: { email: "pending@example.com", type: 1 } });
    expect(created.status).toBe(201);
    await call("POST", "/users", { action: "custCreate", user_info: { email: "active@example.com", type: 2, first_name: "Act", last_name: "Ive" } });
    for (const status of ["active", "pending", "inactive"]) expect((await call("GET", `/users?status=${status}`)).status).toBe(200);
    expect((await call("GET", "/users/pending@example.com")).status).toBe(200);
    expect((await call("GET", "/users/active@example.com/token?type=token&ttl=60")).status).toBe(200);
  });

  it("meetings of every type and list type, live and recurring", async () => {
    const recurrence = { type: 2, repeat_interval: 1, weekly_days: "2", end_times: 3 };
    for (const body of [
      { topic: "Instant", type: 1 },
      { topic: "Recurring, no fixed time", type: 3 },
      { topic: "Recurring", type: 8, start_time: "2030-01-01T09:00:00Z", duration: 30, recurrence },
      { topic: "Past", type: 2, start_time: "2020-01-01T09:00:00Z", duration: 30 },
    ]) {
      expect((await call("POST", "/users/me/meetings", body)).status, body.topic).toBe(201);
    }
    const live = api.createMeeting(zoom.defaultUser.id, { topic: "Live" });
    api.startMeeting(live.id);
    for (const type of ["scheduled", "live", "upcoming", "upcoming_meetings", "previous_meetings"]) {
      expect((await call("GET", `/users/me/meetings?type=${type}`)).status, type).toBe(200);
    }
    expect((await call("GET", `/meetings/${live.id}`)).status).toBe(200);
    expect((await call("GET", "/users/me/upcoming_meetings")).status).toBe(200);
    expect((await call("PUT", `/meetings/${live.id}/status`, { action: "end" })).status).toBe(204);
    expect((await call("DELETE", `/meetings/${live.id}`)).status).toBe(204);
    expect((await call("PUT", `/meetings/${live.id}/status`, { action: "recover" })).status).toBe(204);
    expect((await call("GET", `/past_meetings/${live.id}`)).status).toBe(200);
  });

  it("registrants pending, approved and denied", async () => {
    const meeting = api.createMeeting(zoom.defaultUser.id, { settings: { approval_type: 1 } });
    await call("POST", `/meetings/${meeting.id}/registrants`, { email: "a@example.com", first_name: "A", city: "Paris", custom_questions: [{ title: "Why", value: "Because" }] });
    await call("POST", `/meetings/${meeting.id}/registrants`, { email: "b@example.com", first_name: "B" });
    await call("PUT", `/meetings/${meeting.id}/registrants/status`, { action: "deny", registrants: [{ email: "b@example.com" }] });
    for (const status of ["pending", "approved", "denied"]) {
      expect((await call("GET", `/meetings/${meeting.id}/registrants?status=${status}&page_size=1`)).status).toBe(200);
    }
  });

  it("recordings listed from the trash and by meeting, and deleted for good", async () => {
    const meeting = api.createMeeting(zoom.defaultUser.id);
    api.holdMeeting(meeting.id, { cloudRecording: true, participants: [{ name: "Ada" }, { name: "Guest", user_email: "guest@example.com" }] });
    expect((await call("GET", `/users/me/recordings?meeting_id=${meeting.id}`)).status).toBe(200);
    expect((await call("DELETE", `/meetings/${meeting.id}/recordings`)).status).toBe(204);
    expect((await call("GET", "/users/me/recordings?trash=true")).status).toBe(200);
    expect((await call("GET", `/past_meetings/${meeting.id}/participants?page_size=1`)).status).toBe(200);
  });

  it("webinars of every type, listed scheduled and upcoming", async () => {
    for (const body of [
      { topic: "Webinar", type: 5, start_time: "2030-01-01T09:00:00Z", duration: 60 },
      { topic: "Recurring, no fixed time", type: 6 },
      { topic: "Recurring", type: 9, start_time: "2030-01-01T09:00:00Z", recurrence: { type: 1, repeat_interval: 1, end_times: 2 } },
    ]) {
      expect((await call("POST", "/users/me/webinars", body)).status, body.topic).toBe(201);
    }
    for (const type of ["scheduled", "upcoming"]) expect((await call("GET", `/users/me/webinars?type=${type}`)).status).toBe(200);
  });

  it("errors: every 4xx the mock gives is a declared ZoomError", async () => {
    expect((await call("GET", "/meetings/12345678901")).status).toBe(404);
    expect((await call("GET", "/users/nobody")).status).toBe(404);
    expect((await call("POST", "/users", { action: "create", user_info: { email: "ada@example.com", type: 1 } })).status).toBe(409);
    expect((await call("GET", "/meetings/12345678901/recordings")).status).toBe(404);
    expect((await call("GET", "/users/me/meetings?next_page_token=forged")).status).toBe(400);
    api.rateLimit({ type: "Daily-limit" });
    expect((await call("GET", "/users/me")).status).toBe(429);
    api.rateLimit({ type: "QPS", withoutHeaders: true });
    expect((await call("GET", "/users/me")).status).toBe(429);
  });
});
