import { type ApiOperation, bodyObject, callerId, noContent, ok, pageOf, pathParam, queryBoolean, queryInteger, queryString } from "../api-operation.js";
import { applianceUserNotFound, type ZdmDeviceCreateInput, type ZdmDeviceUpdateInput, type ZpaUpgradeInput } from "../model/zdm-devices.js";
import { ZoomApiFailure } from "../model/api-failure.js";

/** Zoom Device Management: Zoom Rooms devices, ZDM groups and Zoom Phone appliances (ZPA). */
export const deviceOperations: Record<string, ApiOperation> = {
  listDevices: (request, model) =>
    ok(
      model.managedDevices.list(
        {
          searchText: queryString(request, "search_text"),
          platformOs: queryString(request, "platform_os"),
          enrolled: queryBoolean(request, "is_enrolled_in_zdm"),
          deviceType: queryInteger(request, "device_type"),
          vendor: queryString(request, "device_vendor"),
          model: queryString(request, "device_model"),
          status: queryInteger(request, "device_status"),
        },
        pageOf(request),
      ),
    ),

  addDevice: (request, model) => {
    model.managedDevices.add(bodyObject<ZdmDeviceCreateInput>(request));
    return { status: 202 };
  },

  getDevice: (request, model) => ok(model.managedDevices.get(pathParam(request, "deviceId"))),

  deleteDevice: (request, model) => {
    model.managedDevices.remove(pathParam(request, "deviceId"));
    return noContent();
  },

  updateDevice: (request, model) => {
    model.managedDevices.update(pathParam(request, "deviceId"), bodyObject<ZdmDeviceUpdateInput>(request));
    return noContent();
  },

  assginGroup: (request, model) => {
    model.managedDevices.assignGroup(pathParam(request, "deviceId"), queryString(request, "group_id") ?? "");
    return noContent();
  },

  changeDeviceAssociation: (request, model) => {
    const body = bodyObject<{ room_id?: string; app_type?: string }>(request);
    model.managedDevices.changeRoom(pathParam(request, "deviceId"), body.room_id, body.app_type);
    return noContent();
  },

  Getzdmgroupinfo: (request, model) => ok(model.zdmGroups.list(pageOf(request))),

  "Assigndevicetoauser/commonarea": (request, model) => {
    const body = bodyObject<{ vendor: string; mac_address: string; extension_number?: string }>(request);
    model.managedDevices.assignAppliance(body.vendor, body.mac_address, body.extension_number);
    return noContent();
  },

  GetZpaDeviceListProfileSettingOfaUser: (request, model) => {
    const userId = queryString(request, "user_id") ?? "me";
    try {
      return ok(model.managedDevices.applianceSettings(model.users.resolve(userId, callerId(request))));
    } catch (error) {
      // This operation names an unknown user with a 400 of its own rather than the usual 404 code 1001.
      if (error instanceof ZoomApiFailure && error.code === 1001) throw applianceUserNotFound(userId);
      throw error;
    }
  },

  "UpgradeZpas/app": (request, model) => {
    model.managedDevices.upgrade(bodyObject<ZpaUpgradeInput>(request));
    return { status: 202 };
  },

  DeleteZpaDeviceByVendorAndMacAddress: (request, model) => {
    model.managedDevices.removeAppliance(pathParam(request, "vendor"), pathParam(request, "macAddress"));
    return noContent();
  },

  GetZpaVersioninfo: (request, model) => ok(model.managedDevices.offeredVersions(pathParam(request, "zdmGroupId"))),
};
