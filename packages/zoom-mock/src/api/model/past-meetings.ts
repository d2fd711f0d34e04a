import { meetingNotFound, summaryNotFound, webinarNotFound } from "./api-failure.js";
import { uuidCandidates } from "./meeting-uuid.js";
import { countedPageFields, type PageRequest } from "./pagination.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

/** Someone who attended a past meeting instance, as a test describes them. */
export interface ParticipantInput {
  name: string;
  user_email?: string;
  /** Zoom user id when the participant was signed in to Zoom. */
  user_id?: string;
  registrant_id?: string;
  /** Minutes after the start they joined (default 0). */
  joinedAfterMinutes?: number;
  /** Minutes they stayed (default: until the end). */
  stayedMinutes?: number;
}

/** One ended session of a meeting, in Zoom's field names. */
export interface PastMeetingRecord {
  uuid: string;
  id: number;
  host_id: string;
  topic: string;
  type: number;
  start_time: string;
  end_time: string;
  duration: number;
  total_minutes: number;
  participants_count: number;
  user_name: string;
  user_email: string;
  dept: string;
  source: string;
  participants: Record<string, unknown>[];
  /** Poll answers given during the session. */
  pollAnswers: PollAnswer[];
  /** Questions asked in the session's Q&A. */
  questions: QuestionAsked[];
  /** Answers to the post-session survey. */
  surveyAnswers: SurveyAnswer[];
  /** The AI Companion summary of the session, if one was made. */
  summary?: SessionSummary;
  /** ms, for ordering and date filters. */
  startedAt: number;
}

/** An AI Companion summary of a session, as a test describes it. */
export interface SessionSummaryInput {
  title?: string;
  overview: string;
  details?: { label: string; summary: string }[];
  nextSteps?: string[];
  /** What the host changed in the summary afterwards (in the Zoom client), if anything. */
  edited?: { overview?: string; details?: string; nextSteps?: string[] };
}

/** A stored summary, with when it was made (ms). */
export interface SessionSummary extends SessionSummaryInput {
  createdAt: number;
}

/** One answer someone gave to a poll question during a session. */
export interface PollAnswer {
  name: string;
  email: string;
  pollId: string;
  question: string;
  answer: string;
  /** When it was answered (ms); default the session's end. */
  at?: number;
}

/** One question asked in a session's Q&A, with its answer if it got one. */
export interface QuestionAsked {
  name: string;
  email: string;
  question: string;
  answer?: string;
}

/** One answer someone gave to a question of the post-session survey. */
export interface SurveyAnswer {
  name: string;
  email: string;
  question: string;
  answer: string;
  /** The question's id in the survey, when the test gives one. */
  questionId?: string;
  /** When it was answered (ms); default the session's end. */
  at?: number;
}

/** What a session is a session of: a meeting or a webinar. */
export interface SessionSource {
  uuid: string;
  id: number;
  host_id: string;
  topic: string;
  type: number;
}

/** Ended sessions (instances) of meetings, or of webinars, and who attended them. */
export class PastMeetings {
  readonly #byUuid = new Map<string, PastMeetingRecord>();
  readonly #context: ModelContext;
  readonly #kind: "meeting" | "webinar";

  constructor(context: ModelContext, kind: "meeting" | "webinar" = "meeting") {
    this.#context = context;
    this.#kind = kind;
  }

  /** Records an ended session of `meeting` with its participants. */
  record(
    meeting: SessionSource,
    host: { name: string; email: string; dept?: string },
    startedAt: number,
    endedAt: number,
    participants: readonly ParticipantInput[],
  ): PastMeetingRecord {
    const minutes = Math.max(0, Math.round((endedAt - startedAt) / 60_000));
    const rows = participants.map((participant) => {
      const joinAt = startedAt + (participant.joinedAfterMinutes ?? 0) * 60_000;
      const leaveAt = Math.min(endedAt, participant.stayedMinutes === undefined ? endedAt : joinAt + participant.stayedMinutes * 60_000);
      const row: Record<string, unknown> = {
        id: participant.user_id ?? "",
        name: participant.name,
        user_id: this.#context.ids.digits(8),
        registrant_id: participant.registrant_id ?? "",
        user_email: participant.user_email ?? "",
        join_time: zoomDateTime(joinAt),
        leave_time: zoomDateTime(leaveAt),
        duration: Math.max(0, Math.round((leaveAt - joinAt) / 1000)),
        failover: false,
        status: "in_meeting",
        internal_user: participant.user_id !== undefined,
      };
      return row;
    });
    const past: PastMeetingRecord = {
      uuid: meeting.uuid,
      id: meeting.id,
      host_id: meeting.host_id,
      topic: meeting.topic,
      type: meeting.type,
      start_time: zoomDateTime(startedAt),
      end_time: zoomDateTime(endedAt),
      duration: minutes,
      total_minutes: rows.reduce((sum, row) => sum + Math.round(Number(row.duration) / 60), 0),
      participants_count: rows.length,
      user_name: host.name,
      user_email: host.email,
      dept: host.dept ?? "",
      source: "Zoom",
      participants: rows,
      pollAnswers: [],
      questions: [],
      surveyAnswers: [],
      startedAt,
    };
    this.#byUuid.set(past.uuid, past);
    return past;
  }

