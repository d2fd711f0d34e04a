import { ZoomApiFailure } from "./api-failure.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** A user's telephony service provider (TSP) audio account. */
export type TspAccountInput = NonNullable<RequestBodyOf<"userTSPCreate">>;

/** Zoom lets a user have two TSP accounts, with ids "1" and "2". */
const TSP_ACCOUNT_IDS = ["1", "2"] as const;

/** Users' TSP audio accounts (at most two, ids "1" and "2") and their global dial-in URL. */
export class TspAccounts {
  readonly #byUser = new Map<string, Map<string, TspAccountInput>>();
  readonly #audioUrls = new Map<string, string>();
  readonly #pac = new Map<string, Record<string, unknown>[]>();

  /** `GET /users/{userId}/tsp`. */
  list(userId: string) {
    return { tsp_accounts: [...this.#accounts(userId)].map(([id, account]) => ({ id, ...structuredClone(account) })) };
  }

  /** `POST /users/{userId}/tsp`: takes the first free id; a third account is refused (code 300). */
  create(userId: string, input: TspAccountInput) {
    const accounts = this.#accounts(userId);
    const id = TSP_ACCOUNT_IDS.find((candidate) => !accounts.has(candidate));
    if (id === undefined) throw new ZoomApiFailure(400, 300, "A user can have at most two TSP accounts.");
    accounts.set(id, structuredClone(input));
    return { id, ...structuredClone(input) };
  }

  /** `GET /users/{userId}/tsp/{tspId}`; an unknown one gives 404. */
  get(userId: string, tspId: string) {
    return { id: tspId, ...structuredClone(this.#account(userId, tspId)) };
  }

  /** `PATCH /users/{userId}/tsp/{tspId}`. */
  update(userId: string, tspId: string, input: TspAccountInput): void {
    this.#account(userId, tspId);
    this.#accounts(userId).set(tspId, structuredClone(input));
  }

  /** `DELETE /users/{userId}/tsp/{tspId}`. */
  delete(userId: string, tspId: string): void {
    this.#account(userId, tspId);
    this.#accounts(userId).delete(tspId);
  }

  /** `PATCH /users/{userId}/tsp/settings`: the URL of the user's global dial-in numbers page. */
  setAudioUrl(userId: string, audioUrl: string): void {
    this.#audioUrls.set(userId, audioUrl);
  }

  /** `GET /users/{userId}/pac`: the user's personal audio conference accounts (none until a test adds one). */
  pacAccounts(userId: string) {
    return { pac_accounts: structuredClone(this.#pac.get(userId) ?? []) };
  }

  /** Test hook: gives a user a personal audio conference account. */
  addPacAccount(userId: string, account: { conference_id: number; participant_password?: string; listen_only_password?: string }): void {
    const list = this.#pac.get(userId) ?? [];
    list.push({
      participant_password: "",
      listen_only_password: "",
      dedicated_dial_in_number: [],
      global_dial_in_numbers: [],
      ...account,
    });
    this.#pac.set(userId, list);
  }

  /** The user's global dial-in URL, if set (for tests). */
  audioUrlOf(userId: string): string | undefined {
    return this.#audioUrls.get(userId);
  }

  #account(userId: string, tspId: string): TspAccountInput {
    const account = this.#accounts(userId).get(tspId);
    if (account === undefined) throw new ZoomApiFailure(404, 404, `TSP account does not exist: ${tspId}.`);
    return account;
  }

  #accounts(userId: string): Map<string, TspAccountInput> {
    let accounts = this.#byUser.get(userId);
    if (accounts === undefined) {
      accounts = new Map();
      this.#byUser.set(userId, accounts);
    }
    return accounts;
  }
}
