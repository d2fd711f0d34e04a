import { describe, expect, it } from "vitest";
import { modelWithAda } from "./test-support.js";

const DAY = 24 * 60 * 60 * 1000;

/** Ada's weekly meeting on Mondays and Thursdays, five times, from Monday 2027-03-01 09:00 London time. */
function weeklyMeeting() {
  const world = modelWithAda();
  const meeting = world.model.createMeeting(world.ada, {
    topic: "Stand-up",
    type: 8,
    start_time: "2027-03-01T09:00:00Z",
    duration: 15,
    // Zoom takes a comma list of days; its schema (and so the generated type) lists single days only.
    recurrence: { type: 2, weekly_days: "2,5" as "2", end_times: 5 },
    settings: { approval_type: 0 },
  });
  return { ...world, meeting };
}

const idOf = (iso: string) => String(Date.parse(iso));

describe("occurrences of recurring meetings and webinars", () => {
  it("derives a recurring meeting's occurrences from its recurrence, with Zoom's defaults filled in", () => {
    const { model, meeting } = weeklyMeeting();
    expect(model.meetings.view(meeting)).toMatchObject({
      type: 8,
      recurrence: { type: 2, repeat_interval: 1, weekly_days: "2,5", end_times: 5 },
      occurrences: [
        { occurrence_id: idOf("2027-03-01T09:00:00Z"), start_time: "2027-03-01T09:00:00Z", duration: 15, status: "available" },
        { occurrence_id: idOf("2027-03-04T09:00:00Z"), start_time: "2027-03-04T09:00:00Z", duration: 15, status: "available" },
        { occurrence_id: idOf("2027-03-08T09:00:00Z"), start_time: "2027-03-08T09:00:00Z", duration: 15, status: "available" },
        { occurrence_id: idOf("2027-03-11T09:00:00Z"), start_time: "2027-03-11T09:00:00Z", duration: 15, status: "available" },
        { occurrence_id: idOf("2027-03-15T09:00:00Z"), start_time: "2027-03-15T09:00:00Z", duration: 15, status: "available" },
      ],
    });
  });

  it("gives no recurrence or occurrences to a meeting that does not recur at a fixed time", () => {
    const { model, ada } = modelWithAda();
    const once = model.createMeeting(ada, { type: 2, start_time: "2027-03-01T09:00:00Z", recurrence: { type: 1, end_times: 3 } });
    expect(model.meetings.view(once)).not.toHaveProperty("occurrences");
    expect(model.meetings.view(once)).not.toHaveProperty("recurrence");
    const daily = model.createMeeting(ada, { type: 8, start_time: "2027-03-01T09:00:00Z" });
    expect(model.meetings.view(daily)).toMatchObject({ recurrence: { type: 1, repeat_interval: 1, end_times: 1 }, occurrences: [{ start_time: "2027-03-01T09:00:00Z" }] });
  });

  it("leaves out occurrences that have ended unless show_previous_occurrences, by the model's clock", () => {
    const { model, clock, meeting } = weeklyMeeting();
    clock.advance(Date.parse("2027-03-05T00:00:00Z") - clock.now());
    expect((model.meetings.view(meeting).occurrences as unknown[]).length).toBe(3);
    expect((model.meetings.view(meeting, { includePast: true }).occurrences as unknown[]).length).toBe(5);
  });

  it("reads, changes and cancels one occurrence without touching the others", () => {
    const { model, meeting } = weeklyMeeting();
    const second = idOf("2027-03-04T09:00:00Z");
    model.meetings.update(meeting, { start_time: "2027-03-04T11:30:00Z", duration: 45, agenda: "Retro", settings: { mute_upon_entry: true } }, second);
    expect(model.meetings.view(meeting, { occurrenceId: second })).toMatchObject({
      start_time: "2027-03-04T11:30:00Z",
      duration: 45,
      agenda: "Retro",
      settings: { mute_upon_entry: true, approval_type: 0 },
    });
    const view = model.meetings.view(meeting);
    expect(view).toMatchObject({ start_time: "2027-03-01T09:00:00Z", duration: 15, agenda: "", settings: { mute_upon_entry: false } });
    expect(view.occurrences).toContainEqual({ occurrence_id: second, start_time: "2027-03-04T11:30:00Z", duration: 45, status: "available" });

    model.meetings.delete(meeting, second);
    expect(model.meetings.get(meeting.id)).toBe(meeting);
    expect(model.meetings.view(meeting).occurrences).toContainEqual(expect.objectContaining({ occurrence_id: second, status: "deleted" }));
  });

  it("refuses an occurrence the meeting does not have, and series fields changed for one occurrence (400 code 300)", () => {
    const { model, meeting } = weeklyMeeting();
    expect(() => model.meetings.view(meeting, { occurrenceId: "123" })).toThrow(expect.objectContaining({ status: 400, code: 300 }));
    expect(() => model.meetings.delete(meeting, "123")).toThrow(expect.objectContaining({ status: 400, code: 300 }));
    expect(() => model.meetings.update(meeting, { topic: "Renamed" }, idOf("2027-03-01T09:00:00Z"))).toThrow(
      expect.objectContaining({ status: 400, code: 300, errors: [expect.objectContaining({ field: "topic" })] }),
    );
    expect(meeting.topic).toBe("Stand-up");
  });

  it("re-derives the occurrences when the series' schedule changes, dropping single-occurrence changes", () => {
    const { model, meeting } = weeklyMeeting();
    model.meetings.update(meeting, { duration: 50 }, idOf("2027-03-04T09:00:00Z"));
    model.meetings.update(meeting, { recurrence: { type: 1, end_times: 2 } });
    expect(model.meetings.view(meeting).occurrences).toEqual([
      { occurrence_id: idOf("2027-03-01T09:00:00Z"), start_time: "2027-03-01T09:00:00Z", duration: 15, status: "available" },
      { occurrence_id: idOf("2027-03-02T09:00:00Z"), start_time: "2027-03-02T09:00:00Z", duration: 15, status: "available" },
    ]);
    model.meetings.update(meeting, { type: 2 });
    expect(model.meetings.view(meeting)).not.toHaveProperty("occurrences");
  });

  it("registers for the occurrences named, or every one to come, and lists registrants per occurrence", () => {
    const { model, meeting } = weeklyMeeting();
    const [first, second, third] = [idOf("2027-03-01T09:00:00Z"), idOf("2027-03-04T09:00:00Z"), idOf("2027-03-08T09:00:00Z")];
    const target = () => model.meetingTarget(meeting);
    const some = model.registrants.add(target(), { email: "some@example.com", first_name: "Some" }, [first, third]);
    expect((some.occurrences as { occurrence_id: string }[]).map((occurrence) => occurrence.occurrence_id)).toEqual([first, third]);
    model.meetings.delete(meeting, third);
    const all = model.registrants.add(target(), { email: "all@example.com", first_name: "All" });
    expect((all.occurrences as unknown[]).length).toBe(4);
    expect(() => model.registrants.add(target(), { email: "late@example.com", first_name: "Late" }, [third])).toThrow(
      expect.objectContaining({ status: 400, code: 300 }),
    );
    expect(model.registrants.list(target(), "approved", {}, second).registrants.map((registrant) => registrant.email)).toEqual(["all@example.com"]);
    expect(model.registrants.list(target(), "approved", {}, first).total_records).toBe(2);
  });

  it("gives recurring webinars (type 9) occurrences the same way", () => {
    const { model, ada, clock } = modelWithAda();
    const webinar = model.createWebinar(ada, { type: 9, start_time: "2027-01-04T17:00:00Z", duration: 60, recurrence: { type: 1, repeat_interval: 7, end_times: 3 } });
    const starts = (model.webinars.view(webinar).occurrences as { start_time: string }[]).map((occurrence) => occurrence.start_time);
    expect(starts).toEqual(["2027-01-04T17:00:00Z", "2027-01-11T17:00:00Z", "2027-01-18T17:00:00Z"]);
    model.webinars.delete(webinar, idOf("2027-01-11T17:00:00Z"));
    expect(model.webinars.get(webinar.id)).toBe(webinar);
    clock.advance(Date.parse("2027-01-12T00:00:00Z") - clock.now() + DAY);
    expect(model.webinars.view(webinar).occurrences).toEqual([expect.objectContaining({ start_time: "2027-01-18T17:00:00Z", status: "available" })]);
  });
});

