import type { ApiCaller } from "../api/api-operation.js";
import type { ApiModel } from "../api/model/api-model.js";
import type { MeetingRecord } from "../api/model/meetings.js";
import type { RecordingRecord } from "../api/model/recordings.js";
import type { MockApiUser } from "../api/model/user-directory.js";
import type { WebinarRecord } from "../api/model/webinars.js";
import type { LiveParticipantInput } from "./webhook-event-names.js";

/** The records an operation may change, copied before it runs (so a deletion can still be described). */
export interface OperationSnapshot {
  meeting?: MeetingRecord;
  webinar?: WebinarRecord;
  user?: MockApiUser;
}

/** Something that changed in the model, as the webhooks need to know it. */
export type ModelChange =
  | {
      kind: "operation";
      operationId: string;
      path: Readonly<Record<string, string>>;
      body: unknown;
      caller: ApiCaller;
      before: OperationSnapshot;
      status: number;
      result: unknown;
    }
  | { kind: "meeting-started"; meeting: MeetingRecord }
  | { kind: "participant"; joined: boolean; meeting: MeetingRecord; participant: LiveParticipantInput }
  /** A session ended: `meeting` as it was while live (its UUID is the session's). */
  | { kind: "meeting-ended"; meeting: MeetingRecord; startedAt: number; endedAt: number; recording: RecordingRecord | undefined };

/** Where the model's changes are published; the webhooks of a mock listen to it. */
export class ModelChangeFeed {
  readonly #listeners = new Set<(change: ModelChange) => void>();

  /** Whether anyone listens (snapshots are taken only then). */
  get observed(): boolean {
    return this.#listeners.size > 0;
  }

  /** Calls `listener` with every change from now on; returns the function that stops it. */
  subscribe(listener: (change: ModelChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(change: ModelChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}

/** Copies the meeting, webinar and user an operation's path names, before the operation runs. */
export function snapshotBeforeOperation(path: Readonly<Record<string, string>>, callerId: string, model: ApiModel): OperationSnapshot {
  const snapshot: OperationSnapshot = {};
  if (path.meetingId !== undefined) {
    const meeting = model.meetings.find(path.meetingId);
    if (meeting !== undefined) snapshot.meeting = structuredClone(meeting);
  }
  if (path.webinarId !== undefined) {
    const webinar = model.webinars.find(path.webinarId);
    if (webinar !== undefined) snapshot.webinar = structuredClone(webinar);
  }
  if (path.userId !== undefined) {
    try {
      snapshot.user = structuredClone(model.users.resolve(path.userId, callerId));
    } catch {
      // An unknown user: the operation answers 404 and nothing changes.
    }
  }
  return snapshot;
}

/** The session UUID's recording, if the model made one when the session ended. */
export function recordingOfSession(model: ApiModel, sessionUuid: string): RecordingRecord | undefined {
  return model.recordings.all().find((recording) => recording.uuid === sessionUuid);
}
