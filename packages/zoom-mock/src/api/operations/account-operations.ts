import { type ApiOperationGroup, bodyObject, created, noContent, ok, pageOf, pathParam } from "../api-operation.js";

/** Account: tracking fields, H.323/SIP devices, TSP settings. */
export const accountOperations = {
  trackingfieldList: (_request, model) => ok(model.account.trackingFields()),

  trackingfieldCreate: (request, model) => created(model.account.createTrackingField(bodyObject(request))),

  trackingfieldGet: (request, model) => ok(model.account.trackingField(pathParam(request, "fieldId"))),

  trackingfieldUpdate: (request, model) => {
    model.account.updateTrackingField(pathParam(request, "fieldId"), bodyObject(request));
    return noContent();
  },

  trackingfieldDelete: (request, model) => {
    model.account.deleteTrackingField(pathParam(request, "fieldId"));
    return noContent();
  },

  deviceList: (request, model) => ok(model.account.devices(pageOf(request))),

  deviceCreate: (request, model) => created(model.account.createDevice(bodyObject(request))),

  deviceUpdate: (request, model) => {
    model.account.updateDevice(pathParam(request, "deviceId"), bodyObject(request));
    return noContent();
  },

  // Zoom answers this DELETE with 200 and no body, unlike its other deletes.
  deviceDelete: (request, model) => {
    model.account.deleteDevice(pathParam(request, "deviceId"));
    return { status: 200 };
  },

  tsp: (_request, model) => ok(model.account.tsp()),

  tspUpdate: (request, model) => {
    model.account.updateTsp(bodyObject(request));
    return noContent();
  },
} satisfies ApiOperationGroup;
