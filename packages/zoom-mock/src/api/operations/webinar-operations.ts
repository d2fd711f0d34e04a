import { type ApiOperation, bodyObject, callerId, created, noContent, ok, pageOf, pathParam, queryString } from "../api-operation.js";
import type { RegistrantInput, RegistrantStatus } from "../model/registrants.js";
import type { WebinarCreateInput } from "../model/webinars.js";

/** Webinars and their registrants. */
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

  webinarRegistrantCreate: (request, model) => {
    const webinar = model.webinars.get(pathParam(request, "webinarId"));
    return created(model.registrants.add(model.webinarTarget(webinar), bodyObject<RegistrantInput>(request)));
  },
};
