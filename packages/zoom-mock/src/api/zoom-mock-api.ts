import type { MockUser, ZoomMockState } from "../state.js";
import type { ApiOperationResult } from "./api-operation.js";
import { ApiModel, type HeldMeetingInput } from "./model/api-model.js";
import { randomBytesFromStrings } from "./model/id-source.js";
import type { MeetingCreateInput, MeetingRecord } from "./model/meetings.js";
import type { WebinarCreateInput, WebinarRecord } from "./model/webinars.js";
import type { ParticipantInput, PastMeetingRecord } from "./model/past-meetings.js";
import type { RateLimitSimulation } from "./model/rate-limits.js";
import type { MockApiUser, NewUserFields, UserDirectory } from "./model/user-directory.js";
import { ModelChangeFeed, recordingOfSession } from "../webhooks/model-changes.js";

/**
 * Replaces what the mock is about to answer for an operation, to test how clients (and the mock's
 * own response validation) cope with an answer Zoom would not give.
 */
export type ResponseOverride = Partial<ApiOperationResult> | ((result: ApiOperationResult) => ApiOperationResult);

interface PendingOverride {
  operationId: string;
  override: ResponseOverride;
  remaining: number;
}

/** The OAuth store's users seen through the model's {@link UserDirectory} port: one set of users for both. */
function stateUserDirectory(state: ZoomMockState): UserDirectory {
  const asApiUser = (user: MockUser | undefined) => user as unknown as MockApiUser | undefined;
  return {
    get: (id) => asApiUser(state.users.get(id)),
    list: () => [...state.users.values()].map((user) => user as unknown as MockApiUser),
    add: (fields: NewUserFields) => state.addUser(fields as unknown as Partial<MockUser>) as unknown as MockApiUser,
    replace: (user) => {
      state.users.set(user.id, user as unknown as MockUser);
    },
    remove: (id) => {
      state.users.delete(id);
    },
  };
}

/**
 * The REST API side of a Zoom mock: its resource model plus test hooks (rate limits, held meetings,
 * response overrides). A mock made by `createZoomMock()` has one: `zoom.api`.
 */
export class ZoomMockApi {
  /** Every rule and resource of the API: users, meetings, registrants, recordings, webinars. */
  readonly model: ApiModel;
  readonly #overrides: PendingOverride[] = [];
  /**
   * Where the operations' and test hooks' changes go, for the mock's webhooks. @internal
   */
  readonly changes = new ModelChangeFeed();

  constructor(state: ZoomMockState) {
    this.model = new ApiModel({
      users: stateUserDirectory(state),
      clock: state.now,
      random: randomBytesFromStrings(state.randomString),
    });
  }

  /**
   * Simulates Zoom's rate limits: the next `times` requests (to `operationId`, or to any operation)
   * answer 429 with `Retry-After` (seconds for `QPS`, an ISO date-time for `Daily-limit`) and
   * `X-RateLimit-*` headers.
   */
  rateLimit(limit: RateLimitSimulation): void {
    this.model.rateLimits.simulate(limit);
  }

  /**
   * Makes the next `times` (default 1) answers of `operationId` different: a partial result merged
   * over the real one, or a function of it. The answer still goes through response validation, so a
   * body that breaks the spec is reported as a violation (and, in strict mode, becomes a 500).
   */
  overrideResponse(operationId: string, override: ResponseOverride, options: { times?: number } = {}): void {
    const times = options.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError("overrideResponse: times must be a positive integer");
    this.#overrides.push({ operationId, override, remaining: times });
  }

  /** Test hook: schedules a meeting for a user (id or email), as `POST /users/{userId}/meetings` would. */
  createMeeting(hostIdOrEmail: string, input: MeetingCreateInput = {}): MeetingRecord {
    return this.model.createMeeting(this.model.users.resolve(hostIdOrEmail, hostIdOrEmail), input);
  }

  /** Test hook: schedules a webinar for a user (id or email), as `POST /users/{userId}/webinars` would. */
  createWebinar(hostIdOrEmail: string, input: WebinarCreateInput = {}): WebinarRecord {
    return this.model.createWebinar(this.model.users.resolve(hostIdOrEmail, hostIdOrEmail), input);
  }

  /** Test hook: a meeting session that has just ended, with participants and an optional cloud recording. */
  holdMeeting(meetingId: number, input?: HeldMeetingInput): PastMeetingRecord {
    const past = this.model.holdMeeting(meetingId, input);
    const meeting = { ...this.model.meetings.get(meetingId), uuid: past.uuid };
    const recording = recordingOfSession(this.model, past.uuid);
    this.changes.publish({ kind: "meeting-ended", meeting, startedAt: past.startedAt, endedAt: this.model.clock(), recording });
    return past;
  }

  /** Test hook: a webinar session that has just ended, with its attendees. */
  holdWebinar(webinarId: number, input?: Omit<HeldMeetingInput, "cloudRecording" | "summary" | "archive">): PastMeetingRecord {
    return this.model.holdWebinar(webinarId, input);
  }

  /** Test hook: the host starts a meeting (it is live until ended with `PUT .../status {action:"end"}`). */
  startMeeting(meetingId: number, options?: { cloudRecording?: boolean }): MeetingRecord {
    const wasLive = this.model.meetings.get(meetingId).status === "started";
    this.model.startMeeting(meetingId, options);
    const meeting = this.model.meetings.get(meetingId);
    if (!wasLive) this.changes.publish({ kind: "meeting-started", meeting });
    return meeting;
  }

  /** Test hook: someone joins a live meeting. */
  joinMeeting(meetingId: number, participant: ParticipantInput): void {
    this.model.joinMeeting(meetingId, participant);
    this.#publishParticipant(meetingId, participant, true);
  }

  /** Test hook: someone leaves a live meeting (they stay among the session's participants). */
  leaveMeeting(meetingId: number, participant: ParticipantInput): void {
    this.#publishParticipant(meetingId, participant, false);
  }

  #publishParticipant(meetingId: number, participant: ParticipantInput, joined: boolean): void {
    const meeting = this.model.meetings.get(meetingId);
    this.changes.publish({
      kind: "participant",
      joined,
      meeting,
      participant: {
        name: participant.name,
        ...(participant.user_email === undefined ? {} : { email: participant.user_email }),
        ...(participant.user_id === undefined ? {} : { userId: participant.user_id }),
        ...(participant.registrant_id === undefined ? {} : { registrantId: participant.registrant_id }),
      },
    });
  }

  /** Applies (and uses up) the first pending override of `operationId`. @internal */
  applyOverride(operationId: string, result: ApiOperationResult): ApiOperationResult {
    const index = this.#overrides.findIndex((pending) => pending.operationId === operationId);
    const pending = this.#overrides[index];
    if (pending === undefined) return result;
    pending.remaining -= 1;
    if (pending.remaining === 0) this.#overrides.splice(index, 1);
    return typeof pending.override === "function" ? pending.override(result) : { ...result, ...pending.override };
  }
}
