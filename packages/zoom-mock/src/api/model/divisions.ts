import { divisionNotFound, validationFailed, ZoomApiFailure } from "./api-failure.js";
import { type PageRequest, pageFields } from "./pagination.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

interface DivisionRecord {
  division_id: string;
  division_name: string;
  division_description: string;
  is_main_division: boolean;
}

/** The account's main division, which every user is in until assigned to another. */
export const MAIN_DIVISION_ID = "main";

/**
 * Divisions of the account. Every user belongs to exactly one: the main division until assigned
 * elsewhere. Names are unique (409); the main division cannot be deleted (code 42011), nor can a
 * division that still has users (code 42012).
 */
export class Divisions {
  readonly #divisions: DivisionRecord[] = [
    { division_id: MAIN_DIVISION_ID, division_name: "Main division", division_description: "", is_main_division: true },
  ];
  /** Division of each user assigned away from the main one. */
  readonly #assignments = new Map<string, string>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `GET /divisions`. */
  list(page: PageRequest) {
    const result = this.#context.pages.page("divisions", this.#divisions, page);
    return {
      ...pageFields(result),
      divisions: result.items.map((division) => ({ ...division, total_members: this.#memberIds(division.division_id).length })),
    };
  }

  /** `POST /divisions`. */
  create(input: { division_name: string; division_description?: string }) {
    this.#assertNameFree(input.division_name, undefined);
    const division: DivisionRecord = {
      division_id: this.#context.ids.entityId(),
      division_name: input.division_name,
      division_description: input.division_description ?? "",
      is_main_division: false,
    };
    this.#divisions.push(division);
    return { division_id: division.division_id, division_name: division.division_name, division_description: division.division_description };
  }

  /** `GET /divisions/{divisionId}`; unknown gives 404 code 40406. */
  get(divisionId: string) {
    return { ...this.#division(divisionId) };
  }

  /** `PATCH /divisions/{divisionId}`. */
  update(divisionId: string, patch: { division_name?: string; division_description?: string }): void {
    const division = this.#division(divisionId);
    if (patch.division_name !== undefined) {
      this.#assertNameFree(patch.division_name, divisionId);
      division.division_name = patch.division_name;
    }
    if (patch.division_description !== undefined) division.division_description = patch.division_description;
  }

  /** `DELETE /divisions/{divisionId}`. */
  delete(divisionId: string): void {
    const division = this.#division(divisionId);
    if (division.is_main_division) throw new ZoomApiFailure(400, 42011, "Main division can't be deleted.");
    if (this.#memberIds(divisionId).length > 0) throw new ZoomApiFailure(400, 42012, "Please remove all users from this division before deleting.");
    this.#divisions.splice(this.#divisions.indexOf(division), 1);
  }

  /** `GET /divisions/{divisionId}/users`. */
  members(divisionId: string, page: PageRequest) {
    this.#division(divisionId);
    const users = this.#memberIds(divisionId).flatMap((id) => {
      const user = this.#context.directory.get(id);
      return user === undefined ? [] : [{ user_id: user.id, user_email: user.email, user_display_name: typeof user.display_name === "string" ? user.display_name : user.email }];
    });
    const result = this.#context.pages.page(`division-users:${divisionId}`, users, page);
    return { page_size: result.page_size, total_records: result.total_records, next_page_token: result.next_page_token, users: result.items };
  }

  /** `POST /divisions/{divisionId}/users`: moves the users (by id or email) into the division. */
  assign(divisionId: string, users: readonly { user_id?: string; user_email?: string }[]) {
    this.#division(divisionId);
    const ids = users.map((reference, index) => {
      const wanted = reference.user_id ?? reference.user_email ?? "";
      const user = this.#context.directory.get(wanted) ?? this.#context.directory.list().find((candidate) => candidate.email.toLowerCase() === wanted.toLowerCase());
      if (user === undefined) throw validationFailed([{ field: `users[${index}]`, message: "Invalid parameters." }]);
      return user.id;
    });
    for (const id of ids) {
      if (divisionId === MAIN_DIVISION_ID) this.#assignments.delete(id);
      else this.#assignments.set(id, divisionId);
    }
    return { ids: ids.join(","), added_at: zoomDateTime(this.#context.clock()) };
  }

  #memberIds(divisionId: string): string[] {
    return this.#context.directory
      .list()
      .map((user) => user.id)
      .filter((id) => (this.#assignments.get(id) ?? MAIN_DIVISION_ID) === divisionId);
  }

  #division(divisionId: string): DivisionRecord {
    const division = this.#divisions.find((candidate) => candidate.division_id === divisionId);
    if (division === undefined) throw divisionNotFound();
    return division;
  }

  #assertNameFree(name: string, exceptId: string | undefined): void {
    if (this.#divisions.some((division) => division.division_name === name && division.division_id !== exceptId)) {
      throw new ZoomApiFailure(409, 409, "This name is already in use. Please try another.");
    }
  }
}
