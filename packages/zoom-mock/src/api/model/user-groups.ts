import { groupMemberNotFound, groupNotFound, validationFailed, ZoomApiFailure } from "./api-failure.js";
import { numberedPageFields, type PageRequest } from "./pagination.js";
import type { MockApiUser } from "./user-directory.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ModelContext } from "./model-context.js";

interface GroupRecord {
  id: string;
  name: string;
  memberIds: string[];
  adminIds: string[];
}

/**
 * The account's user groups (`/groups`): unique names (409 code 4132), members and admins named by
 * user id or email, and each user's primary group. Unknown groups give 404 code 4130, and users
 * who are not members 404 code 4131.
 */
export class UserGroups {
  readonly #groups: GroupRecord[] = [];
  /** Each user's primary group, when they have chosen one. */
  readonly #primary = new Map<string, string>();
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `GET /groups`. */
  list(page: PageRequest) {
    const result = this.#context.pages.page("groups", this.#groups, page);
    return { total_records: result.total_records, next_page_token: result.next_page_token, groups: result.items.map((group) => this.#view(group)) };
  }

  /** `POST /groups`. */
  create(name: string) {
    this.#assertNameFree(name, undefined);
    const group: GroupRecord = { id: this.#context.ids.entityId(), name, memberIds: [], adminIds: [] };
    this.#groups.push(group);
    return this.#view(group);
  }

  /** `GET /groups/{groupId}`. */
  get(groupId: string) {
    return this.#view(this.#group(groupId));
  }

  /** `PATCH /groups/{groupId}`. */
  rename(groupId: string, name: string | undefined): void {
    const group = this.#group(groupId);
    if (name === undefined) return;
    this.#assertNameFree(name, groupId);
    group.name = name;
  }

  /** `DELETE /groups/{groupId}`. */
  delete(groupId: string): void {
    const group = this.#group(groupId);
    this.#groups.splice(this.#groups.indexOf(group), 1);
    for (const [userId, primary] of this.#primary) if (primary === groupId) this.#primary.delete(userId);
  }

  /** `GET /groups/{groupId}/members`. */
  members(groupId: string, page: PageRequest) {
    const group = this.#group(groupId);
    const members = group.memberIds.flatMap((id) => {
      const user = this.#context.directory.get(id);
      return user === undefined ? [] : [{ id: user.id, email: user.email, first_name: user.first_name ?? "", last_name: user.last_name ?? "", type: user.type ?? 1 }];
    });
    const result = this.#context.pages.page(`group-members:${groupId}`, members, page);
    return {
      ...numberedPageFields(result),
      members: result.items,
    };
  }

  /** `POST /groups/{groupId}/members`. */
  addMembers(groupId: string, references: readonly { id?: string; email?: string }[]) {
    const group = this.#group(groupId);
    const ids = this.#resolveAll(references, "members");
    for (const id of ids) if (!group.memberIds.includes(id)) group.memberIds.push(id);
    return { ids: ids.join(","), added_at: zoomDateTime(this.#context.clock()) };
  }

  /**
   * `PATCH /groups/{groupId}/members/{memberId}`: `move` to `target_group_id` (required, code 300),
   * or `set_primary` to make this group the member's primary one.
   */
  updateMember(groupId: string, memberId: string, action: "move" | "set_primary", targetGroupId: string | undefined): void {
    const group = this.#group(groupId);
    if (!group.memberIds.includes(memberId)) throw groupMemberNotFound();
    if (action === "set_primary") {
      this.#primary.set(memberId, groupId);
      return;
    }
    if (targetGroupId === undefined || targetGroupId === "") {
      throw validationFailed([{ field: "target_group_id", message: "The target_group_id can not be empty." }]);
    }
    const target = this.#group(targetGroupId);
    group.memberIds = group.memberIds.filter((id) => id !== memberId);
    if (!target.memberIds.includes(memberId)) target.memberIds.push(memberId);
    if (this.#primary.get(memberId) === groupId) this.#primary.set(memberId, targetGroupId);
  }

  /** `DELETE /groups/{groupId}/members/{memberId}`. */
  removeMember(groupId: string, memberId: string): void {
    const group = this.#group(groupId);
    if (!group.memberIds.includes(memberId)) throw groupMemberNotFound();
    group.memberIds = group.memberIds.filter((id) => id !== memberId);
    if (this.#primary.get(memberId) === groupId) this.#primary.delete(memberId);
  }

  /** The ids of a group's members, or `undefined` for an unknown group (reports filter by group). */
  memberIdsOf(groupId: string): readonly string[] | undefined {
    return this.#groups.find((group) => group.id === groupId)?.memberIds;
  }

  /** The names of the groups a user is a member of, in creation order. */
  groupNamesOf(userId: string): string[] {
    return this.#groups.filter((group) => group.memberIds.includes(userId)).map((group) => group.name);
  }

  /** The ids of the groups a user is a member of, in creation order. */
  groupIdsOf(userId: string): string[] {
    return this.#groups.filter((group) => group.memberIds.includes(userId)).map((group) => group.id);
  }

  /** The group a user chose as primary, if any (for tests). */
  primaryGroupOf(userId: string): string | undefined {
    return this.#primary.get(userId);
  }

  /** `GET /groups/{groupId}/admins`. */
  admins(groupId: string, page: PageRequest) {
    const group = this.#group(groupId);
    const admins = group.adminIds.flatMap((id) => {
      const user = this.#context.directory.get(id);
      return user === undefined ? [] : [{ email: user.email, name: displayNameOf(user) }];
    });
    const result = this.#context.pages.page(`group-admins:${groupId}`, admins, page);
    return { page_size: result.page_size, total_records: result.total_records, next_page_token: result.next_page_token, admins: result.items };
  }

  /** `POST /groups/{groupId}/admins`. */
  addAdmins(groupId: string, references: readonly { id?: string; email?: string }[]) {
    const group = this.#group(groupId);
    const ids = this.#resolveAll(references, "admins");
    for (const id of ids) if (!group.adminIds.includes(id)) group.adminIds.push(id);
    return { ids: ids.join(","), added_at: zoomDateTime(this.#context.clock()) };
  }

  /** `DELETE /groups/{groupId}/admins/{userId}`. */
  removeAdmin(groupId: string, userId: string): void {
    const group = this.#group(groupId);
    if (!group.adminIds.includes(userId)) throw groupMemberNotFound();
    group.adminIds = group.adminIds.filter((id) => id !== userId);
  }

  /** Forgets a removed user everywhere. */
  forget(userId: string): void {
    for (const group of this.#groups) {
      group.memberIds = group.memberIds.filter((id) => id !== userId);
      group.adminIds = group.adminIds.filter((id) => id !== userId);
    }
    this.#primary.delete(userId);
  }

  #resolveAll(references: readonly { id?: string; email?: string }[], field: string): string[] {
    return references.map((reference, index) => {
      const wanted = reference.id ?? reference.email ?? "";
      const user = this.#context.directory.get(wanted) ?? this.#context.directory.list().find((candidate) => candidate.email.toLowerCase() === wanted.toLowerCase());
      if (user === undefined) throw validationFailed([{ field: `${field}[${index}]`, message: "No user with this id or email." }]);
      return user.id;
    });
  }

  #view(group: GroupRecord) {
    return { id: group.id, name: group.name, total_members: group.memberIds.length };
  }

  #group(groupId: string): GroupRecord {
    const group = this.#groups.find((candidate) => candidate.id === groupId);
    if (group === undefined) throw groupNotFound(groupId);
    return group;
  }

  #assertNameFree(name: string, exceptId: string | undefined): void {
    if (this.#groups.some((group) => group.name === name && group.id !== exceptId)) {
      throw new ZoomApiFailure(409, 4132, `The group name "${name}" is already in use.`);
    }
  }
}

function displayNameOf(user: MockApiUser): string {
  if (typeof user.display_name === "string" && user.display_name !== "") return user.display_name;
  return [user.first_name, user.last_name].filter((part) => typeof part === "string" && part !== "").join(" ") || user.email;
}