describe("what scheduling derives from templates and simulive recordings", () => {
  it("schedules from a template: its settings and saved recurrence, and the template_id", () => {
    const { model, ada } = modelWithAda();
    const source = model.createMeeting(ada, {
      type: 8,
      start_time: "2027-03-01T09:00:00Z",
      recurrence: { type: 2, weekly_days: "2", end_times: 2 },
      settings: { mute_upon_entry: true },
    });
    const { id } = model.meetingTemplates.create(ada.id, source, { name: "Weekly", save_recurrence: true });
    const meeting = model.createMeeting(ada, { type: 8, start_time: "2027-04-05T09:00:00Z", template_id: id, settings: { host_video: true } });
    expect(model.meetings.view(meeting)).toMatchObject({
      template_id: id,
      settings: { mute_upon_entry: true, host_video: true },
      recurrence: { type: 2, weekly_days: "2", end_times: 2 },
    });
    expect(model.meetings.view(model.createMeeting(ada, {}))).not.toHaveProperty("template_id");
    expect(() => model.createMeeting(ada, { template_id: "nope" })).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("gives a simulive webinar the recording it plays, whether it may go live and its playback delay", () => {
    const { model, ada } = modelWithAda();
    const meeting = model.createMeeting(ada, {});
    model.holdMeeting(meeting.id, { cloudRecording: true });
    const fileId = model.recordings.all()[0]?.recording_files[0]?.id ?? "";
    const simulive = model.createWebinar(ada, { is_simulive: true, record_file_id: fileId, simulive_delay_start: { enable: true, time: 5, timeunit: "minute" } });
    expect(model.webinars.view(simulive)).toMatchObject({
      is_simulive: true,
      record_file_id: fileId,
      transition_to_live: false,
      simulive_delay_start: { enable: true, time: 5, timeunit: "minute" },
    });
    expect(model.webinars.view(model.createWebinar(ada, {}))).not.toHaveProperty("record_file_id");
    const refused = (input: Record<string, unknown>, field: string) =>
      expect(() => model.createWebinar(ada, { is_simulive: true, ...input })).toThrow(expect.objectContaining({ status: 400, code: 300, errors: [expect.objectContaining({ field })] }));
    refused({}, "record_file_id");
    refused({ record_file_id: "not-a-file" }, "record_file_id");
    refused({ record_file_id: fileId, simulive_delay_start: { enable: true, time: 11, timeunit: "minute" } }, "simulive_delay_start.time");
  });
});
