import { notAllowed, userNotFound } from "./api-failure.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";
import { listUnder } from "./keyed-lists.js";
import type { ElementOf, RequestBodyOf } from "./request-bodies.js";

/** An assistant as `POST /users/{userId}/assistants` names one: by user id or email. */
export type AssistantInput = ElementOf<NonNullable<RequestBodyOf<"userAssistantCreate">>["assistants"]>;

interface Grant {
  assistantId: string;
  canManagePrivateEvents: boolean;
}

/**
 * Scheduling privileges: a user's assistants may schedule on their behalf. The same grants read the
 * other way round are a user's schedulers (the users they may schedule for), so removing a scheduler
 * of A removes A from that scheduler's assistants.
 */
export class SchedulingPrivileges {
  /** Grants by the id of the user who gave them. */
  readonly #grants = new Map<string, Grant[]>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `GET /users/{userId}/assistants`. */
  assistants(userId: string) {
    const assistants = this.#list(userId).flatMap((grant) => {
      const user = this.#context.directory.get(grant.assistantId);
      return user === undefined ? [] : [{ id: user.id, email: user.email, can_manage_host_private_event: grant.canManagePrivateEvents }];
    });
    return { assistants };
  }

  /**
   * `POST /users/{userId}/assistants`: each assistant must be another user of the account, not
   * already an assistant (Zoom code 200 otherwise). Answers the new assistants' ids, comma-separated.
   */
  addAssistants(userId: string, inputs: readonly AssistantInput[]): { ids: string; add_at: string } {
    const list = this.#list(userId);
    const added: Grant[] = [];
    for (const input of inputs) {
      const wanted = input.id ?? input.email ?? "";
      const assistant =
        this.#context.directory.get(wanted) ?? this.#context.directory.list().find((user) => user.email.toLowerCase() === wanted.toLowerCase());
      if (assistant === undefined) throw notAllowed(`Can't find user ${wanted}.`);
      if (assistant.id === userId) throw notAllowed("Can't assign scheduling privilege to yourself.");
      if ([...list, ...added].some((grant) => grant.assistantId === assistant.id)) {
        throw notAllowed(`User ${assistant.email} has already granted scheduling privilege.`);
      }
      added.push({ assistantId: assistant.id, canManagePrivateEvents: input.can_manage_host_private_event ?? false });
    }
    list.push(...added);
    return { ids: added.map((grant) => grant.assistantId).join(","), add_at: zoomDateTime(this.#context.clock()) };
  }

  /** `DELETE /users/{userId}/assistants/{assistantId}`; an id that is no user gives 404 code 1001. */
  removeAssistant(userId: string, assistantId: string): void {
    if (this.#context.directory.get(assistantId) === undefined) throw userNotFound(assistantId);
    this.#grants.set(
      userId,
      this.#list(userId).filter((grant) => grant.assistantId !== assistantId),
    );
  }

  /** `DELETE /users/{userId}/assistants`. */
  removeAllAssistants(userId: string): void {
    this.#grants.delete(userId);
  }

  /** `GET /users/{userId}/schedulers`: the users who made `userId` their assistant. */
  schedulers(userId: string) {
    const schedulers = [...this.#grants.entries()]
      .filter(([, grants]) => grants.some((grant) => grant.assistantId === userId))
      .flatMap(([schedulerId]) => {
        const user = this.#context.directory.get(schedulerId);
        if (user === undefined) return [];
        const entry: Record<string, unknown> = { id: user.id, email: user.email };
        if (typeof user.pmi === "number") entry.pmi = user.pmi;
        return [entry];
      });
    return { schedulers };
  }

  /** `DELETE /users/{userId}/schedulers/{schedulerId}`; an id that is no user gives 404 code 1001. */
  removeScheduler(userId: string, schedulerId: string): void {
    if (this.#context.directory.get(schedulerId) === undefined) throw userNotFound(schedulerId);
    this.removeAssistant(schedulerId, userId);
  }

  /** `DELETE /users/{userId}/schedulers`. */
  removeAllSchedulers(userId: string): void {
    for (const [schedulerId, grants] of this.#grants) {
      this.#grants.set(
        schedulerId,
        grants.filter((grant) => grant.assistantId !== userId),
      );
    }
  }

  /** Forgets a removed user on both sides. */
  forget(userId: string): void {
    this.removeAllAssistants(userId);
    this.removeAllSchedulers(userId);
  }

  #list(userId: string): Grant[] {
    return listUnder(this.#grants, userId);
  }
}
