import { emailAlreadyUsed, userAlreadyExists, userNotFound, validationFailed } from "./api-failure.js";
import { type PageRequest, numberedPageFields } from "./pagination.js";
import type { MockApiUser, ZoomUserStatus } from "./user-directory.js";
import type { ModelContext } from "./model-context.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** How `POST /users` creates a user; `create` sends an invitation, so the user starts `pending`. */
export type UserCreateAction = "create" | "autoCreate" | "custCreate" | "ssoCreate";

/** Body of `POST /users`. */
export type UserCreateInput = RequestBodyOf<"userCreate">;

/** Fields of a user that `PATCH /users/{userId}` may change. */
export type UserUpdateInput = Record<string, unknown>;

/** Fields the model never lets a PATCH overwrite: identity and account bookkeeping. */
const IMMUTABLE_FIELDS = new Set(["id", "email", "account_id", "created_at", "user_created_at", "status"]);

/** The privileges of the account's owner and admins, as Zoom names them. */
const ADMIN_PERMISSIONS = [
  "AccountProfile:Read",
  "AccountProfile:Edit",
  "AccountSetting:Read",
  "AccountSetting:Edit",
  "User:Read",
  "User:Edit",
  "Meeting:Read",
  "Meeting:Edit",
  "Webinar:Read",
  "Webinar:Edit",
  "Recording:Read",
  "Recording:Edit",
  "UsageReport:Read",
] as const;

/** Fields that are inputs only and never shown back (Zoom does not echo passwords). */
const HIDDEN_FIELDS = new Set(["password"]);

/**
 * The account's users: resolving `me`, ids and emails, listing with status filters, creating,
 * updating and removing.
 */
export class Users {
  readonly #context: ModelContext;
  /** Current passwords by user id, only to refuse an unchanged one. */
  readonly #passwords = new Map<string, string>();

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /**
   * The user a path's `{userId}` names: `me` is the caller, otherwise an id or an email address
   * (Zoom accepts both). Unknown gives 404 code 1001.
   */
  resolve(userId: string, callerId: string): MockApiUser {
    const wanted = userId === "me" ? callerId : userId;
    const byId = this.#context.directory.get(wanted);
    if (byId !== undefined) return byId;
    const lowered = wanted.toLowerCase();
    const byEmail = this.#context.directory.list().find((user) => user.email.toLowerCase() === lowered);
    if (byEmail !== undefined) return byEmail;
    throw userNotFound(userId);
  }

