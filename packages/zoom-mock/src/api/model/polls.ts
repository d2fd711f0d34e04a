import { pollNotFound, ZoomApiFailure } from "./api-failure.js";
import type { IdSource } from "./id-source.js";
import { listUnder } from "./keyed-lists.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** A meeting or webinar holds at most 50 polls. */
export const MAX_POLLS = 50;

/** Poll types: 1 poll, 2 advanced poll, 3 quiz. */
export type PollType = 1 | 2 | 3;

/** Body of `POST /meetings/{meetingId}/polls` and `PUT .../polls/{pollId}`. */
export type PollInput = NonNullable<RequestBodyOf<"meetingPollCreate"> | RequestBodyOf<"webinarPollCreate">>;

/** A poll's state in Zoom. */
export type PollStatus = "notstart" | "started" | "ended" | "sharing" | "deactivated";

interface PollRecord {
  id: string;
  status: PollStatus;
  title: string;
  anonymous: boolean;
  poll_type: PollType;
  questions: unknown[];
}

/** What a poll belongs to: a meeting or a webinar (their ids never collide). */
export interface PollOwner {
  id: number;
}

/** Meeting or webinar polls: created `notstart`, read, listed (optionally only anonymous ones), replaced, deleted. */
export class Polls {
  readonly #byMeeting = new Map<number, PollRecord[]>();
  readonly #ids: IdSource;
  readonly #kind: "meeting" | "webinar";

  constructor(ids: IdSource, kind: "meeting" | "webinar" = "meeting") {
    this.#ids = ids;
    this.#kind = kind;
  }

  /** `POST /meetings/{meetingId}/polls`. */
  create(meeting: PollOwner, input: PollInput): PollRecord {
    const poll: PollRecord = {
      id: this.#ids.entityId(),
      status: "notstart",
      title: input.title ?? "Poll",
      anonymous: input.anonymous ?? false,
      poll_type: input.poll_type ?? 1,
      questions: structuredClone(input.questions ?? []),
    };
    this.#list(meeting.id).push(poll);
    return structuredClone(poll);
  }

  /** `POST /meetings/{meetingId}/batch_polls`: several at once; a meeting holds at most 50 polls (code 4400). */
  createMany(meeting: PollOwner, inputs: readonly PollInput[]): { polls: PollRecord[] } {
    if (this.#list(meeting.id).length + inputs.length > MAX_POLLS) {
      throw new ZoomApiFailure(400, 4400, `You can only add a maximum of ${MAX_POLLS} polls.`);
    }
    return { polls: inputs.map((input) => this.create(meeting, input)) };
  }

  /** `GET /meetings/{meetingId}/polls`; `anonymous: true` keeps only anonymous polls. */
  list(meeting: PollOwner, anonymous?: boolean) {
    const polls = this.#list(meeting.id)
      .filter((poll) => anonymous !== true || poll.anonymous)
      .map((poll) => structuredClone(poll));
    return { total_records: polls.length, polls };
  }

  /** `GET /meetings/{meetingId}/polls/{pollId}`; unknown gives 404 code 404, as Zoom does. */
  get(meeting: PollOwner, pollId: string): PollRecord {
    return structuredClone(this.#find(meeting, pollId));
  }

  /** `PUT /meetings/{meetingId}/polls/{pollId}`: replaces title, type, anonymity and questions. */
  replace(meeting: PollOwner, pollId: string, input: PollInput): void {
    const poll = this.#find(meeting, pollId);
    poll.title = input.title ?? poll.title;
    poll.anonymous = input.anonymous ?? false;
    poll.poll_type = input.poll_type ?? 1;
    poll.questions = structuredClone(input.questions ?? []);
  }

  /** `DELETE /meetings/{meetingId}/polls/{pollId}`. */
  delete(meeting: PollOwner, pollId: string): void {
    const list = this.#list(meeting.id);
    const index = list.findIndex((poll) => poll.id === pollId);
    if (index === -1) throw pollNotFound(this.#kind);
    list.splice(index, 1);
  }

  #find(meeting: PollOwner, pollId: string): PollRecord {
    const poll = this.#list(meeting.id).find((candidate) => candidate.id === pollId);
    if (poll === undefined) throw pollNotFound(this.#kind);
    return poll;
  }

  #list(meetingId: number): PollRecord[] {
    return listUnder(this.#byMeeting, meetingId);
  }
}
