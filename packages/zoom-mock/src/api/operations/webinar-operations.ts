import { type ApiOperation, bodyObject, callerId, created, noContent, ok, pageOf, pathParam, queryString } from "../api-operation.js";
import type { PanelistInput } from "../model/panelists.js";
import type { RegistrantAction, RegistrantInput, RegistrantStatus } from "../model/registrants.js";
import type { WebinarCreateInput } from "../model/webinars.js";

/** Webinars, their registrants and panelists. */
export const webinarOperations: Record<string, ApiOperation> = {
  webinarCreate: (request, model) => {
    const host = model.users.resolve(pathParam(request, "userId"), callerId(request));
    return created(model.webinars.view(model.webinars.create(host, bodyObject<WebinarCreateInput>(request))));
  },

  webinars: (request, model) => {
    const host = model.users.resolve(pathParam(request, "userId"), callerId(request));
    return ok(model.webinars.list(host.id, queryString(request, "type") as "scheduled" | "upcoming" | undefined, pageOf(request)));
  },

  webinar: (request, model) => ok(model.webinars.view(model.webinars.get(pathParam(request, "webinarId")))),

  webinarUpdate: (request, model) => {
    model.webinars.update(model.webinars.get(pathParam(request, "webinarId")), bodyObject<WebinarCreateInput>(request));
    return noContent();
  },

  webinarDelete: (request, model) => {
    model.deleteWebinar(model.webinars.get(pathParam(request, "webinarId")));
    return noContent();
  },

  webinarRegistrants: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    const status = queryString(request, "status") as RegistrantStatus | undefined;
    return ok(model.registrants.list(model.webinarTarget(webinar), status, pageOf(request)));
  },

  webinarRegistrantGet: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return ok(model.registrants.get(model.webinarTarget(webinar), pathParam(request, "registrantId")));
  },

  deleteWebinarRegistrant: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    model.registrants.remove(model.webinarTarget(webinar), pathParam(request, "registrantId"));
    return noContent();
  },

  webinarRegistrantStatus: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    const body = bodyObject<{ action: RegistrantAction; registrants?: { id?: string; email?: string }[] }>(request);
    model.registrants.setStatus(model.webinarTarget(webinar), body.action, body.registrants ?? []);
    return noContent();
  },

  webinarStatus: (request, model) => {
    model.webinars.end(model.webinars.get(pathParam(request, "webinarId")));
    return { status: 200 };
  },

  webinarPanelists: (request, model) => ok(model.panelists.list(model.webinars.get(pathParam(request, "webinarId")))),

  webinarPanelistCreate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.panelists.add(webinar, bodyObject<{ panelists?: PanelistInput[] }>(request).panelists ?? []));
  },

  webinarPanelistsDelete: (request, model) => {
    model.panelists.removeAll(model.webinars.get(pathParam(request, "webinarId")));
    return noContent();
  },

  webinarPanelistDelete: (request, model) => {
    model.panelists.remove(model.webinars.get(pathParam(request, "webinarId")), pathParam(request, "panelistId"));
    return noContent();
  },

  webinarRegistrantCreate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.registrants.add(model.webinarTarget(webinar), bodyObject<RegistrantInput>(request)));
  },
};
