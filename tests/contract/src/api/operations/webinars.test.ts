import { expect } from "vitest";
import { type OperationCase, useOperationTable } from "../operation-table.js";

/** One contract test per operation of specs/zoom-api.yaml about webinars: scheduling, registrants, panelists, polls, live streams, surveys, tokens, past sessions and templates. */
const table = useOperationTable();
const { newWebinar } = table;

const cases: OperationCase[] = [
  {
    operationId: "webinars",
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
    arrange: () => ({ userId: "me" }),
    body: { topic: "Launch", type: 5, start_time: "2030-03-01T15:00:00Z", duration: 60 },
    status: 201,
    check: (body) => expect(body).toMatchObject({ topic: "Launch", type: 5 }),
  },
  {
    operationId: "webinarCreate",
    arrange: (world) => ({
      userId: "me",
      templateId: world.api.model.webinarTemplates.create(world.userId, newWebinar(world, { settings: { hd_video: true } }), { name: "HD" }).id,
    }),
    body: (params: Record<string, string | number>) => ({
      topic: "Monthly town hall",
      type: 9,
      start_time: "2030-01-07T16:00:00Z",
      duration: 60,
      timezone: "UTC",
      template_id: params.templateId,
      tracking_fields: [{ field: "Region", value: "EMEA" }],
      recurrence: { type: 3, monthly_week: 1, monthly_week_day: 2, end_times: 2 },
    }),
    status: 201,
    check: (body, params) =>
      expect(body).toMatchObject({
        template_id: params.templateId,
        settings: { hd_video: true },
        tracking_fields: [{ field: "Region", value: "EMEA" }],
        recurrence: { type: 3, repeat_interval: 1, monthly_week: 1, monthly_week_day: 2, end_times: 2 },
        occurrences: [
          { occurrence_id: String(Date.parse("2030-01-07T16:00:00Z")), start_time: "2030-01-07T16:00:00Z", duration: 60, status: "available" },
          { occurrence_id: String(Date.parse("2030-02-04T16:00:00Z")), start_time: "2030-02-04T16:00:00Z", duration: 60, status: "available" },
        ],
      }),
  },
  {
    operationId: "webinarCreate",
    arrange: (world) => {
      const meeting = world.api.createMeeting(world.userId, { topic: "Recorded keynote" });
      const recording = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const fileId = world.api.model.recordings.all().find((candidate) => candidate.uuid === recording.uuid)?.recording_files[0]?.id ?? "";
      return { userId: "me", fileId };
    },
    body: (params: Record<string, string | number>) => ({
      topic: "Keynote replay",
      type: 5,
      start_time: "2030-03-02T15:00:00Z",
      is_simulive: true,
      record_file_id: params.fileId,
      simulive_delay_start: { enable: true, time: 30, timeunit: "second" },
    }),
    status: 201,
    check: (body, params) =>
      expect(body).toMatchObject({
        is_simulive: true,
        record_file_id: params.fileId,
        transition_to_live: false,
        simulive_delay_start: { enable: true, time: 30, timeunit: "second" },
      }),
  },
  {
    operationId: "webinar",
    arrange: (world) => ({
      webinarId: newWebinar(world, { type: 9, start_time: "2030-01-07T16:00:00Z", timezone: "UTC", recurrence: { type: 1, repeat_interval: 7, end_times: 3 } }).id,
    }),
    query: { occurrence_id: String(Date.parse("2030-01-14T16:00:00Z")) },
    status: 200,
    check: (body) => expect(body).toMatchObject({ type: 9, start_time: "2030-01-14T16:00:00Z", occurrences: expect.any(Array) }),
  },
  {
    operationId: "webinar",
    arrange: (world) => {
      const meeting = world.api.createMeeting(world.userId, { topic: "Recorded panel" });
      const recording = world.api.holdMeeting(meeting.id, { cloudRecording: true });
      const fileId = world.api.model.recordings.all().find((candidate) => candidate.uuid === recording.uuid)?.recording_files[0]?.id ?? "";
      const templateId = world.api.model.webinarTemplates.create(world.userId, newWebinar(world), { name: "Replay" }).id;
      const webinar = newWebinar(world, { is_simulive: true, record_file_id: fileId, transition_to_live: true, template_id: templateId, tracking_fields: [{ field: "Source", value: "Ads" }] });
      return { webinarId: webinar.id, fileId, templateId };
    },
    status: 200,
    check: (body, params) =>
      expect(body).toMatchObject({
        template_id: params.templateId,
        record_file_id: params.fileId,
        transition_to_live: true,
        simulive_delay_start: { enable: false },
        tracking_fields: [{ field: "Source", value: "Ads" }],
      }),
  },
  {
    operationId: "webinarRegistrantCreate",
    arrange: (world) => ({
      webinarId: newWebinar(world, { type: 9, start_time: "2030-01-07T16:00:00Z", timezone: "UTC", recurrence: { type: 1, repeat_interval: 7, end_times: 2 } }).id,
    }),
    body: { email: "series@example.com", first_name: "Series" },
    status: 201,
    check: (body) => expect((body.occurrences as unknown[]).length).toBe(2),
  },
  {
    operationId: "webinar",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body, params) => expect(body.id).toBe(params.webinarId),
  },
  {
    operationId: "webinarUpdate",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { topic: "Launch (moved)" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.webinars.get(params.webinarId ?? 0).topic).toBe("Launch (moved)"),
  },
  {
    operationId: "webinarDelete",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 204,
    check: (_body, params, world) => expect(() => world.api.model.webinars.get(params.webinarId ?? 0)).toThrow(),
  },
  {
    operationId: "webinarRegistrants",
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
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { email: "viewer2@example.com", first_name: "Viewer" },
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: params.webinarId, registrant_id: expect.any(String) }),
  },
  {
    operationId: "webinarRegistrantGet",
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
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { action: "end" },
    status: 200,
  },
  {
    operationId: "webinarPanelists",
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
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { panelists: [{ email: "host2@example.com", name: "Second host" }] },
    status: 201,
    check: (body, params) => expect(body).toMatchObject({ id: String(params.webinarId), updated_at: expect.any(String) }),
  },
  {
    operationId: "webinarPanelistsDelete",
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
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.panelists.add(webinar, [{ email: "solo@example.com", name: "Solo" }]);
      return { webinarId: webinar.id, panelistId: world.api.model.panelists.list(webinar).panelists[0]?.id ?? "" };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.panelists.list(world.api.model.webinars.get(params.webinarId ?? 0)).total_records).toBe(0),
  },
  {
    operationId: "pastWebinars",
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
    operationId: "getWebinarLiveStreamDetails",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ stream_url: "", stream_key: "", page_url: "", resolution: "720p" }),
  },
  {
    operationId: "webinarLiveStreamUpdate",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { stream_url: "rtmp://live.example.com/app", stream_key: "key", page_url: "https://example.com/live" },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveStreams.get(`webinar:${params.webinarId}`)).toMatchObject({ stream_key: "key" }),
  },
  {
    operationId: "webinarLiveStreamStatusUpdate",
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
    operationId: "webinarRegistrantsQuestionsGet",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ questions: [], custom_questions: [] }),
  },
  {
    operationId: "webinarRegistrantQuestionUpdate",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { questions: [{ field_name: "org", required: true }], custom_questions: [{ title: "Track", type: "single_radio", answers: ["A", "B"] }] },
    status: 204,
    check: (_body, params, world) =>
      expect(world.api.model.registrationQuestions.get(`webinar:${params.webinarId}`).questions).toEqual([{ field_name: "org", required: true }]),
  },
  {
    operationId: "webinarPolls",
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
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { title: "Quiz", poll_type: 3, questions: [{ name: "2 + 2?", type: "single", answers: ["3", "4"], right_answers: ["4"] }] },
    status: 201,
    check: (body) => expect(body).toMatchObject({ status: "notstart", title: "Quiz", poll_type: 3 }),
  },
  {
    operationId: "webinarPollGet",
    arrange: (world) => {
      const webinar = newWebinar(world);
      return { webinarId: webinar.id, pollId: world.api.model.webinarPolls.create(webinar, { title: "Read me" }).id };
    },
    status: 200,
    check: (body, params) => expect(body).toMatchObject({ id: params.pollId, title: "Read me" }),
  },
  {
    operationId: "webinarPollUpdate",
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
    arrange: (world) => {
      const webinar = newWebinar(world);
      return { webinarId: webinar.id, pollId: world.api.model.webinarPolls.create(webinar, { title: "Bye" }).id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.webinarPolls.list(world.api.model.webinars.get(params.webinarId ?? 0)).total_records).toBe(0),
  },
  {
    operationId: "webinarSurveyGet",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ show_in_the_browser: true, show_in_the_follow_up_email: false }),
  },
  {
    operationId: "webinarSurveyGet",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.surveys.update(`webinar:${webinar.id}`, { custom_survey: { title: "Feedback", questions: [{ name: "Clear?", type: "single", answers: ["Yes", "No"] }] } });
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ custom_survey: { title: "Feedback" } }),
  },
  {
    operationId: "webinarSurveyGet",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.surveys.update(`webinar:${webinar.id}`, { third_party_survey: "https://example.com/webinar-survey" });
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ third_party_survey: "https://example.com/webinar-survey" }),
  },
  {
    operationId: "webinarSurveyUpdate",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { show_in_the_follow_up_email: true },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.surveys.get(`webinar:${params.webinarId}`)).toMatchObject({ show_in_the_follow_up_email: true }),
  },
  {
    operationId: "webinarSurveyDelete",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 204,
  },
  {
    operationId: "listPastWebinarPollResults",
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
    operationId: "webinarToken",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    query: { type: "closed_caption_token" },
    status: 200,
    check: (body) => expect(body.token).toEqual(expect.any(String)),
  },
  {
    operationId: "webinarLocalRecordingJoinToken",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "webinarLiveStreamingJoinToken",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "webinarLocalArchivingArchiveToken",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    status: 200,
    check: (body) => expect(body).toEqual({ token: expect.any(String), expire_in: 120 }),
  },
  {
    operationId: "webinarInviteLinksCreate",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { attendees: [{ name: "Panel guest" }] },
    status: 201,
    check: (body) => expect(body.attendees).toHaveLength(1),
  },
  {
    operationId: "addBatchWebinarRegistrants",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: { registrants: [{ email: "wbatch@example.com", first_name: "W" }] },
    status: 201,
    check: (body) => expect(body.registrants).toEqual([expect.objectContaining({ email: "wbatch@example.com", registrant_id: expect.any(String) })]),
  },
  {
    operationId: "listWebinarTemplates",
    arrange: (world) => {
      world.api.model.webinarTemplates.create(world.userId, newWebinar(world), { name: "Webinar template" });
      return { userId: "me" };
    },
    status: 200,
    check: (body) => expect(body.templates).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Webinar template" })])),
  },
  {
    operationId: "webinarTemplateCreate",
    arrange: (world) => ({ userId: "me", webinarId: newWebinar(world).id }),
    body: (params: Record<string, string | number>) => ({ webinar_id: params.webinarId, name: "From a webinar" }),
    status: 201,
    check: (body) => expect(body).toMatchObject({ name: "From a webinar" }),
  },
  {
    operationId: "getTrackingSources",
    arrange: (world) => {
      const webinar = newWebinar(world);
      world.api.model.trackingSources.add(webinar, "Newsletter", { visitors: 12, registrations: 4 });
      return { webinarId: webinar.id };
    },
    status: 200,
    check: (body) => expect(body).toMatchObject({ total_records: 1, tracking_sources: [expect.objectContaining({ source_name: "Newsletter", registration_count: 4 })] }),
  },
  {
    operationId: "getWebinarSipDialingWithPasscode",
    arrange: (world) => ({ webinarId: newWebinar(world).id }),
    body: {},
    status: 201,
    check: (body) => expect(body).toMatchObject({ sip_dialing: expect.stringMatching(/@zoomcrc\.com$/), expire_in: 7200 }),
  },
  {
    operationId: "deleteWebinarChatMessageById",
    arrange: (world) => {
      const webinar = newWebinar(world);
      return { webinarId: webinar.id, messageId: world.api.model.liveEvents.postChat(`webinar:${webinar.id}`, "Ada", "spam").id };
    },
    status: 204,
    check: (_body, params, world) => expect(world.api.model.liveEvents.chatOf(`webinar:${params.webinarId}`)).toEqual([]),
  },
];

table.run("Webinars: every operation answers as the spec says", cases);
