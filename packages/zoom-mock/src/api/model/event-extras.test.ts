import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("tokens and links for a meeting or webinar", () => {
  it("hands out closed-caption URLs, two-minute join tokens and one invite link per attendee", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    expect(model.eventTokens.closedCaptionToken(meeting.id).token).toMatch(new RegExp(`^https://wmcc\\.zoom\\.us/closedcaption\\?id=${meeting.id}&`));
    expect(model.eventTokens.joinToken("local_recording")).toEqual({ token: expect.any(String), expire_in: 120 });
    const links = model.eventTokens.inviteLinks(meeting.join_url, [{ name: "A" }, { name: "B" }]).attendees;
    expect(links.map((link) => link.name)).toEqual(["A", "B"]);
    expect(new URL(links[0]?.join_url ?? "").searchParams.get("pwd")).toBe(new URL(meeting.join_url).searchParams.get("pwd"));
    expect(links[0]?.join_url).not.toBe(links[1]?.join_url);
  });

  it("batch-registers for scheduled meetings only (code 303 otherwise)", () => {
    const { model, ada } = modelWithAda();
    const scheduled = model.meetings.create(ada, { type: 2, settings: { approval_type: 1 } });
    const result = model.addMeetingRegistrants(scheduled, { auto_approve: true, registrants: [{ email: "a@example.com", first_name: "A" }] });
    expect(result.registrants).toEqual([expect.objectContaining({ email: "a@example.com", participant_pin_code: expect.any(Number) })]);
    expect(model.registrants.list(model.meetingTarget(scheduled), "approved", {}).total_records).toBe(1);
    const instant = model.meetings.create(ada, { type: 1 });
    expect(() => model.addMeetingRegistrants(instant, { registrants: [] })).toThrow(expect.objectContaining({ status: 400, code: 303 }));
  });
});

describe("templates, tracking sources, account summary", () => {
  it("saves a meeting's settings as a template, replaces it on overwrite, and caps templates at 40", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { settings: { mute_upon_entry: true } });
    const { id } = model.meetingTemplates.create(ada.id, meeting, { name: "Quiet" });
    expect(model.meetingTemplates.get(ada.id, id).settings.schedule_meeting).toMatchObject({ mute_upon_entry: true });
    meeting.settings.mute_upon_entry = false;
    expect(model.meetingTemplates.create(ada.id, meeting, { name: "Quiet", overwrite: true }).id).toBe(id);
    expect(model.meetingTemplates.get(ada.id, id).settings.schedule_meeting).toMatchObject({ mute_upon_entry: false });
    for (let count = 1; count < 40; count += 1) model.meetingTemplates.create(ada.id, meeting, { name: `T${count}` });
    expect(() => model.meetingTemplates.create(ada.id, meeting, { name: "One too many" })).toThrow(expect.objectContaining({ code: 300 }));
    expect(() => model.meetingTemplates.get(ada.id, "nope")).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("lists tracking sources a test added, and counts the account's users by kind", () => {
    const { model, ada, users } = modelWithAda();
    const webinar = model.webinars.create(ada, {});
    model.trackingSources.add(webinar, "Newsletter", { visitors: 10, registrations: 3 });
    expect(model.trackingSources.list(webinar)).toMatchObject({ total_records: 1, tracking_sources: [{ source_name: "Newsletter", visitor_count: 10 }] });
    users.set("p", { id: "p", email: "p@example.com", type: 1, status: "pending" });
    users.set("b", { id: "b", email: "b@example.com", type: 1, status: "active" });
    expect(model.users.summary()).toMatchObject({ licensed_users_count: 1, basic_users_count: 1, pending_users_count: 1, total_users_count: 3 });
  });
});

describe("recordings: registrants, recovery, transcripts; session summaries", () => {
  it("registers viewers of a recording, recovers a trashed recording, and deletes its transcript", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    const recording = model.recordings.record(model.holdMeeting(meeting.id), "mock-account-id");
    const target = model.recordingTarget(recording);
    model.registrants.add(target, { email: "viewer@example.com", first_name: "V" });
    expect(model.registrants.list(target, "approved", {}).total_records).toBe(1);
    model.recordings.delete(recording, "trash");
    expect(() => model.recordings.resolve(String(meeting.id))).toThrow(expect.objectContaining({ code: 3301 }));
    model.recordings.recoverAll(String(meeting.id));
    expect(model.recordings.view(model.recordings.resolve(String(meeting.id))).recording_count).toBe(2);
    expect(model.recordings.transcript(String(meeting.id))).toMatchObject({ meeting_id: recording.uuid, can_download: true });
    model.recordings.deleteTranscript(String(meeting.id));
    expect(() => model.recordings.transcript(String(meeting.id))).toThrow(expect.objectContaining({ status: 404, code: 3322 }));
  });

  it("keeps an AI summary with the session it summarises, lists and deletes it", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "Planning" });
    const past = model.holdMeeting(meeting.id, { summary: { overview: "We agreed.", nextSteps: ["Ship it"] } });
    expect(model.pastMeetings.view(past).has_meeting_summary).toBe(true);
    expect(model.summaryOf(String(meeting.id))).toMatchObject({ meeting_uuid: past.uuid, summary_overview: "We agreed.", next_steps: ["Ship it"], meeting_host_email: ada.email });
    expect(model.listSummaries({}, {}).summaries).toHaveLength(1);
    expect(model.listSummaries({ from: Date.parse("2026-11-29T00:00:00Z") }, {}).summaries).toHaveLength(0);
    model.pastMeetings.deleteSummary(past);
    expect(() => model.summaryOf(String(meeting.id))).toThrow(expect.objectContaining({ status: 404, code: 3001 }));
  });
});
