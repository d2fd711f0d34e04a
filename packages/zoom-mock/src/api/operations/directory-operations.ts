import { type ApiOperationGroup, bodyObject, created, noContent, ok, pageOf, pathParam, queryString } from "../api-operation.js";

/** Contact groups and divisions: how an account organises its users. */
export const directoryOperations = {
  contactGroups: (request, model) => ok(model.contactGroups.list(pageOf(request))),

  contactGroupCreate: (request, model) => created(model.contactGroups.create(bodyObject(request))),

  contactGroup: (request, model) => ok(model.contactGroups.view(pathParam(request, "groupId"))),

  contactGroupUpdate: (request, model) => {
    model.contactGroups.update(pathParam(request, "groupId"), bodyObject(request));
    return noContent();
  },

  contactGroupDelete: (request, model) => {
    model.contactGroups.delete(pathParam(request, "groupId"));
    return noContent();
  },

  contactGroupMembers: (request, model) => ok(model.contactGroups.members(pathParam(request, "groupId"), pageOf(request))),

  contactGroupMemberAdd: (request, model) =>
    created(model.contactGroups.addMembers(pathParam(request, "groupId"), bodyObject(request).group_members ?? [])),

  contactGroupMemberRemove: (request, model) => {
    const ids = (queryString(request, "member_ids") ?? "").split(",").filter((id) => id !== "");
    model.contactGroups.removeMembers(pathParam(request, "groupId"), ids);
    return noContent();
  },

  listDivisions: (request, model) => ok(model.divisions.list(pageOf(request))),

  Createadivision: (request, model) =>
    created(model.divisions.create(bodyObject(request))),

  Getdivision: (request, model) => ok(model.divisions.get(pathParam(request, "divisionId"))),

  Updateadivision: (request, model) => {
    model.divisions.update(pathParam(request, "divisionId"), bodyObject(request));
    return noContent();
  },

  Deletedivision: (request, model) => {
    model.divisions.delete(pathParam(request, "divisionId"));
    return noContent();
  },

  listDivisionMembers: (request, model) => ok(model.divisions.members(pathParam(request, "divisionId"), pageOf(request))),

  assigndivisionMember: (request, model) =>
    created(model.divisions.assign(pathParam(request, "divisionId"), bodyObject(request).users ?? [])),
} satisfies ApiOperationGroup;

/** User groups of the account: members, admins, primary groups. */
export const groupOperations = {
  groups: (request, model) => ok(model.groups.list(pageOf(request))),

  groupCreate: (request, model) => created(model.groups.create(bodyObject(request).name ?? "Group")),

  group: (request, model) => ok(model.groups.get(pathParam(request, "groupId"))),

  groupUpdate: (request, model) => {
    model.groups.rename(pathParam(request, "groupId"), bodyObject(request).name);
    return noContent();
  },

  groupDelete: (request, model) => {
    const groupId = pathParam(request, "groupId");
    model.groups.delete(groupId);
    model.groupSettings.forget(groupId);
    model.virtualBackgrounds.forget({ kind: "group", id: groupId });
    return noContent();
  },

  groupMembers: (request, model) => ok(model.groups.members(pathParam(request, "groupId"), pageOf(request))),

  groupMembersCreate: (request, model) =>
    created(model.groups.addMembers(pathParam(request, "groupId"), bodyObject(request).members ?? [])),

  updateAGroupMember: (request, model) => {
    const body = bodyObject(request);
    model.groups.updateMember(pathParam(request, "groupId"), pathParam(request, "memberId"), body.action, body.target_group_id);
    return noContent();
  },

  groupMembersDelete: (request, model) => {
    model.groups.removeMember(pathParam(request, "groupId"), pathParam(request, "memberId"));
    return noContent();
  },

  groupAdmins: (request, model) => ok(model.groups.admins(pathParam(request, "groupId"), pageOf(request))),

  groupAdminsCreate: (request, model) =>
    created(model.groups.addAdmins(pathParam(request, "groupId"), bodyObject(request).admins ?? [])),

  groupAdminsDelete: (request, model) => {
    model.groups.removeAdmin(pathParam(request, "groupId"), pathParam(request, "userId"));
    return noContent();
  },
} satisfies ApiOperationGroup;
