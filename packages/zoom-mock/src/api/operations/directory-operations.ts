import { type ApiOperation, bodyObject, created, noContent, ok, pageOf, pathParam, queryString } from "../api-operation.js";
import type { ContactGroupInput, ContactGroupMemberInput } from "../model/contact-groups.js";

/** Contact groups and divisions: how an account organises its users. */
export const directoryOperations: Record<string, ApiOperation> = {
  contactGroups: (request, model) => ok(model.contactGroups.list(pageOf(request))),

  contactGroupCreate: (request, model) => created(model.contactGroups.create(bodyObject<ContactGroupInput>(request))),

  contactGroup: (request, model) => ok(model.contactGroups.view(pathParam(request, "groupId"))),

  contactGroupUpdate: (request, model) => {
    model.contactGroups.update(pathParam(request, "groupId"), bodyObject<{ name?: string; privacy?: 1 | 2 | 3; description?: string }>(request));
    return noContent();
  },

  contactGroupDelete: (request, model) => {
    model.contactGroups.delete(pathParam(request, "groupId"));
    return noContent();
  },

  contactGroupMembers: (request, model) => ok(model.contactGroups.members(pathParam(request, "groupId"), pageOf(request))),

  contactGroupMemberAdd: (request, model) =>
    created(model.contactGroups.addMembers(pathParam(request, "groupId"), bodyObject<{ group_members?: ContactGroupMemberInput[] }>(request).group_members ?? [])),

  contactGroupMemberRemove: (request, model) => {
    const ids = (queryString(request, "member_ids") ?? "").split(",").filter((id) => id !== "");
    model.contactGroups.removeMembers(pathParam(request, "groupId"), ids);
    return noContent();
  },

  listDivisions: (request, model) => ok(model.divisions.list(pageOf(request))),

  Createadivision: (request, model) =>
    created(model.divisions.create(bodyObject<{ division_name: string; division_description?: string }>(request))),

  Getdivision: (request, model) => ok(model.divisions.get(pathParam(request, "divisionId"))),

  Updateadivision: (request, model) => {
    model.divisions.update(pathParam(request, "divisionId"), bodyObject<{ division_name?: string; division_description?: string }>(request));
    return noContent();
  },

  Deletedivision: (request, model) => {
    model.divisions.delete(pathParam(request, "divisionId"));
    return noContent();
  },

  listDivisionMembers: (request, model) => ok(model.divisions.members(pathParam(request, "divisionId"), pageOf(request))),

  assigndivisionMember: (request, model) =>
    created(model.divisions.assign(pathParam(request, "divisionId"), bodyObject<{ users?: { user_id?: string; user_email?: string }[] }>(request).users ?? [])),
};
