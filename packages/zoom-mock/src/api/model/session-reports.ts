import { ZoomApiFailure } from "./api-failure.js";
import type { MeetingRecord } from "./meetings.js";
import { countedPageFields, type PageRequest } from "./pagination.js";
import type { PastMeetingRecord, PastMeetings } from "./past-meetings.js";
import type { Surveys } from "./surveys.js";
import type { WebinarRecord } from "./webinars.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

/** Zoom keeps per-session reports for a year; an older session answers 400 code 12702. */
const REPORT_RETENTION_MS = 365 * 86_400_000;

/** What the per-session reports read: ended sessions, the sessions still scheduled, and their surveys. */
export interface SessionReportSources {
  pastMeetings: PastMeetings;
  pastWebinars: PastMeetings;
  findMeeting: (id: number) => MeetingRecord | undefined;
  findWebinar: (id: number) => WebinarRecord | undefined;
  surveys: Surveys;
}

/** A meeting's or a webinar's reports. */
export type SessionKind = "meeting" | "webinar";

/**
 * The reports on one ended meeting or webinar session (`/report/meetings/{meetingId}/...` and
 * `/report/webinars/{webinarId}/...`), derived from the session as the model recorded it: its
 * totals, its attendees, poll and survey answers, and Q&A. A `{meetingId}` names a session by UUID,
 * or the latest session of a meeting number; none gives 404 code 3001.
 */
export class SessionReports {
  readonly #context: ModelContext;
  readonly #sources: SessionReportSources;

  constructor(context: ModelContext, sources: SessionReportSources) {
    this.#context = context;
    this.#sources = sources;
  }

  /** `GET /report/{meetings|webinars}/{id}`: the session's totals. */
  details(kind: SessionKind, sessionId: string): Record<string, unknown> {
    const past = this.#session(kind, sessionId);
    return {
      uuid: past.uuid,
      id: past.id,
      type: past.type,
      topic: past.topic,
      user_name: past.user_name,
      user_email: past.user_email,
      start_time: past.start_time,
      end_time: past.end_time,
      duration: past.duration,
      total_minutes: past.total_minutes,
      participants_count: past.participants_count,
      dept: past.dept,
      custom_keys: [],
      tracking_fields: this.#trackingFields(kind, past.id),
    };
  }

  /**
   * `GET /report/{meetings|webinars}/{id}/participants`: one page of attendees. `registrant_id` is
   * only shown when `include_fields=registrant_id` asks for it.
   */
  participants(kind: SessionKind, sessionId: string, includeFields: string | undefined, page: PageRequest) {
    const past = this.#session(kind, sessionId);
    const rows = past.participants.map((participant) => {
      const { registrant_id, internal_user: _internal, id, ...fields } = participant;
      const row: Record<string, unknown> = { id, ...fields, participant_user_id: id };
      if (includeFields === "registrant_id") row.registrant_id = registrant_id;
      return row;
    });
    const result = this.#context.pages.page(`report-participants:${kind}:${past.uuid}:${includeFields ?? ""}`, rows, page);
    return { ...countedPageFields(result), participants: result.items };
  }

  /** `GET /report/{meetings|webinars}/{id}/polls`: the answers given, grouped by who gave them. */
  polls(kind: SessionKind, sessionId: string) {
    const past = this.#session(kind, sessionId);
    return this.#pastSessions(kind).pollResults(past);
  }

  /**
   * `GET /report/{meetings|webinars}/{id}/qa`: the questions asked, grouped by who asked them. A
   * question with an answer is `answered`, by the host in public; one without is `open`.
   */
  questionsAndAnswers(kind: SessionKind, sessionId: string) {
    const past = this.#session(kind, sessionId);
    const byPerson = new Map<string, { name: string; email: string; question_details: Record<string, unknown>[] }>();
    for (const asked of past.questions) {
      const key = `${asked.email}|${asked.name}`;
      const person = byPerson.get(key) ?? { name: asked.name, email: asked.email, question_details: [] };
      const answered = asked.answer !== undefined;
      person.question_details.push({
        question: asked.question,
        question_status: answered ? "answered" : "open",
        ...(answered ? { answer: asked.answer } : {}),
        answer_details: answered
          ? [{ user_id: past.host_id, name: past.user_name, email: past.user_email, content: asked.answer, type: "host_answered_publicly" }]
          : [],
      });
      byPerson.set(key, person);
    }
    return { id: past.id, uuid: past.uuid, start_time: past.start_time, questions: [...byPerson.values()] };
  }

  /**
   * `GET /report/{meetings|webinars}/{id}/survey`: the post-session survey's answers, grouped by
   * who gave them; the survey's name is the title of the session's custom survey, when it has one.
   */
  survey(kind: SessionKind, sessionId: string) {
    const past = this.#session(kind, sessionId);
    const byPerson = new Map<string, { name: string; email: string; answer_details: Record<string, unknown>[] }>();
    for (const answer of past.surveyAnswers) {
      const key = `${answer.email}|${answer.name}`;
      const person = byPerson.get(key) ?? { name: answer.name, email: answer.email, answer_details: [] };
      person.answer_details.push({
        question: answer.question,
        ...(answer.questionId === undefined ? {} : { question_id: answer.questionId }),
        answer: answer.answer,
        date_time: zoomDateTime(answer.at ?? Date.parse(past.end_time)),
      });
      byPerson.set(key, person);
    }
    const customSurvey = this.#sources.surveys.get(`${kind}:${past.id}`).custom_survey as { title?: unknown } | undefined;
    const prefix = kind === "meeting" ? "meeting" : "webinar";
    const surveyId = this.#sources.surveys.customSurveyId(`${kind}:${past.id}`);
    return {
      [`${prefix}_id`]: past.id,
      [`${prefix}_uuid`]: past.uuid,
      start_time: past.start_time,
      // Only a custom survey (not a third-party link) has an id.
      ...(surveyId === undefined ? {} : { survey_id: surveyId }),
      survey_name: typeof customSurvey?.title === "string" ? customSurvey.title : "",
      survey_answers: [...byPerson.values()],
    };
  }

  #pastSessions(kind: SessionKind): PastMeetings {
    return kind === "meeting" ? this.#sources.pastMeetings : this.#sources.pastWebinars;
  }

  #session(kind: SessionKind, sessionId: string): PastMeetingRecord {
    const past = this.#pastSessions(kind).resolve(sessionId);
    if (past.startedAt < this.#context.clock() - REPORT_RETENTION_MS) {
      throw new ZoomApiFailure(400, 12702, `Can not access a ${kind} a year ago.`);
    }
    return past;
  }

  #trackingFields(kind: SessionKind, id: number): { field: string; value: string }[] {
    const session = kind === "meeting" ? this.#sources.findMeeting(id) : this.#sources.findWebinar(id);
    return trackingFieldRows(session?.tracking_fields);
  }
}

/** A session's tracking fields as reports list them (`{ field, value }`). */
export function trackingFieldRows(fields: readonly unknown[] | undefined): { field: string; value: string }[] {
  return (fields ?? []).flatMap((entry) => {
    const { field, value } = (entry ?? {}) as { field?: unknown; value?: unknown };
    return typeof field === "string" ? [{ field, value: typeof value === "string" ? value : "" }] : [];
  });
}
