import { type ApiOperationGroup, bodyObject, created, multipartOf, noContent, ok, pathParam, queryString } from "../api-operation.js";
import type { GroupSettingsOption } from "../model/group-settings.js";

/** Group settings: settings and locks, webinar registration settings, virtual backgrounds, chat channels. */
export const groupSettingsOperations = {
  groupChannels: (request, model) => ok(model.groupSettings.channels(pathParam(request, "groupId"))),

  getGroupSettings: (request, model) => {
    const groupId = pathParam(request, "groupId");
    const option = queryString(request, "option") as GroupSettingsOption | undefined;
    const fields = queryString(request, "custom_query_fields");
    const settings = model.groupSettings.get(groupId, option, fields);
    // The group's uploaded virtual backgrounds are part of its full settings.
    return ok(option === undefined && fields === undefined ? model.virtualBackgrounds.showIn(settings, { kind: "group", id: groupId }) : settings);
  },

  updateGroupSettings: (request, model) => {
    model.groupSettings.update(pathParam(request, "groupId"), queryString(request, "option") as GroupSettingsOption | undefined, bodyObject(request));
    return noContent();
  },

  getGroupLockSettings: (request, model) => ok(model.groupSettings.locks(pathParam(request, "groupId"), queryString(request, "option"))),

  groupLockedSettings: (request, model) => {
    model.groupSettings.updateLocks(pathParam(request, "groupId"), queryString(request, "option"), bodyObject(request));
    return noContent();
  },

  groupSettingsRegistration: (request, model) => ok(model.groupSettings.registration(pathParam(request, "groupId"))),

  groupSettingsRegistrationUpdate: (request, model) => {
    model.groupSettings.updateRegistration(pathParam(request, "groupId"), bodyObject(request));
    return noContent();
  },

  uploadGroupVB: (request, model) => {
    const group = model.groups.get(pathParam(request, "groupId"));
    return created(model.virtualBackgrounds.upload({ kind: "group", id: group.id }, multipartOf(request).files.file));
  },

  delGroupVB: (request, model) => {
    const group = model.groups.get(pathParam(request, "groupId"));
    model.virtualBackgrounds.delete({ kind: "group", id: group.id }, queryString(request, "file_ids"));
    return noContent();
  },
} satisfies ApiOperationGroup;
