/**
 * The events the mock sends: every webhook of specs/zoom-webhooks.yaml. `webhook-events.test.ts`
 * checks that this list and the spec name the same events.
 */
export const ZOOM_MOCK_WEBHOOK_EVENTS = [
  "endpoint.url_validation",
  "meeting.created",
  "meeting.updated",
  "meeting.deleted",
  "meeting.started",
  "meeting.ended",
  "meeting.participant_joined",
  "meeting.participant_left",
  "meeting.registration_created",
  "meeting.registration_approved",
  "meeting.sharing_started",
  "meeting.sharing_ended",
  "recording.completed",
  "recording.transcript_completed",
  "webinar.created",
  "webinar.updated",
  "webinar.deleted",
  "webinar.started",
  "webinar.ended",
  "user.created",
  "user.updated",
  "user.deactivated",
] as const;

/** The name of an event the mock can send. */
export type ZoomMockWebhookEventName = (typeof ZOOM_MOCK_WEBHOOK_EVENTS)[number];

/** Someone in a live meeting, as a test describes them. */
export interface LiveParticipantInput {
  /** Display name. */
  name: string;
  email?: string;
  /** Their Zoom user id, when signed in to the account. */
  userId?: string;
  registrantId?: string;
}

/** What `emit` needs to build each event from the model. */
export interface ZoomMockWebhookEmitInput {
  "endpoint.url_validation": { plainToken?: string };
  "meeting.created": { meetingId: number };
  "meeting.updated": { meetingId: number; oldValues?: Record<string, unknown> };
  "meeting.deleted": { meetingId: number };
  "meeting.started": { meetingId: number };
  "meeting.ended": { meetingId: number };
  "meeting.participant_joined": { meetingId: number; participant?: LiveParticipantInput };
  "meeting.participant_left": { meetingId: number; participant?: LiveParticipantInput };
  "meeting.registration_created": { meetingId: number; registrantId: string };
  "meeting.registration_approved": { meetingId: number; registrantId: string };
  "meeting.sharing_started": { meetingId: number; participant?: LiveParticipantInput; content?: string };
  "meeting.sharing_ended": { meetingId: number; participant?: LiveParticipantInput; content?: string };
  /** `meetingId`: a meeting number (its latest recording) or an instance UUID. */
  "recording.completed": { meetingId: number | string };
  "recording.transcript_completed": { meetingId: number | string };
  "webinar.created": { webinarId: number };
  "webinar.updated": { webinarId: number; oldValues?: Record<string, unknown> };
  "webinar.deleted": { webinarId: number };
  "webinar.started": { webinarId: number };
  "webinar.ended": { webinarId: number };
  "user.created": { userId: string };
  "user.updated": { userId: string; oldValues?: Record<string, unknown> };
  "user.deactivated": { userId: string };
}
