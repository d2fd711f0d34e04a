import {
  type ApiOperation,
  bodyObject,
  callerId,
  created,
  noContent,
  ok,
  pageOf,
  pathParam,
  queryInteger,
  queryString,
} from "../api-operation.js";
import type { UserSettingsOption } from "../model/user-settings.js";
import type { UserTokenType } from "../model/user-tokens.js";
import type { ZoomUserStatus } from "../model/user-directory.js";
import type { UserCreateInput, UserUpdateInput } from "../model/users.js";

/** Users: profile, list, create, update, delete, settings and tokens. */
export const userOperations: Record<string, ApiOperation> = {
  userMe: (request, model) => ok(model.users.view(model.users.resolve("me", callerId(request)))),

  user: (request, model) => ok(model.users.view(model.users.resolve(pathParam(request, "userId"), callerId(request)))),

  users: (request, model) =>
    ok(model.users.list(queryString(request, "status") as ZoomUserStatus | undefined, pageOf(request))),

  userCreate: (request, model) => created(model.users.create(bodyObject<UserCreateInput>(request))),

  userUpdate: (request, model) => {
    model.users.update(model.users.resolve(pathParam(request, "userId"), callerId(request)), bodyObject<UserUpdateInput>(request));
    return noContent();
  },

  userDelete: (request, model) => {
    model.removeUser(model.users.resolve(pathParam(request, "userId"), callerId(request)));
    return noContent();
  },

  userSettings: (request, model) => {
    const user = model.users.resolve(pathParam(request, "userId"), callerId(request));
    return ok(model.settings.get(user.id, queryString(request, "option") as UserSettingsOption | undefined));
  },

  userSettingsUpdate: (request, model) => {
    const user = model.users.resolve(pathParam(request, "userId"), callerId(request));
    model.settings.update(user.id, bodyObject<Record<string, unknown>>(request));
    return noContent();
  },

  userToken: (request, model) => {
    const user = model.users.resolve(pathParam(request, "userId"), callerId(request));
    const type = (queryString(request, "type") ?? "token") as UserTokenType;
    return ok(model.userTokens.issue(user.id, type, queryInteger(request, "ttl")));
  },

  userStatus: (request, model) => {
    const user = model.users.resolve(pathParam(request, "userId"), callerId(request));
    model.users.setStatus(user, bodyObject<{ action: "activate" | "deactivate" | "clock_in" | "clock_out" }>(request).action);
    return { status: 200 };
  },

  userEmail: (request, model) => ok(model.users.emailExists(queryString(request, "email") ?? "")),

  userZak: (request, model) => {
    const user = model.users.resolve("me", callerId(request));
    return ok(model.userTokens.issue(user.id, "zak"));
  },
};
