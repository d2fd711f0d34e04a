import { type ApiOperation, bodyObject, created, noContent, ok, pageOf, pathParam } from "../api-operation.js";
import type { DeviceInput, TrackingFieldInput } from "../model/account-settings.js";

/** Account: tracking fields, H.323/SIP devices, TSP settings. */
export const accountOperations: Record<string, ApiOperation> = {
  trackingfieldList: (_request, model) => ok(model.account.trackingFields()),

  trackingfieldCreate: (request, model) => created(model.account.createTrackingField(bodyObject<TrackingFieldInput>(request))),

  trackingfieldGet: (request, model) => ok(model.account.trackingField(pathParam(request, "fieldId"))),

  trackingfieldUpdate: (request, model) => {
    model.account.updateTrackingField(pathParam(request, "fieldId"), bodyObject<TrackingFieldInput>(request));
    return noContent();
  },

  trackingfieldDelete: (request, model) => {
    model.account.deleteTrackingField(pathParam(request, "fieldId"));
    return noContent();
  },

  deviceList: (request, model) => ok(model.account.devices(pageOf(request))),

  deviceCreate: (request, model) => created(model.account.createDevice(bodyObject<DeviceInput>(request))),

  deviceUpdate: (request, model) => {
    model.account.updateDevice(pathParam(request, "deviceId"), bodyObject<DeviceInput>(request));
    return noContent();
  },

  // Zoom answers this DELETE with 200 and no body, unlike its other deletes.
  deviceDelete: (request, model) => {
    model.account.deleteDevice(pathParam(request, "deviceId"));
    return { status: 200 };
  },

  tsp: (_request, model) => ok(model.account.tsp()),

  tspUpdate: (request, model) => {
    model.account.updateTsp(bodyObject<Record<string, unknown>>(request));
    return noContent();
  },
};
