import { describe, expect, it } from "vitest";
import { ZoomApiFailure } from "./api-failure.js";
import { MEETING_WRITES_PER_USER_PER_DAY } from "./daily-quota.js";
import { modelWithAda } from "./test-support.js";

describe("Meetings", () => {
  it("creates a meeting that looks like Zoom's: numeric id, uuid, join and start URLs, passcode", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "Design review", start_time: "2026-12-01T09:00:00Z", duration: 45 });
    expect(Number.isSafeInteger(meeting.id)).toBe(true);
    expect(String(meeting.id)).toMatch(/^\d{11}$/);
    expect(meeting.uuid).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(meeting.join_url).toMatch(new RegExp(`^https://zoom\\.us/j/${meeting.id}\\?pwd=`));
    expect(meeting.start_url).toMatch(new RegExp(`^https://zoom\\.us/s/${meeting.id}\\?zak=`));
    expect(meeting.password).toMatch(/^\d{6}$/);
    expect(meeting).toMatchObject({ host_id: ada.id, host_email: ada.email, type: 2, status: "waiting", start_time: "2026-12-01T09:00:00Z", duration: 45, timezone: "Europe/London" });
  });

  it("generates a passcode unless the host's settings do not require one", () => {
    const { model, ada } = modelWithAda();
    expect(model.createMeeting(ada, { default_password: false }).password).toMatch(/^\d{6}$/);
    model.settings.update(ada.id, { schedule_meeting: { require_password_for_scheduled_meetings: false } });
    const open = model.createMeeting(ada, {});
    expect(open.password).toBe("");
    expect(open.join_url).toBe(`https://zoom.us/j/${open.id}`);
    expect(model.createMeeting(ada, { password: "s3cret" }).password).toBe("s3cret");
  });

  it("reads, lists, patches and deletes a meeting", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "One" });
    expect(model.meetings.get(meeting.id)).toBe(meeting);
    expect(model.meetings.list(ada.id, undefined, {}).meetings.map((m) => m.id)).toEqual([meeting.id]);
    model.meetings.update(meeting, { topic: "Renamed", settings: { mute_upon_entry: true } });
    expect(model.meetings.view(meeting)).toMatchObject({ topic: "Renamed", settings: { mute_upon_entry: true, waiting_room: true } });
    model.deleteMeeting(meeting);
    expect(() => model.meetings.get(meeting.id)).toThrow(expect.objectContaining({ status: 404, code: 3001 }));
    expect(model.meetings.list(ada.id, undefined, {}).total_records).toBe(0);
  });

  it("recovers a deleted meeting within 7 days only", () => {
    const { model, ada, clock } = modelWithAda();
    const kept = model.meetings.create(ada, {});
    const lost = model.meetings.create(ada, {});
    model.deleteMeeting(kept);
    model.meetings.setStatus(kept.id, "recover");
    expect(model.meetings.get(kept.id)).toBe(kept);
    model.deleteMeeting(lost);
    clock.advance(8 * 24 * 60 * 60 * 1000);
    expect(() => model.meetings.setStatus(lost.id, "recover")).toThrow(expect.objectContaining({ code: 3001 }));
  });

  it("lists by type: live, upcoming and previous meetings", () => {
    const { model, ada, clock } = modelWithAda();
    const past = model.meetings.create(ada, { topic: "past", start_time: "2026-11-27T09:00:00Z", duration: 30 });
    const future = model.meetings.create(ada, { topic: "future", start_time: "2026-11-29T09:00:00Z" });
    clock.advance(1000);
    model.startMeeting(future.id);
    const ids = (type: "live" | "upcoming" | "previous_meetings") => model.meetings.list(ada.id, type, {}).meetings.map((m) => m.id);
    expect(ids("live")).toEqual([future.id]);
    expect(ids("upcoming")).toEqual([future.id]);
    expect(ids("previous_meetings")).toEqual([past.id]);
    expect(model.meetings.upcoming(ada.id)).toMatchObject({ total_records: 1, meetings: [{ id: future.id, is_host: true }] });
  });

  it("refuses the 101st create or update of a user's day with a daily-limit 429", () => {
    const { model, ada, clock } = modelWithAda();
    const first = model.meetings.create(ada, {});
    for (let count = 1; count < MEETING_WRITES_PER_USER_PER_DAY; count += 1) model.meetings.update(first, { topic: `v${count}` });
    try {
      model.meetings.create(ada, {});
      expect.fail("the daily limit must apply");
    } catch (error) {
      expect(error).toBeInstanceOf(ZoomApiFailure);
      const failure = error as ZoomApiFailure;
      expect(failure.status).toBe(429);
      expect(failure.headers["X-RateLimit-Type"]).toBe("Daily-limit");
      expect(failure.headers["Retry-After"]).toBe("2026-11-29T00:00:00.000Z");
    }
    clock.advance(14 * 60 * 60 * 1000);
    expect(model.meetings.create(ada, {}).id).toBeGreaterThan(0);
  });

  it("writes an invitation with the topic, join URL, grouped meeting number and passcode", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "Retro", password: "abc123" });
    const { invitation } = model.meetings.invitation(meeting, "Ada Lovelace");
    expect(invitation).toContain("Ada Lovelace is inviting you");
    expect(invitation).toContain("Topic: Retro");
    expect(invitation).toContain(meeting.join_url);
    const digits = String(meeting.id);
    expect(invitation).toContain(`Meeting ID: ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`);
    expect(invitation).toContain("Passcode: abc123");
  });

  it("rejects an unparseable start_time with code 300", () => {
    const { model, ada } = modelWithAda();
    expect(() => model.meetings.create(ada, { start_time: "next tuesday" })).toThrow(expect.objectContaining({ code: 300 }));
  });
});
