import { contactGroupNotFound, validationFailed } from "./api-failure.js";
import type { PageLimits, PageRequest } from "./pagination.js";
import type { ModelContext } from "./model-context.js";
import type { ElementOf, RequestBodyOf } from "./request-bodies.js";

/** Contact group lists page 10 at a time by default, at most 50. */
export const CONTACT_GROUP_PAGE_LIMITS: PageLimits = { defaultPageSize: 10, maxPageSize: 50 };

/** A member of a contact group: a user (type 1) or another group (type 2). */
export type ContactGroupMemberInput = ElementOf<NonNullable<RequestBodyOf<"contactGroupMemberAdd">>["group_members"]>;

/** Body of `POST /contacts/groups`. */
export type ContactGroupInput = NonNullable<RequestBodyOf<"contactGroupCreate">>;

interface ContactGroupRecord {
  group_id: string;
  group_name: string;
  group_privacy: 1 | 2 | 3;
  description: string;
  members: { type: 1 | 2; id: string }[];
}

/** Zoom takes at most 50 users and 3 groups as members per request. */
const MAX_USERS_PER_REQUEST = 50;
const MAX_GROUPS_PER_REQUEST = 3;

/**
 * Contact groups: named sets of users (and other groups) with a privacy level (1 visible to all,
 * 2 to members only, 3 hidden). An unknown group gives Zoom's 400 code 300.
 */
export class ContactGroups {
  readonly #groups: ContactGroupRecord[] = [];
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `GET /contacts/groups`. */
  list(page: PageRequest) {
    const result = this.#context.pages.page("contact-groups", this.#groups, page, CONTACT_GROUP_PAGE_LIMITS);
    return { page_size: result.page_size, next_page_token: result.next_page_token, groups: result.items.map((group) => this.#summary(group)) };
  }

  /** `POST /contacts/groups`. */
  create(input: ContactGroupInput) {
    const group: ContactGroupRecord = {
      group_id: this.#context.ids.entityId(),
      group_name: input.group_name ?? "Contact group",
      group_privacy: input.group_privacy ?? 1,
      description: input.description ?? "",
      members: [],
    };
    this.#addMembers(group, input.group_members ?? []);
    this.#groups.push(group);
    return this.view(group.group_id);
  }

  /** `GET /contacts/groups/{groupId}`. */
  view(groupId: string) {
    const group = this.#group(groupId);
    return { ...this.#summary(group), total_members: group.members.length };
  }

  /** `PATCH /contacts/groups/{groupId}`. */
  update(groupId: string, patch: { name?: string; privacy?: 1 | 2 | 3; description?: string }): void {
    const group = this.#group(groupId);
    if (patch.name !== undefined) group.group_name = patch.name;
    if (patch.privacy !== undefined) group.group_privacy = patch.privacy;
    if (patch.description !== undefined) group.description = patch.description;
  }

  /** `DELETE /contacts/groups/{groupId}`: also leaves every group it was a member of. */
  delete(groupId: string): void {
    const group = this.#group(groupId);
    this.#groups.splice(this.#groups.indexOf(group), 1);
    for (const other of this.#groups) other.members = other.members.filter((member) => !(member.type === 2 && member.id === groupId));
  }

  /** `GET /contacts/groups/{groupId}/members`. */
  members(groupId: string, page: PageRequest) {
    const group = this.#group(groupId);
    const result = this.#context.pages.page(`contact-group-members:${groupId}`, group.members, page, CONTACT_GROUP_PAGE_LIMITS);
    return {
      page_size: result.page_size,
      next_page_token: result.next_page_token,
      group_members: result.items.map((member) => ({ ...member, name: this.#memberName(member) })),
    };
  }

  /** `POST /contacts/groups/{groupId}/members`: answers the ids that were added. */
  addMembers(groupId: string, members: readonly ContactGroupMemberInput[]) {
    return { member_ids: this.#addMembers(this.#group(groupId), members) };
  }

  /** `DELETE /contacts/groups/{groupId}/members?member_ids=a,b`. */
  removeMembers(groupId: string, memberIds: readonly string[]): void {
    const group = this.#group(groupId);
    group.members = group.members.filter((member) => !memberIds.includes(member.id));
  }

  #addMembers(group: ContactGroupRecord, members: readonly ContactGroupMemberInput[]): string[] {
    const users = members.filter((member) => (member.type ?? 1) === 1);
    const groups = members.filter((member) => member.type === 2);
    if (users.length > MAX_USERS_PER_REQUEST) throw validationFailed([{ field: "group_members", message: `The maximum number of user member per request is ${MAX_USERS_PER_REQUEST}.` }]);
    if (groups.length > MAX_GROUPS_PER_REQUEST) throw validationFailed([{ field: "group_members", message: `The maximum number of group member per request is ${MAX_GROUPS_PER_REQUEST}.` }]);
    const added: string[] = [];
    for (const [index, member] of members.entries()) {
      const type = member.type ?? 1;
      const id = member.id ?? "";
      const exists = type === 1 ? this.#context.directory.get(id) !== undefined : this.#groups.some((candidate) => candidate.group_id === id) && id !== group.group_id;
      if (!exists) throw validationFailed([{ field: `group_members[${index}].id`, message: `No ${type === 1 ? "user" : "group"} with this id.` }]);
      if (group.members.some((existing) => existing.type === type && existing.id === id)) continue;
      group.members.push({ type, id });
      added.push(id);
    }
    return added;
  }

  #memberName(member: { type: 1 | 2; id: string }): string {
    if (member.type === 2) return this.#groups.find((group) => group.group_id === member.id)?.group_name ?? "";
    const user = this.#context.directory.get(member.id);
    return typeof user?.display_name === "string" ? user.display_name : (user?.email ?? "");
  }

  #summary(group: ContactGroupRecord) {
    return { group_id: group.group_id, group_name: group.group_name, group_privacy: group.group_privacy, description: group.description };
  }

  #group(groupId: string): ContactGroupRecord {
    const group = this.#groups.find((candidate) => candidate.group_id === groupId);
    if (group === undefined) throw contactGroupNotFound(groupId);
    return group;
  }
}
