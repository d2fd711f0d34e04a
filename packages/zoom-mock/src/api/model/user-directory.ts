/** Zoom user types: 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None. */
export type ZoomUserType = 1 | 2 | 4 | 99;

/** Zoom user status within the account. */
export type ZoomUserStatus = "active" | "inactive" | "pending";

/**
 * A user as the mock keeps it: Zoom's field names, so the same record serves the OAuth consent,
 * `GET /users/me` and every list. Fields the mock does not model are simply absent.
 */
export interface MockApiUser {
  id: string;
  email: string;
  first_name?: string;
  last_name?: string;
  display_name?: string;
  type?: ZoomUserType;
  status?: ZoomUserStatus;
  pmi?: number;
  timezone?: string;
  language?: string;
  dept?: string;
  role_name?: string;
  role_id?: string;
  pic_url?: string;
  account_id?: string;
  created_at?: string;
  user_created_at?: string;
  [field: string]: unknown;
}

/** A user about to be stored: everything but the id, which the directory chooses. */
export interface NewUserFields {
  email: string;
  [field: string]: unknown;
}

/**
 * Where the API model reads and writes users. The OAuth part of the mock owns the user store; the
 * API model works through this port so both see the same users.
 */
export interface UserDirectory {
  /** The user with this id, if any. */
  get(id: string): MockApiUser | undefined;
  /** Every user of the (single) mock account, in creation order. */
  list(): MockApiUser[];
  /** Stores a new user; the directory picks the id and fills fields the input leaves out. */
  add(fields: NewUserFields): MockApiUser;
  /** Replaces a stored user's record. */
  replace(user: MockApiUser): void;
  /** Removes a user. */
  remove(id: string): void;
}

/** A {@link UserDirectory} over a plain `Map`, for standalone use and tests of the model. */
export class MapUserDirectory implements UserDirectory {
  readonly #users: Map<string, MockApiUser>;
  readonly #newId: () => string;

  constructor(newId: () => string, users: Map<string, MockApiUser> = new Map()) {
    this.#newId = newId;
    this.#users = users;
  }

  get(id: string): MockApiUser | undefined {
    return this.#users.get(id);
  }

  list(): MockApiUser[] {
    return [...this.#users.values()];
  }

  add(fields: NewUserFields): MockApiUser {
    const user: MockApiUser = { ...fields, id: this.#newId() };
    this.#users.set(user.id, user);
    return user;
  }

  replace(user: MockApiUser): void {
    this.#users.set(user.id, user);
  }

  remove(id: string): void {
    this.#users.delete(id);
  }
}
