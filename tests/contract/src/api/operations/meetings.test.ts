import { expect } from "vitest";
import { type OperationCase, useOperationTable, type World } from "../operation-table.js";

/** One contract test per operation of specs/zoom-api.yaml about meetings: scheduling, status, invitations, registrants, polls, live streams, surveys, tokens, past sessions, summaries and templates. */
const table = useOperationTable();
const { ada, newMeeting } = table;

/** A weekly meeting on Tuesdays (Zoom's weekday 3), four times from Tuesday 2030-01-08 09:00 UTC. */
const WEEKLY_START = "2030-01-08T09:00:00Z";
const WEEKLY_OCCURRENCES = ["2030-01-08T09:00:00Z", "2030-01-15T09:00:00Z", "2030-01-22T09:00:00Z", "2030-01-29T09:00:00Z"] as const;
/** Zoom names an occurrence by its scheduled start in milliseconds. */
const occurrenceIdOf = (start: string) => String(Date.parse(start));
const newWeeklyMeeting = (world: World, input: Record<string, unknown> = {}) =>
  newMeeting(world, { type: 8, start_time: WEEKLY_START, duration: 30, timezone: "UTC", recurrence: { type: 2, weekly_days: "3", end_times: 4 }, ...input });

const cases: OperationCase[] = [
  {
    operationId: "meetings",
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
    arrange: () => ({ userId: "me" }),
    body: { topic: "Kick-off", type: 2, start_time: "2030-01-15T10:00:00Z", duration: 30, timezone: "UTC", settings: { join_before_host: true } },
    status: 201,
    check: (body) => expect(body).toMatchObject({ topic: "Kick-off", type: 2, start_time: "2030-01-15T10:00:00Z", settings: { join_before_host: true } }),
  },
  {
    operationId: "meetingCreate",
    arrange: () => ({ userId: "me" }),
    body: {
      topic: "Open house",
      type: 2,
      start_time: "2030-01-16T10:00:00Z",
      duration: 60,
      tracking_fields: [{ field: "Department", value: "Sales" }],
      settings: { approval_type: 0, use_pmi: true },
    },
    status: 201,
    check: (body) =>
      expect(body).toMatchObject({
        registration_url: expect.stringMatching(/^https:\/\/zoom\.us\/meeting\/register\/\S+$/),
        pmi: expect.stringMatching(/^\d{10}$/),
        tracking_fields: [{ field: "Department", value: "Sales" }],
        chat_join_url: `https://zoom.us/launch/jc/${body.id}`,
        dynamic_host_key: expect.stringMatching(/^\d{6}$/),
      }),
  },
  {
    operationId: "meeting",
    arrange: (world) => ({
      meetingId: newMeeting(world, { settings: { approval_type: 1, use_pmi: true }, tracking_fields: [{ field: "Team", value: "Ops" }] }).id,
    }),
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({
        registration_url: expect.stringMatching(/^https:\/\/zoom\.us\/meeting\/register\//),
        pmi: expect.stringMatching(/^\d{10}$/),
        tracking_fields: [{ field: "Team", value: "Ops" }],
      }),
  },
  {
    operationId: "meetingCreate",
    arrange: (world) => ({
      userId: "me",
      templateId: world.api.model.meetingTemplates.create(world.userId, newMeeting(world, { settings: { mute_upon_entry: true } }), { name: "Muted" }).id,
    }),
    body: (params: Record<string, string | number>) => ({
      topic: "Weekly sync",
      type: 8,
      start_time: WEEKLY_START,
      duration: 30,
      timezone: "UTC",
      template_id: params.templateId,
      recurrence: { type: 2, weekly_days: "3", end_times: 4 },
    }),
    status: 201,
    check: (body, params) =>
      expect(body).toMatchObject({
        template_id: params.templateId,
        settings: { mute_upon_entry: true },
        recurrence: { type: 2, repeat_interval: 1, weekly_days: "3", end_times: 4 },
        occurrences: WEEKLY_OCCURRENCES.map((start_time) => ({ occurrence_id: occurrenceIdOf(start_time), start_time, duration: 30, status: "available" })),
      }),
  },
  {
    operationId: "meeting",
    arrange: (world) => ({ meetingId: newWeeklyMeeting(world).id }),
    query: { occurrence_id: occurrenceIdOf(WEEKLY_OCCURRENCES[1]) },
    status: 200,
    check: (body) => expect(body).toMatchObject({ type: 8, start_time: WEEKLY_OCCURRENCES[1], occurrences: expect.arrayContaining([expect.objectContaining({ start_time: WEEKLY_OCCURRENCES[3] })]) }),
  },
  {
    operationId: "meeting",
    arrange: (world) => {
      const templateId = world.api.model.meetingTemplates.create(world.userId, newMeeting(world, { settings: { host_video: true } }), { name: "Cameras on" }).id;
      return { meetingId: newMeeting(world, { template_id: templateId }).id, templateId };
    },
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ template_id: params.templateId, settings: { host_video: true } }),
  },
  {
    operationId: "meetingUpdate",
    arrange: (world) => ({ meetingId: newWeeklyMeeting(world).id }),
    query: { occurrence_id: occurrenceIdOf(WEEKLY_OCCURRENCES[2]) },
    body: { start_time: "2030-01-23T12:00:00Z", duration: 20 },
    status: 204,
    check: (_body, params, world) => {
      const view = world.api.model.meetings.view(world.api.model.meetings.get(params.meetingId ?? 0));
      expect(view).toMatchObject({ start_time: WEEKLY_START, duration: 30 });
      expect(view.occurrences).toContainEqual({ occurrence_id: occurrenceIdOf(WEEKLY_OCCURRENCES[2]), start_time: "2030-01-23T12:00:00Z", duration: 20, status: "available" });
    },
  },
  {
    operationId: "meetingDelete",
    arrange: (world) => ({ meetingId: newWeeklyMeeting(world).id }),
    query: { occurrence_id: occurrenceIdOf(WEEKLY_OCCURRENCES[0]) },
    status: 204,
    check: (_body, params, world) => {
      const view = world.api.model.meetings.view(world.api.model.meetings.get(params.meetingId ?? 0));
      expect(view.occurrences).toContainEqual(expect.objectContaining({ occurrence_id: occurrenceIdOf(WEEKLY_OCCURRENCES[0]), status: "deleted" }));
    },
  },
  {
    operationId: "meetingRegistrantCreate",
    arrange: (world) => ({ meetingId: newWeeklyMeeting(world, { settings: { approval_type: 0 } }).id }),
    query: { occurrence_ids: [WEEKLY_OCCURRENCES[1], WEEKLY_OCCURRENCES[3]].map(occurrenceIdOf).join(",") },
    body: { email: "weekly.fan@example.com", first_name: "Weekly" },
    status: 201,
    check: (body) =>
      expect(body.occurrences).toEqual([WEEKLY_OCCURRENCES[1], WEEKLY_OCCURRENCES[3]].map((start_time) => ({ occurrence_id: occurrenceIdOf(start_time), start_time, duration: 30, status: "available" }))),
  },
  {
    operationId: "listUpcomingMeeting",
    arrange: (world) => {
      newMeeting(world, { start_time: "2030-02-01T10:00:00Z" });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.total_records).toBeGreaterThan(0),
  },
  {
    operationId: "meeting",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.meetingId, host_id: ada().id }),
  },
  {
    operationId: "meetingUpdate",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { topic: "Renamed", duration: 90 },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.meetings.get(params.meetingId ?? 0)).toMatchObject({ topic: "Renamed", duration: 90 }),
  },
  {
    operationId: "meetingDelete",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 204,
    check: (_body, params, world) => expect(world.api.model.meetings.find(params.meetingId ?? 0)).toBeUndefined(),
  },
  {
    operationId: "meetingStatus",
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
    arrange: (world) => ({ meetingId: newMeeting(world, { topic: "Invited" }).id }),
    status: 200,
    check: (body) => expect(body.invitation).toContain("Topic: Invited"),
  },
  {
    operationId: "meetingRegistrants",
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
    arrange: (world) => ({ meetingId: newMeeting(world, { settings: { approval_type: 0 } }).id }),
    body: { email: "ada.fan@example.com", first_name: "Fan", last_name: "Club" },
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: params.meetingId, registrant_id: expect.any(String) }),
  },
  {
    operationId: "meetingRegistrantStatus",
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
    // A UUID in a path is double-encoded, as Zoom asks for UUIDs with `/`.
    arrange: (world) => ({ meetingId: encodeURIComponent(world.api.holdMeeting(newMeeting(world).id).uuid) }),
    status: 200,
    check: (body, params) => expect(body.uuid).toBe(decodeURIComponent(String(params.meetingId))),
  },
  {
    operationId: "pastMeetingParticipants",
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
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id);
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.meetings).toHaveLength(1),
  },
  {
    operationId: "meetingRegistrantGet",
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
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { title: "Where to?", poll_type: 1, questions: [{ name: "Pick one", type: "single", answers: ["Here", "There"] }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), status: "notstart", title: "Where to?" }),
  },
  {
    operationId: "meetingPollGet",
    arrange: (world) => {
      const meeting = newMeeting(world);
      return { meetingId: meeting.id, pollId: world.api.model.polls.create(meeting, { title: "Read me" }).id };
    },
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.pollId, title: "Read me" }),
  },
  {
    operationId: "meetingPollUpdate",
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
    arrange: (world) => {
      const meeting = newMeeting(world);
      return { meetingId: meeting.id, pollId: world.api.model.polls.create(meeting, { title: "Bye" }).id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.polls.list(world.api.model.meetings.get(params.meetingId ?? 0)).total_records).toBe(0),
  },
  {
    operationId: "getMeetingLiveStreamDetails",
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
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { stream_url: "rtmp://live.example.com/app", stream_key: "key", page_url: "https://example.com/live", resolution: "720p" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveStreams.get(`meeting:${params.meetingId}`)).toMatchObject({ resolution: "720p" }),
  },
  {
    operationId: "meetingLiveStreamStatusUpdate",
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
    operationId: "meetingRegistrantsQuestionsGet",
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
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { custom_questions: [{ title: "How did you hear of us?", type: "short", required: false }] },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.registrationQuestions.get(`meeting:${params.meetingId}`).custom_questions).toHaveLength(1),
  },
  {
    operationId: "meetingSurveyGet",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.surveys.update(`meeting:${meeting.id}`, { third_party_survey: "https://example.com/survey" });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toEqual({ show_in_the_browser: true, third_party_survey: "https://example.com/survey" }),
  },
  {
    operationId: "meetingSurveyGet",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.surveys.update(`meeting:${meeting.id}`, { custom_survey: { title: "Quick poll", anonymous: true, questions: [{ name: "Rate it", type: "rating_scale", rating_min_value: 1, rating_max_value: 5 }] } });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ show_in_the_browser: true, custom_survey: { title: "Quick poll", anonymous: true } }),
  },
  {
    operationId: "meetingSurveyUpdate",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { custom_survey: { title: "How was it?", anonymous: true, questions: [{ name: "Rate it", type: "rating_scale", rating_min_value: 1, rating_max_value: 5 }] } },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.surveys.get(`meeting:${params.meetingId}`)).toMatchObject({ custom_survey: { title: "How was it?" } }),
  },
  {
    operationId: "meetingSurveyDelete",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.surveys.update(`meeting:${meeting.id}`, { show_in_the_browser: false });
      return { meetingId: meeting.id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.surveys.get(`meeting:${params.meetingId}`)).toEqual({ show_in_the_browser: true }),
  },
  {
    operationId: "listPastMeetingPolls",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { pollAnswers: [{ name: "Guest", email: "guest@example.com", pollId: "poll-1", question: "Lunch?", answer: "Yes" }] });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.questions).toEqual([expect.objectContaining({ name: "Guest", question_details: [expect.objectContaining({ answer: "Yes" })] })]),
  },
  {
    operationId: "meetingToken",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    query: { type: "closed_caption_token" },
    status: 200,
    check: (body, params) => expect(String(body.token)).toContain(`id=${params.meetingId}`),
  },
  {
    operationId: "meetingLocalRecordingJoinToken",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "meetingLiveStreamingJoinToken",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "meetingLocalArchivingArchiveToken",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "meetingInviteLinksCreate",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { attendees: [{ name: "Guest one" }, { name: "Guest two", disable_video: true }], ttl: 3600 },
    status: 201,
    check: (body) => expect(body.attendees).toEqual([expect.objectContaining({ name: "Guest one" }), expect.objectContaining({ name: "Guest two" })]),
  },
  {
    operationId: "addBatchRegistrants",
    arrange: (world) => ({ meetingId: newMeeting(world, { type: 2, settings: { approval_type: 1 } }).id }),
    body: { auto_approve: true, registrants: [{ email: "batch1@example.com", first_name: "One" }, { email: "batch2@example.com", first_name: "Two" }] },
    status: 201,
    check: (body) => expect(body.registrants).toEqual([expect.objectContaining({ email: "batch1@example.com" }), expect.objectContaining({ email: "batch2@example.com" })]),
  },
  {
    operationId: "listPastMeetingQA",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { questions: [{ name: "Guest", email: "guest@example.com", question: "Recording?", answer: "Yes" }] });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body.questions).toEqual([expect.objectContaining({ question_details: [{ question: "Recording?", answer: "Yes" }] })]),
  },
  {
    operationId: "listMeetingTemplates",
    arrange: (world) => {
      world.api.model.meetingTemplates.create(world.userId, newMeeting(world), { name: "Listed template" });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.templates).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Listed template", type: 1 })])),
  },
  {
    operationId: "meetingTemplateCreate",
    arrange: (world) => ({ userId: "me", meetingId: newMeeting(world).id }),
    body: (params: Record<string, string | number>) => ({ meeting_id: params.meetingId, name: "From a meeting", save_recurrence: false }),
    status: 201,
    check: (body) => expect(body).toMatchObject({ id: expect.any(String), name: "From a meeting" }),
  },
  {
    operationId: "getUserMeetingTemplates",
    arrange: (world) => ({
      userId: "me",
      meetingTemplateId: world.api.model.meetingTemplates.create(world.userId, newMeeting(world, { settings: { waiting_room: false } }), { name: "Open door" }).id,
    }),
    status: 200,
    check: (body) => expect(body).toMatchObject({ name: "Open door", settings: { meeting_security: { waiting_room: false } } }),
  },
  {
    operationId: "Listmeetingsummaries",
    arrange: (world) => {
      world.api.holdMeeting(newMeeting(world, { topic: "Summarised" }).id, { summary: { overview: "Short and sweet." } });
      return {};
    },
    query: { page_size: "5" },
    status: 200,
    check: (body) => expect(body.summaries).toEqual(expect.arrayContaining([expect.objectContaining({ meeting_topic: "Summarised" })])),
  },
  {
    operationId: "Listmeetingsummaries",
    arrange: (world) => {
      world.api.holdMeeting(newMeeting(world, { topic: "Summarised in range" }).id, { summary: { overview: "In range." } });
      return {};
    },
    query: { from: "2020-01-01T00:00:00Z", to: "2099-01-01T00:00:00Z" },
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({
        from: "2020-01-01T00:00:00Z",
        to: "2099-01-01T00:00:00Z",
        summaries: expect.arrayContaining([expect.objectContaining({ meeting_topic: "Summarised in range" })]),
      }),
  },
  {
    operationId: "Getameetingsummary",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { summary: { overview: "Decisions were made.", nextSteps: ["Follow up"] } });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ summary_overview: "Decisions were made.", next_steps: ["Follow up"] }),
  },
  {
    operationId: "Getameetingsummary",
    arrange: (world) => {
      const meeting = newMeeting(world, { topic: "Planning" });
      world.api.holdMeeting(meeting.id, {
        summary: { overview: "We planned.", details: [{ label: "Budget", summary: "Agreed." }], nextSteps: ["Ship"], edited: { overview: "We planned Q3." } },
      });
      return { meetingId: meeting.id };
    },
    status: 200,
    check: (body) =>
      expect(body).toMatchObject({
        summary_last_modified_user_id: ada().id,
        summary_last_modified_user_email: ada().email,
        edited_summary: { summary_overview: "We planned Q3." },
        summary_content: "# Meeting summary for Planning\n\n## Overview\n\nWe planned Q3.\n\n## Details\n\n### Budget\n\nAgreed.\n\n## Next steps\n\n- Ship",
        summary_doc_url: expect.stringMatching(/^https:\/\/docs\.zoom\.us\/doc\/[\w-]+$/),
      }),
  },
  {
    operationId: "Deletemeetingorwebinarsummary",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.holdMeeting(meeting.id, { summary: { overview: "Gone soon." } });
      return { meetingId: meeting.id };
    },
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.summaryOf(String(params.meetingId))).toThrow(),
  },
  {
    operationId: "getSipDialingWithPasscode",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { passcode: "123456" },
    status: 200,
    check: (body, params) => expect(String(body.sip_dialing)).toMatch(new RegExp(`^${params.meetingId}\\.123456\\..+@zoomcrc\\.com$`)),
  },
  {
    operationId: "createBatchPolls",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { polls: [{ title: "Warm-up" }, { title: "Quiz", poll_type: 3 }] },
    status: 201,
    check: (body) => expect(body.polls).toEqual([expect.objectContaining({ title: "Warm-up" }), expect.objectContaining({ title: "Quiz", poll_type: 3 })]),
  },
  {
    operationId: "meetingAppAdd",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: params.meetingId, app_id: "mock-client-id" }),
  },
  {
    operationId: "meetingAppDelete",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.model.openApps.add(meeting, "mock-client-id");
      return { meetingId: meeting.id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.openApps.of(world.api.model.meetings.get(params.meetingId ?? 0))).toEqual([]),
  },
  {
    operationId: "inMeetingControl",
    arrange: (world) => {
      const meeting = newMeeting(world);
      world.api.startMeeting(meeting.id);
      return { meetingId: meeting.id };
    },
    body: { method: "recording.start" },
    status: 202,
    check: (_body, params, world) => expect(world.api.model.liveEvents.controlsOf(`meeting:${params.meetingId}`)).toEqual([{ method: "recording.start", params: {} }]),
  },
  {
    operationId: "meetingRTMSStatusUpdate",
    arrange: (world) => ({ meetingId: newMeeting(world).id }),
    body: { action: "start", settings: { client_id: "rtms-client" } },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveEvents.rtmsOf(`meeting:${params.meetingId}`)).toEqual({ state: "started", clientId: "rtms-client" }),
  },
  {
    operationId: "updateMeetingChatMessageById",
    arrange: (world) => {
      const meeting = newMeeting(world);
      return { meetingId: meeting.id, messageId: world.api.model.liveEvents.postChat(`meeting:${meeting.id}`, "Ada", "helo").id };
    },
    body: { message_content: "hello" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveEvents.chatOf(`meeting:${params.meetingId}`)[0]?.message).toBe("hello"),
  },
  {
    operationId: "deleteMeetingChatMessageById",
    arrange: (world) => {
      const meeting = newMeeting(world);
      return { meetingId: meeting.id, messageId: world.api.model.liveEvents.postChat(`meeting:${meeting.id}`, "Ada", "oops").id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveEvents.chatOf(`meeting:${params.meetingId}`)).toEqual([]),
  },
];

table.run("Meetings: every operation answers as the spec says", cases);
