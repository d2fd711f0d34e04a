import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

describe("what happened in a session: poll answers, Q&A, absentees", () => {
  it("groups a meeting's poll answers by who gave them", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, {});
    const past = model.holdMeeting(meeting.id, {
      pollAnswers: [
        { name: "Ada", email: "ada@example.com", pollId: "p1", question: "Lunch?", answer: "Yes" },
        { name: "Ada", email: "ada@example.com", pollId: "p1", question: "Where?", answer: "Here" },
        { name: "Guest", email: "guest@example.com", pollId: "p1", question: "Lunch?", answer: "No" },
      ],
    });
    const results = model.pastMeetings.pollResults(past);
    expect(results).toMatchObject({ id: meeting.id, uuid: past.uuid, start_time: past.start_time });
    expect(results.questions.map((person) => [person.name, person.question_details.length])).toEqual([["Ada", 2], ["Guest", 1]]);
    expect(results.questions[0]?.question_details[0]).toEqual({ question: "Lunch?", answer: "Yes", polling_id: "p1", date_time: past.end_time });
  });

  it("lists a webinar's Q&A, answered or not, and the approved registrants who did not come", () => {
    const { model, ada } = modelWithAda();
    const webinar = model.webinars.create(ada, {});
    const target = model.webinarTarget(webinar);
    model.registrants.add(target, { email: "came@example.com", first_name: "Came" });
    model.registrants.add(target, { email: "missed@example.com", first_name: "Missed" });
    const past = model.holdWebinar(webinar.id, {
      participants: [{ name: "Came", user_email: "CAME@example.com" }],
      questions: [
        { name: "Came", email: "came@example.com", question: "When?", answer: "Now" },
        { name: "Came", email: "came@example.com", question: "Why?" },
      ],
    });
    expect(model.pastWebinars.questionsAndAnswers(past).questions).toEqual([
      { name: "Came", email: "came@example.com", question_details: [{ question: "When?", answer: "Now" }, { question: "Why?" }] },
    ]);
    const absentees = model.webinarAbsentees(String(webinar.id), {});
    expect(absentees.registrants.map((registrant) => registrant.email)).toEqual(["missed@example.com"]);
  });
});

describe("surveys, presence and recording settings", () => {
  it("answers survey defaults, merges a patch, and forgets on delete", () => {
    const { model } = modelWithAda();
    expect(model.surveys.get("webinar:1")).toEqual({ show_in_the_browser: true, show_in_the_follow_up_email: false });
    model.surveys.update("meeting:1", { third_party_survey: "https://example.com/s" });
    model.surveys.update("meeting:1", { show_in_the_browser: false });
    expect(model.surveys.get("meeting:1")).toEqual({ show_in_the_browser: false, third_party_survey: "https://example.com/s" });
    model.surveys.delete("meeting:1");
    expect(model.surveys.get("meeting:1")).toEqual({ show_in_the_browser: true });
  });

  it("keeps Do Not Disturb for its duration, then the user is Available again", () => {
    const { model, ada, clock } = modelWithAda();
    expect(model.presence.get(ada.id)).toEqual({ status: "Available" });
    model.presence.set(ada.id, { status: "Do_No_Disturb", duration: 30 });
    expect(model.presence.get(ada.id)).toEqual({ status: "Do_No_Disturb", end_time: "2026-11-28T10:30:00Z", remaining_time: 1800 });
    clock.advance(30 * 60_000);
    expect(model.presence.get(ada.id)).toEqual({ status: "Available" });
    model.presence.set(ada.id, { status: "Out_of_Office" });
    expect(model.presence.get(ada.id)).toEqual({ status: "Out_of_Office" });
  });

  it("shares recordings publicly by default and applies a new topic to the recording", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.meetings.create(ada, { topic: "Weekly" });
    const recording = model.recordings.record(model.holdMeeting(meeting.id), "mock-account-id");
    expect(model.recordings.settingsOf(recording)).toMatchObject({ share_recording: "publicly", viewer_download: true, topic: "Weekly" });
    model.recordings.updateSettings(recording, { share_recording: "internally", topic: "Weekly (edited)" });
    expect(model.recordings.settingsOf(recording)).toMatchObject({ share_recording: "internally", topic: "Weekly (edited)" });
    expect(model.recordings.view(recording).topic).toBe("Weekly (edited)");
  });
});