  /** The API representation of a user (`GET /users/{userId}`). */
  view(user: MockApiUser): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(user)) {
      if (!HIDDEN_FIELDS.has(key) && value !== undefined) out[key] = value;
    }
    out.type = user.type ?? 2;
    out.status = user.status ?? "active";
    return out;
  }

  /**
   * The full record `GET /users/{userId}` answers: {@link view} with the profile fields Zoom adds, empty
   * unless the user has them, and the ids of the user's groups. (`manager`, `plan_united_type` and
   * `zoom_one_type` are left out unless set: Zoom has no empty value for them.)
   */
  profile(user: MockApiUser, groupIds: readonly string[]): Record<string, unknown> {
    const id = String(user.id);
    const empty: Record<string, unknown> = {
      cms_user_id: "",
      company: "",
      cost_center: "",
      custom_attributes: [],
      division_ids: [],
      employee_unique_id: "",
      group_ids: [...groupIds],
      im_group_ids: [],
      jid: `${id.toLowerCase()}@xmpp.zoom.us`,
      job_title: "",
      last_client_version: "",
      license_info_list: [],
      location: "",
      phone_country: "",
      phone_numbers: [],
      pronouns: "",
      // 3: the user's pronouns are not shown (Zoom's default).
      pronouns_option: 3,
      vanity_url: "",
    };
    return { ...empty, ...this.view(user) };
  }

  /** `GET /users`: one page of the account's users with the given status (default `active`). */
  list(status: ZoomUserStatus | undefined, page: PageRequest) {
    const wanted = status ?? "active";
    const matching = this.#context.directory.list().filter((user) => (user.status ?? "active") === wanted);
    const result = this.#context.pages.page(`users:${wanted}`, matching, page);
    return {
      ...numberedPageFields(result),
      users: result.items.map((user) => this.view(user)),
    };
  }

  /** `POST /users`: adds a user; an email already in the account gives 409 code 1005. */
  create(input: UserCreateInput) {
    const info = input.user_info;
    // The spec leaves `user_info` optional, but there is no user to create without it.
    if (info === undefined) throw validationFailed([{ field: "user_info", message: "user_info is required." }]);
    const email = info.email.trim();
    if (email === "") throw validationFailed([{ field: "user_info.email", message: "Email is required." }]);
    const lowered = email.toLowerCase();
    if (this.#context.directory.list().some((user) => user.email.toLowerCase() === lowered)) {
      throw userAlreadyExists(email);
    }
    const now = new Date(this.#context.clock()).toISOString();
    const user = this.#context.directory.add({
      email,
      first_name: info.first_name ?? "",
      last_name: info.last_name ?? "",
      display_name: info.display_name ?? [info.first_name, info.last_name].filter(Boolean).join(" "),
      type: info.type,
      status: input.action === "create" ? "pending" : "active",
      pmi: Number(`5${this.#context.ids.digits(9)}`),
      timezone: "UTC",
      language: "en-US",
      verified: input.action === "create" ? 0 : 1,
      created_at: now,
      user_created_at: now,
    });
    return { id: user.id, email: user.email, first_name: user.first_name, last_name: user.last_name, type: info.type };
  }

  /** `PATCH /users/{userId}`: merges profile fields; identity fields cannot change. */
  update(user: MockApiUser, patch: UserUpdateInput): void {
    const next: MockApiUser = { ...user };
    for (const [key, value] of Object.entries(patch)) {
      if (IMMUTABLE_FIELDS.has(key) || value === undefined) continue;
      next[key] = value;
    }
    this.#context.directory.replace(next);
  }

  /**
   * `PUT /users/{userId}/status`: `activate` and `deactivate` move the user between `active` and
   * `inactive`; `clock_in` and `clock_out` (Workforce Management) change nothing the API shows.
   */
  setStatus(user: MockApiUser, action: "activate" | "deactivate" | "clock_in" | "clock_out"): void {
    if (action === "activate") this.#context.directory.replace({ ...user, status: "active" });
    if (action === "deactivate") this.#context.directory.replace({ ...user, status: "inactive" });
  }

  /**
   * `PUT /users/{userId}/password`. The mock keeps the password only to apply Zoom's rule that a new
   * one must differ from the current one; it is never shown or put in a message.
   */
  setPassword(user: MockApiUser, password: string): void {
    if (this.#passwords.get(user.id) === password) {
      throw validationFailed([{ field: "password", message: "Your new password can not match the old password." }]);
    }
    this.#passwords.set(user.id, password);
  }

  /**
   * `PUT /users/{userId}/email`. Zoom confirms the new address by email first; the mock applies the
   * change at once. An address another user has gives code 1005.
   */
  changeEmail(user: MockApiUser, email: string): void {
    const lowered = email.trim().toLowerCase();
    if (this.#context.directory.list().some((other) => other.id !== user.id && other.email.toLowerCase() === lowered)) {
      throw emailAlreadyUsed(email);
    }
    this.#context.directory.replace({ ...user, email: email.trim() });
  }

  /** `GET /users/{userId}/permissions`: the privileges of the user's role (owners and admins have them all). */
  permissions(user: MockApiUser): { permissions: string[] } {
    const role = String(user.role_name ?? "Member").toLowerCase();
    return { permissions: role === "owner" || role === "admin" ? [...ADMIN_PERMISSIONS] : [] };
  }

  /** `GET /users/summary`: how many users of each kind the account has. */
  summary() {
    const users = this.#context.directory.list();
    const count = (test: (user: MockApiUser) => boolean) => users.filter(test).length;
    return {
      licensed_users_count: count((user) => user.type === 2 && user.status !== "pending"),
      basic_users_count: count((user) => (user.type ?? 1) === 1 && user.status !== "pending"),
      on_prem_users_count: 0,
      room_users_count: 0,
      pending_users_count: count((user) => user.status === "pending"),
      join_only_users_count: count((user) => user.type === 4 && user.status !== "pending"),
      total_users_count: users.length,
    };
  }

  /** `GET /users/vanity_name?vanity_name=`: whether a personal link name (`zoom.us/my/<name>`) is taken. */
  vanityNameExists(vanityName: string): { existed: boolean } {
    const wanted = vanityName.trim().toLowerCase();
    const taken = this.#context.directory.list().some((user) => {
      const name = typeof user.vanity_name === "string" ? user.vanity_name : typeof user.vanity_url === "string" ? user.vanity_url.split("/my/")[1] : undefined;
      return name !== undefined && name.toLowerCase() === wanted;
    });
    return { existed: taken };
  }

  /** `GET /users/email?email=`: whether an address is already taken (case-insensitively). */
  emailExists(email: string): { existed_email: boolean } {
    const lowered = email.trim().toLowerCase();
    return { existed_email: this.#context.directory.list().some((user) => user.email.toLowerCase() === lowered) };
  }

  /** `DELETE /users/{userId}`: removes the user from the account (disassociate or delete alike). */
  remove(user: MockApiUser): void {
    this.#passwords.delete(user.id);
    this.#context.directory.remove(user.id);
  }
}
