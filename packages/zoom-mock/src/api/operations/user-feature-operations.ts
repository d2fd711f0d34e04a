import { type ApiOperationGroup, bodyObject, created, ok, pathParam, pathUser } from "../api-operation.js";

/** Users' collaboration devices, the meeting summary templates they can choose, and their plan features in bulk. */
export const userFeatureOperations = {
  listCollaborationDevices: (request, model) => ok(model.managedDevices.collaborationDevicesOf(pathUser(request, model).id)),

  getCollaborationDevice: (request, model) =>
    ok(model.managedDevices.collaborationDevice(pathUser(request, model).id, pathParam(request, "collaborationDeviceId"))),

  Getmeetingsummarytemplates: (request, model) => {
    pathUser(request, model);
    return ok(model.summaryTemplates.list());
  },

  bulkUpdateFeature: (request, model) => created(model.userFeatures.update(bodyObject(request))),
} satisfies ApiOperationGroup;
