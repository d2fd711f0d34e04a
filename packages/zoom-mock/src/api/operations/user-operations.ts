import {
  type ApiOperationGroup,
  bodyObject,
  callerId,
  created,
  noContent,
  ok,
  pageOf,
  pathParam,
  pathUser,
  queryInteger,
  queryString,
} from "../api-operation.js";
import type { UserSettingsOption } from "../model/user-settings.js";
import type { UserTokenType } from "../model/user-tokens.js";
import type { ZoomUserStatus } from "../model/user-directory.js";

/** Users: profile, list, create, update, delete, status, email, password, settings, tokens, assistants and schedulers. */
export const userOperations = {
  userMe: (request, model) => {
    const user = model.users.resolve("me", callerId(request));
    return ok(model.users.profile(user, model.groups.groupIdsOf(user.id)));
  },

  user: (request, model) => {
    const user = pathUser(request, model);
    return ok(model.users.profile(user, model.groups.groupIdsOf(user.id)));
  },

  users: (request, model) =>
    ok(model.users.list(queryString(request, "status") as ZoomUserStatus | undefined, pageOf(request))),

  userCreate: (request, model) => created(model.users.create(bodyObject(request))),

  userUpdate: (request, model) => {
    model.users.update(pathUser(request, model), bodyObject(request));
    return noContent();
  },

  userDelete: (request, model) => {
    model.removeUser(pathUser(request, model));
    return noContent();
  },

  userSettings: (request, model) => {
    const user = pathUser(request, model);
    // The user's uploaded virtual backgrounds are part of their full settings.
    return ok(model.virtualBackgrounds.showIn(model.settings.get(user.id, queryString(request, "option") as UserSettingsOption | undefined), { kind: "user", id: user.id }));
  },

  userSettingsUpdate: (request, model) => {
    const user = pathUser(request, model);
    model.settings.update(user.id, bodyObject(request));
    return noContent();
  },

  userToken: (request, model) => {
    const user = pathUser(request, model);
    const type = (queryString(request, "type") ?? "token") as UserTokenType;
    return ok(model.userTokens.issue(user.id, type, queryInteger(request, "ttl")));
  },

  userStatus: (request, model) => {
    const user = pathUser(request, model);
    model.users.setStatus(user, bodyObject(request).action);
    return { status: 200 };
  },

  userEmail: (request, model) => ok(model.users.emailExists(queryString(request, "email") ?? "")),

  userAssistants: (request, model) =>
    ok(model.schedulingPrivileges.assistants(pathUser(request, model).id)),

  userAssistantCreate: (request, model) => {
    const user = pathUser(request, model);
    return created(model.schedulingPrivileges.addAssistants(user.id, bodyObject(request).assistants ?? []));
  },

  userAssistantsDelete: (request, model) => {
    model.schedulingPrivileges.removeAllAssistants(pathUser(request, model).id);
    return noContent();
  },

  userAssistantDelete: (request, model) => {
    const user = pathUser(request, model);
    model.schedulingPrivileges.removeAssistant(user.id, pathParam(request, "assistantId"));
    return noContent();
  },

  userSchedulers: (request, model) =>
    ok(model.schedulingPrivileges.schedulers(pathUser(request, model).id)),

  userSchedulersDelete: (request, model) => {
    model.schedulingPrivileges.removeAllSchedulers(pathUser(request, model).id);
    return noContent();
  },

  userSchedulerDelete: (request, model) => {
    const user = pathUser(request, model);
    model.schedulingPrivileges.removeScheduler(user.id, pathParam(request, "schedulerId"));
    return noContent();
  },

  userPassword: (request, model) => {
    const user = pathUser(request, model);
    model.users.setPassword(user, bodyObject(request).password);
    return noContent();
  },

  userEmailUpdate: (request, model) => {
    const user = pathUser(request, model);
    model.users.changeEmail(user, bodyObject(request).email);
    return noContent();
  },

  userPermission: (request, model) => ok(model.users.permissions(pathUser(request, model))),

  getUserPresenceStatus: (request, model) =>
    ok(model.presence.get(pathUser(request, model).id)),

  updatePresenceStatus: (request, model) => {
    const user = pathUser(request, model);
    model.presence.set(user.id, bodyObject(request));
    return noContent();
  },

  userSSOTokenDelete: (request, model) => {
    model.userTokens.revokeAll(pathUser(request, model).id);
    return noContent();
  },

  userSummary: (_request, model) => ok(model.users.summary()),

  listMeetingTemplates: (request, model) =>
    ok(model.meetingTemplates.list(pathUser(request, model).id)),

  meetingTemplateCreate: (request, model) => {
    const user = pathUser(request, model);
    const body = bodyObject(request);
    return created(model.meetingTemplates.create(user.id, model.meetings.get(body.meeting_id ?? 0), body));
  },

  getUserMeetingTemplates: (request, model) => {
    const user = pathUser(request, model);
    return ok(model.meetingTemplates.get(user.id, pathParam(request, "meetingTemplateId")));
  },

  listWebinarTemplates: (request, model) =>
    ok(model.webinarTemplates.list(pathUser(request, model).id)),

  webinarTemplateCreate: (request, model) => {
    const user = pathUser(request, model);
    const body = bodyObject(request);
    return created(model.webinarTemplates.create(user.id, model.webinars.get(body.webinar_id ?? 0), body));
  },

  userTSPs: (request, model) => ok(model.tspAccounts.list(pathUser(request, model).id)),

  userTSPCreate: (request, model) => {
    const user = pathUser(request, model);
    return created(model.tspAccounts.create(user.id, bodyObject(request)));
  },

  userTSP: (request, model) => {
    const user = pathUser(request, model);
    return ok(model.tspAccounts.get(user.id, pathParam(request, "tspId")));
  },

  userTSPUpdate: (request, model) => {
    const user = pathUser(request, model);
    model.tspAccounts.update(user.id, pathParam(request, "tspId"), bodyObject(request));
    return noContent();
  },

  userTSPDelete: (request, model) => {
    const user = pathUser(request, model);
    model.tspAccounts.delete(user.id, pathParam(request, "tspId"));
    return noContent();
  },

  tspUrlUpdate: (request, model) => {
    const user = pathUser(request, model);
    model.tspAccounts.setAudioUrl(user.id, bodyObject(request).audio_url ?? "");
    return noContent();
  },

  userVanityName: (request, model) => ok(model.users.vanityNameExists(queryString(request, "vanity_name") ?? "")),

  userPACs: (request, model) => ok(model.tspAccounts.pacAccounts(pathUser(request, model).id)),

  userZak: (request, model) => {
    const user = model.users.resolve("me", callerId(request));
    return ok(model.userTokens.issue(user.id, "zak"));
  },
} satisfies ApiOperationGroup;