  /**
   * The instance a `{meetingId}` names: a UUID names one instance, a meeting number names its
   * latest one. Unknown gives 404 code 3001.
   */
  resolve(meetingId: string): PastMeetingRecord {
    for (const uuid of uuidCandidates(meetingId)) {
      const byUuid = this.#byUuid.get(uuid);
      if (byUuid !== undefined) return byUuid;
    }
    const instances = this.instancesOf(meetingId);
    const latest = instances[instances.length - 1];
    if (latest === undefined) throw this.#kind === "meeting" ? meetingNotFound(meetingId) : webinarNotFound(meetingId);
    return latest;
  }

  /** Every ended session, oldest first. */
  all(): PastMeetingRecord[] {
    return [...this.#byUuid.values()].sort((a, b) => a.startedAt - b.startedAt);
  }

  /** Every ended instance of a meeting number, oldest first. */
  instancesOf(meetingId: string | number): PastMeetingRecord[] {
    const id = Number(meetingId);
    return [...this.#byUuid.values()].filter((past) => past.id === id).sort((a, b) => a.startedAt - b.startedAt);
  }

  /** `GET /past_meetings/{meetingId}`. */
  view(past: PastMeetingRecord): Record<string, unknown> {
    const { participants: _participants, pollAnswers: _pollAnswers, questions: _questions, surveyAnswers: _surveyAnswers, startedAt: _startedAt, summary, ...fields } = past;
    return { ...fields, has_meeting_summary: summary !== undefined };
  }

  /** `GET /past_meetings/{meetingId}/polls` (and the webinar one): answers grouped by who gave them. */
  pollResults(past: PastMeetingRecord) {
    const byPerson = new Map<string, { name: string; email: string; question_details: Record<string, unknown>[] }>();
    for (const answer of past.pollAnswers) {
      const key = `${answer.email}|${answer.name}`;
      const person = byPerson.get(key) ?? { name: answer.name, email: answer.email, question_details: [] };
      person.question_details.push({
        question: answer.question,
        answer: answer.answer,
        polling_id: answer.pollId,
        date_time: zoomDateTime(answer.at ?? Date.parse(past.end_time)),
      });
      byPerson.set(key, person);
    }
    return { id: past.id, uuid: past.uuid, start_time: past.start_time, questions: [...byPerson.values()] };
  }

  /**
   * The latest session of `{meetingId}` (a UUID names one) that has an AI summary; none gives 404
   * code 3001.
   */
  withSummary(meetingId: string): PastMeetingRecord {
    for (const uuid of uuidCandidates(meetingId)) {
      const past = this.#byUuid.get(uuid);
      if (past?.summary !== undefined) return past;
    }
    const latest = this.instancesOf(meetingId).filter((past) => past.summary !== undefined).pop();
    if (latest === undefined) throw summaryNotFound(meetingId);
    return latest;
  }

  /** `GET /meetings/{meetingId}/meeting_summary`. */
  summaryView(past: PastMeetingRecord, hostId: string, hostEmail: string): Record<string, unknown> {
    const summary = past.summary;
    if (summary === undefined) throw summaryNotFound(past.uuid);
    const title = summary.title ?? `Meeting summary for ${past.topic}`;
    const details = summary.details ?? [];
    const nextSteps = summary.nextSteps ?? [];
    const out: Record<string, unknown> = {
      ...this.#summaryFields(past, hostId, hostEmail),
      // The summary belongs to the host, who is the one who can change it.
      summary_last_modified_user_id: hostId,
      summary_last_modified_user_email: hostEmail,
      summary_title: title,
      summary_overview: summary.overview,
      summary_details: structuredClone(details),
      next_steps: [...nextSteps],
      summary_content: summaryMarkdown(title, summary.edited?.overview ?? summary.overview, details, summary.edited?.nextSteps ?? nextSteps, summary.edited?.details),
      // The full summary also lives as a Zoom Docs document named after the session.
      summary_doc_url: `https://docs.zoom.us/doc/${btoa(`summary:${past.uuid}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`,
    };
    if (summary.edited !== undefined) {
      out.edited_summary = {
        ...(summary.edited.overview === undefined ? {} : { summary_overview: summary.edited.overview }),
        ...(summary.edited.details === undefined ? {} : { summary_details: summary.edited.details }),
        ...(summary.edited.nextSteps === undefined ? {} : { next_steps: [...summary.edited.nextSteps] }),
      };
    }
    return out;
  }

  /** `GET /meetings/meeting_summaries`: sessions with a summary made in [from, to), newest first. */
  summaries(hostOf: (past: PastMeetingRecord) => { id: string; email: string }, range: { from?: number; to?: number }, page: PageRequest) {
    const matching = [...this.#byUuid.values()]
      .filter((past) => past.summary !== undefined)
      .filter((past) => (range.from === undefined || (past.summary?.createdAt ?? 0) >= range.from) && (range.to === undefined || (past.summary?.createdAt ?? 0) < range.to))
      .sort((a, b) => (b.summary?.createdAt ?? 0) - (a.summary?.createdAt ?? 0));
    const result = this.#context.pages.page(`summaries:${range.from ?? ""}:${range.to ?? ""}`, matching, page);
    return {
      page_size: result.page_size,
      next_page_token: result.next_page_token,
      summaries: result.items.map((past) => {
        const host = hostOf(past);
        return this.#summaryFields(past, host.id, host.email);
      }),
    };
  }

  /** `DELETE /meetings/{meetingId}/meeting_summary`. */
  deleteSummary(past: PastMeetingRecord): void {
    delete past.summary;
  }

  #summaryFields(past: PastMeetingRecord, hostId: string, hostEmail: string): Record<string, unknown> {
    const created = zoomDateTime(past.summary?.createdAt ?? Date.parse(past.end_time));
    return {
      meeting_host_id: hostId,
      meeting_host_email: hostEmail,
      meeting_uuid: past.uuid,
      meeting_id: past.id,
      meeting_topic: past.topic,
      meeting_start_time: past.start_time,
      meeting_end_time: past.end_time,
      summary_start_time: past.start_time,
      summary_end_time: past.end_time,
      summary_created_time: created,
      summary_last_modified_time: created,
    };
  }

  /** `GET /past_webinars/{webinarId}/qa`: questions grouped by who asked them. */
  questionsAndAnswers(past: PastMeetingRecord) {
    const byPerson = new Map<string, { name: string; email: string; question_details: Record<string, unknown>[] }>();
    for (const asked of past.questions) {
      const key = `${asked.email}|${asked.name}`;
      const person = byPerson.get(key) ?? { name: asked.name, email: asked.email, question_details: [] };
      person.question_details.push(asked.answer === undefined ? { question: asked.question } : { question: asked.question, answer: asked.answer });
      byPerson.set(key, person);
    }
    return { id: past.id, uuid: past.uuid, start_time: past.start_time, questions: [...byPerson.values()] };
  }

  /** `GET /past_meetings/{meetingId}/participants`: one page. */
  participants(past: PastMeetingRecord, page: PageRequest) {
    const result = this.#context.pages.page(`participants:${this.#kind}:${past.uuid}`, past.participants, page);
    return {
      ...countedPageFields(result),
      participants: result.items,
    };
  }

  /** `GET /past_meetings/{meetingId}/instances`. */
  instances(meetingId: string | number) {
    return { meetings: this.instancesOf(meetingId).map((past) => ({ uuid: past.uuid, start_time: past.start_time })) };
  }
}

/** The summary as one Markdown document (Zoom's `summary_content`), the host's edits winning over the generated text. */
function summaryMarkdown(
  title: string,
  overview: string,
  details: readonly { label: string; summary: string }[],
  nextSteps: readonly string[],
  editedDetails: string | undefined,
): string {
  const sections = [`# ${title}`, "", "## Overview", "", overview];
  if (editedDetails !== undefined) sections.push("", "## Details", "", editedDetails);
  else if (details.length > 0) sections.push("", "## Details", ...details.flatMap((detail) => ["", `### ${detail.label}`, "", detail.summary]));
  if (nextSteps.length > 0) sections.push("", "## Next steps", "", ...nextSteps.map((step) => `- ${step}`));
  return sections.join("\n");
}
