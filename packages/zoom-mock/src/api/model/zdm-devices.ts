import { ZoomApiFailure } from "./api-failure.js";
import type { ModelContext } from "./model-context.js";
import type { PageRequest } from "./pagination.js";
import type { PhoneExtensions } from "./phone-extensions.js";
import type { ZdmGroups } from "./zdm-groups.js";
import { zoomDateTime } from "./zoom-time.js";
import type { ZoomRooms } from "./zoom-rooms.js";
import { type FirmwareRelease, sameName, type ZpaReleases } from "./zpa-releases.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** Device types: 0-4 and 6 are Zoom Rooms devices, 5 a Zoom Phone appliance (ZPA). */
export type ZdmDeviceType = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A Zoom Phone appliance. */
const ZPA_TYPE = 5;

/** Connection state: 1 online, 0 offline, -1 unlinked. */
export type ZdmDeviceStatus = -1 | 0 | 1;

/** Body of `POST /devices`. */
export type ZdmDeviceCreateInput = NonNullable<RequestBodyOf<"addDevice">>;

/** Body of `PATCH /devices/{deviceId}`. */
export type ZdmDeviceUpdateInput = NonNullable<RequestBodyOf<"updateDevice">>;

/** Query of `GET /devices`. */
export interface ZdmDeviceFilters {
  searchText?: string | undefined;
  /** A platform family (`win`, `mac`, `ipad`, `iphone`, `android`, `linux`): `platform_os` starts with it. */
  platformOs?: string | undefined;
  enrolled?: boolean | undefined;
  deviceType?: number | undefined;
  vendor?: string | undefined;
  model?: string | undefined;
  status?: number | undefined;
}

/** What a device tells ZDM when it connects (a test hook stands in for the device). */
export interface ZdmDeviceReport {
  platform_os?: string;
  app_version?: string;
  sdk_version?: string;
}

/** Body of `POST /devices/zpa/upgrade`. */
export type ZpaUpgradeInput = NonNullable<RequestBodyOf<"UpgradeZpas/app">>;

/** The app types of `PATCH /devices/{deviceId}/assignment` and the device type each makes a device. */
const APP_TYPES: Readonly<Record<string, ZdmDeviceType>> = { ZR: 0, ZRC: 1, ZRP: 2, ZRW: 4 };

/** Zoom Rooms device types, which `device_type=-1` (the default filter) stands for. */
const ZOOM_ROOMS_TYPES: readonly number[] = [0, 1, 2, 3, 4, 6];

const MAX_TAG_LENGTH = 64;
/** `GET /devices/zpa/zdm_groups/{id}/versions` offers at most three of each. */
const MAX_OFFERED_VERSIONS = 3;

interface ZdmDeviceRecord {
  device_id: string;
  device_name: string;
  mac_address: string;
  serial_number: string;
  vendor: string;
  model: string;
  device_type: ZdmDeviceType;
  platform_os: string;
  app_version: string;
  sdk_version: string;
  tag: string;
  enrolled_in_zdm: boolean;
  connected_to_zdm: boolean;
  device_status: ZdmDeviceStatus;
  /** ms, or undefined when it never was online. */
  lastOnline: number | undefined;
  room_id: string;
  user_email: string;
  extension_number: string;
  zdm_group_id: string;
  firmwareVersion: string;
}

/** Parts of the model that devices refer to. */
export interface ZdmDeviceDependencies {
  rooms: ZoomRooms;
  groups: ZdmGroups;
  releases: ZpaReleases;
  extensions: PhoneExtensions;
}

/**
 * Devices managed by Zoom Device Management (ZDM): Zoom Rooms computers, controllers, displays and
 * whiteboards, and Zoom Phone appliances (ZPA). Devices are added by the API and come online when
 * a test connects them; errors carry the codes Zoom documents for each operation (30055xxx,
 * 3005xxxx, and 85xx for room assignment).
 */
export class ZdmDevices {
  readonly #devices: ZdmDeviceRecord[] = [];
  readonly #context: ModelContext;
  readonly #deps: ZdmDeviceDependencies;

  constructor(context: ModelContext, deps: ZdmDeviceDependencies) {
    this.#context = context;
    this.#deps = deps;
  }

  /** `POST /devices`. Returns the new device (Zoom's answer has no body; tests use the id). */
  add(input: ZdmDeviceCreateInput) {
    const required = { device_name: input.device_name, mac_address: input.mac_address, serial_number: input.serial_number, vendor: input.vendor, model: input.model };
    for (const [field, value] of Object.entries(required)) {
      if (value.trim() === "") throw deviceFailure(30055002, `Required param can not be empty or null: ${field}.`);
    }
    if (input.tag !== undefined && input.tag.length > MAX_TAG_LENGTH) throw deviceFailure(30055005, "Tag length can not be more than 64.");
    const mac = normalizeMac(input.mac_address);
    if (mac === undefined) throw deviceFailure(30055007, "Invalid mac address.");
    if (input.room_id !== undefined && input.room_id !== "") this.#room(input.room_id, () => deviceFailure(30055001, "Zoom Room does not exist."));
    if (input.user_email !== undefined && input.user_email !== "" && this.#userByEmail(input.user_email) === undefined) {
      throw deviceFailure(30055009, "Email does not have plan.");
    }
    if (input.zdm_group_id !== undefined) this.#deps.groups.require(input.zdm_group_id, groupMissing);
    const extensionOwner = input.extension_number === undefined ? undefined : this.#deps.extensions.ownerOf(input.extension_number);
    if (input.extension_number !== undefined && extensionOwner === undefined) throw extensionMissing();
    if (this.#devices.some((device) => sameName(device.vendor, input.vendor) && normalizeMac(device.mac_address) === mac)) {
      throw deviceFailure(30055006, "Device has already existed.");
    }
    const device: ZdmDeviceRecord = {
      device_id: this.#context.ids.entityId(),
      device_name: input.device_name,
      mac_address: input.mac_address,
      serial_number: input.serial_number,
      vendor: input.vendor,
      model: input.model,
      device_type: input.device_type,
      platform_os: "",
      app_version: "",
      sdk_version: "",
      tag: input.tag ?? "",
      enrolled_in_zdm: true,
      connected_to_zdm: false,
      device_status: 0,
      lastOnline: undefined,
      room_id: input.room_id ?? "",
      // An appliance added on an extension belongs to that extension's user, unless an email says otherwise.
      user_email: input.user_email ?? (extensionOwner?.kind === "user" ? extensionOwner.email : ""),
      extension_number: input.extension_number ?? "",
      zdm_group_id: input.zdm_group_id ?? "",
      firmwareVersion: "",
    };
    this.#devices.push(device);
    return this.#view(device, "sdk_version");
  }

  /** `GET /devices`: Zoom Rooms devices enrolled in ZDM unless the filters say otherwise. */
  list(filters: ZdmDeviceFilters, page: PageRequest) {
    const search = filters.searchText?.toLowerCase();
    const enrolled = filters.enrolled ?? true;
    const deviceType = filters.deviceType ?? -1;
    const matching = this.#devices.filter(
      (device) =>
        (search === undefined || device.device_name.toLowerCase().includes(search) || device.serial_number.toLowerCase().includes(search)) &&
        (filters.platformOs === undefined || device.platform_os.toLowerCase().startsWith(filters.platformOs)) &&
        device.enrolled_in_zdm === enrolled &&
        (deviceType === -1 ? ZOOM_ROOMS_TYPES.includes(device.device_type) : device.device_type === deviceType) &&
        (filters.vendor === undefined || sameName(device.vendor, filters.vendor)) &&
        (filters.model === undefined || sameName(device.model, filters.model)) &&
        (filters.status === undefined || device.device_status === filters.status),
    );
    const key = ["devices", search, filters.platformOs, enrolled, deviceType, filters.vendor, filters.model, filters.status].join("|");
    const result = this.#context.pages.page(key, matching, page);
    return { next_page_token: result.next_page_token, page_size: result.page_size, devices: result.items.map((device) => this.#view(device, "skd_version")) };
  }

  /** `GET /devices/{deviceId}`. */
  get(deviceId: string) {
    return this.#view(this.#device(deviceId), "sdk_version");
  }

  /** `DELETE /devices/{deviceId}`. */
  remove(deviceId: string): void {
    this.#devices.splice(this.#devices.indexOf(this.#device(deviceId)), 1);
  }

  /** `PATCH /devices/{deviceId}`: only enrolled devices can be changed. */
  update(deviceId: string, patch: ZdmDeviceUpdateInput): void {
    const device = this.#device(deviceId);
    if (!device.enrolled_in_zdm) throw deviceFailure(30055011, "Device is not enrolled.");
    if (patch.device_name.trim() === "") throw deviceFailure(30055002, "Required param can not be empty or null: device_name.");
    if (patch.tag !== undefined && patch.tag.length > MAX_TAG_LENGTH) throw deviceFailure(30055005, "Tag length can not be more than 64.");
    if (patch.room_id !== undefined && patch.room_id !== "") this.#room(patch.room_id, () => deviceFailure(30055001, "Zoom Room does not exist."));
    device.device_name = patch.device_name;
    if (patch.tag !== undefined) device.tag = patch.tag;
    if (patch.room_id !== undefined) device.room_id = patch.room_id;
    if (patch.device_type !== undefined) device.device_type = patch.device_type;
  }

  /** `PATCH /devices/{deviceId}/assign_group`. */
  assignGroup(deviceId: string, groupId: string): void {
    const device = this.#device(deviceId);
    this.#deps.groups.require(groupId, groupMissing);
    device.zdm_group_id = groupId;
  }

  /**
   * `PATCH /devices/{deviceId}/assignment`: moves the device to a room as the app `appType` (Zoom's
   * default `ZR`), or out of its room when `requestedRoomId` is blank; without one the device stays
   * where it is as `appType`. This operation has its own codes.
   */
  changeRoom(deviceId: string, requestedRoomId: string | undefined, appType: string | undefined): void {
    const device = this.#devices.find((candidate) => candidate.device_id === deviceId);
    if (device === undefined) throw new ZoomApiFailure(404, 8503, `Device does not exist: ${deviceId}.`);
    if (!device.enrolled_in_zdm) throw new ZoomApiFailure(400, 8500, "Device not enrolled in Zoom Device Management.");
    // Without a room the device keeps the one it has (the request then only changes its app type).
    const roomId = requestedRoomId ?? device.room_id;
    if (roomId.trim() === "") {
      device.room_id = "";
      return;
    }
    this.#room(roomId, () => new ZoomApiFailure(404, 1012, `Room does not exist: ${roomId}.`));
    device.room_id = roomId;
    device.device_type = APP_TYPES[appType ?? "ZR"] ?? 0;
  }

  /**
   * `POST /devices/zpa/assignment`: gives the appliance to the owner of `extensionNumber` (a user
   * or a common area), or takes it from its owner when no extension is given.
   */
  assignAppliance(vendor: string, macAddress: string, extensionNumber: string | undefined): void {
    const device = this.#appliance(vendor, macAddress, () => deviceFailure(30051039, "Device not exists."));
    if (extensionNumber === undefined || extensionNumber === "") {
      device.user_email = "";
      device.extension_number = "";
      return;
    }
    const owner = this.#deps.extensions.ownerOf(extensionNumber);
    if (owner === undefined) throw extensionMissing();
    device.user_email = owner.kind === "user" ? owner.email : "";
    device.extension_number = extensionNumber;
  }

  /** `DELETE /devices/zpa/vendors/{vendor}/mac_addresses/{macAddress}`. */
  removeAppliance(vendor: string, macAddress: string): void {
    const device = this.#appliance(vendor, macAddress, () => new ZoomApiFailure(404, 30051039, "Zdm device not found."));
    this.#devices.splice(this.#devices.indexOf(device), 1);
  }

  /** `GET /devices/zpa/settings`: the appliances assigned to the user, with the user's language and time zone. */
  applianceSettings(user: { email: string; language?: string | undefined; timezone?: string | undefined }) {
    const appliances = this.#devices.filter((device) => device.device_type === ZPA_TYPE && sameName(device.user_email, user.email));
    return {
      language: user.language ?? "",
      timezone: user.timezone ?? "",
      device_infos: appliances.map((device) => ({
        device_id: device.device_id,
        device_type: "Zoom Phone Appliance",
        vendor: device.vendor,
        model: device.model,
        status: device.device_status === 1 ? ("online" as const) : ("offline" as const),
        // The mock models neither hot desking nor desk-phone call control: both read as off.
        policy: { hot_desking: { status: "offline" as const }, call_control: { status: "off" as const } },
      })),
    };
  }

  /**
   * `GET /devices/zpa/zdm_groups/{zdmGroupId}/versions`: released firmware for the vendors and
   * models of the group's appliances, and app versions, that some appliance of the group does
   * not run yet (at most three of each, newest first).
   */
  offeredVersions(groupId: string) {
    this.#deps.groups.require(groupId, () => new ZoomApiFailure(404, 30052027, "ZdmGroup not found."));
    const appliances = this.#devices.filter((device) => device.device_type === ZPA_TYPE && device.zdm_group_id === groupId);
    const firmware: FirmwareRelease[] = [];
    const seen = new Set<string>();
    for (const device of appliances) {
      const key = `${device.vendor.toLowerCase()}/${device.model.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sameModel = appliances.filter((other) => sameName(other.vendor, device.vendor) && sameName(other.model, device.model));
      for (const release of this.#deps.releases.firmwareFor(device.vendor, device.model)) {
        if (sameModel.some((other) => other.firmwareVersion !== release.version)) firmware.push({ ...release });
      }
    }
    const apps = this.#deps.releases.appVersions().filter((version) => appliances.some((device) => device.app_version !== version));
    return { firmware_versions: firmware.slice(0, MAX_OFFERED_VERSIONS), app_versions: apps.slice(0, MAX_OFFERED_VERSIONS) };
  }

  /** `POST /devices/zpa/upgrade`: installs firmware (per vendor and model) or the app on the group's appliances. */
  upgrade(input: ZpaUpgradeInput): void {
    this.#deps.groups.require(input.zdm_group_id, () => deviceFailure(30055018, "Zdm group id does not exist."));
    const appliances = this.#devices.filter((device) => device.device_type === ZPA_TYPE && device.zdm_group_id === input.zdm_group_id);
    const { data } = input;
    if (data.upgrade_type === "UPGRADE_APP") {
      const version = data.app_version;
      if (version === undefined || version === "") throw deviceFailure(30052030, "Missing required input: app_version.");
      for (const device of appliances) device.app_version = version;
      return;
    }
    const targets = data.firmware_versions ?? [];
    if (targets.length === 0) throw deviceFailure(30052029, "Missing required input: firmware_versions.");
    for (const target of targets) {
      if (target.vendor === undefined || target.model === undefined || target.version === undefined) continue;
      for (const device of appliances) {
        if (sameName(device.vendor, target.vendor) && sameName(device.model, target.model)) device.firmwareVersion = target.version;
      }
    }
  }

  /**
   * `GET /users/{userId}/collaboration_devices`: the devices in the user's personal Zoom Rooms.
   */
  collaborationDevicesOf(userId: string) {
    const devices = this.#devices
      .filter((device) => device.room_id !== "" && this.#deps.rooms.isPersonalRoomOf(device.room_id, userId))
      .map((device) => ({
        id: device.device_id,
        device_name: device.device_name,
        room_name: this.#deps.rooms.find(device.room_id)?.name ?? "",
        room_user_id: device.room_id,
        status: device.device_status === 1 ? ("Online" as const) : ("Offline" as const),
      }));
    return { total_records: devices.length, collaboration_devices: devices };
  }

  /** `GET /users/{userId}/collaboration_devices/{collaborationDeviceId}` (Zoom code 1238 when it is not one of theirs). */
  collaborationDevice(userId: string, deviceId: string) {
    const found = this.collaborationDevicesOf(userId).collaboration_devices.find((device) => device.id === deviceId);
    if (found === undefined) throw new ZoomApiFailure(404, 1238, `Collaboration Device does not exist: ${deviceId}.`);
    return found;
  }

  /** Test hook: the device connects to ZDM and reports its platform and versions; it is online. */
  connect(deviceId: string, report: ZdmDeviceReport = {}): void {
    const device = this.#device(deviceId);
    Object.assign(device, report);
    device.connected_to_zdm = true;
    device.device_status = 1;
    device.lastOnline = this.#context.clock();
  }

  /** Test hook: the device goes offline (it was last online now). */
  disconnect(deviceId: string): void {
    const device = this.#device(deviceId);
    if (device.device_status === 1) device.lastOnline = this.#context.clock();
    device.connected_to_zdm = false;
    device.device_status = 0;
  }

  /** Test hook: the device leaves ZDM (it is no longer enrolled and shows as unlinked). */
  unenroll(deviceId: string): void {
    const device = this.#device(deviceId);
    device.enrolled_in_zdm = false;
    device.connected_to_zdm = false;
    device.device_status = -1;
  }

  /** The firmware version installed on an appliance (for tests; Zoom's device views do not show it). */
  firmwareOf(deviceId: string): string {
    return this.#device(deviceId).firmwareVersion;
  }

  #view(device: ZdmDeviceRecord, sdkField: "sdk_version" | "skd_version") {
    return {
      device_id: device.device_id,
      device_name: device.device_name,
      mac_address: device.mac_address,
      serial_number: device.serial_number,
      vendor: device.vendor,
      model: device.model,
      platform_os: device.platform_os,
      app_version: device.app_version,
      tag: device.tag,
      enrolled_in_zdm: device.enrolled_in_zdm,
      connected_to_zdm: device.connected_to_zdm,
      room_id: device.room_id,
      room_name: device.room_id === "" ? "" : (this.#deps.rooms.find(device.room_id)?.name ?? ""),
      device_type: device.device_type,
      [sdkField]: device.sdk_version,
      device_status: device.device_status,
      last_online: device.lastOnline === undefined ? "" : zoomDateTime(device.lastOnline),
      user_email: device.user_email,
    };
  }

  #device(deviceId: string): ZdmDeviceRecord {
    const device = this.#devices.find((candidate) => candidate.device_id === deviceId);
    if (device === undefined) throw new ZoomApiFailure(404, 30055012, `Device does not exist: ${deviceId}.`);
    return device;
  }

  #appliance(vendor: string, macAddress: string, missing: () => ZoomApiFailure): ZdmDeviceRecord {
    const mac = normalizeMac(macAddress);
    if (mac === undefined) throw deviceFailure(30055007, "Mac address is wrong.");
    const device = this.#devices.find((candidate) => sameName(candidate.vendor, vendor) && normalizeMac(candidate.mac_address) === mac);
    if (device === undefined) throw missing();
    if (device.device_type !== ZPA_TYPE) throw deviceFailure(30052026, "Device is not ZPA.");
    return device;
  }

  #room(roomId: string, missing: () => ZoomApiFailure): void {
    if (this.#deps.rooms.find(roomId) === undefined) throw missing();
  }

  #userByEmail(email: string) {
    return this.#context.directory.list().find((user) => sameName(user.email, email));
  }
}

/**
 * A MAC address as 12 lowercase hex digits, whether written `64167ffc0ed7`, `64-16-7F-FC-0E-D7` or
 * `64:16:7f:fc:0e:d7`; `undefined` when it is none of these.
 */
export function normalizeMac(value: string): string | undefined {
  if (!/^[0-9a-f]{2}([-:]?)[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i.test(value)) return undefined;
  return value.replace(/[-:]/g, "").toLowerCase();
}

/** A device operation's 400 with one of Zoom's device codes. */
function deviceFailure(code: number, message: string): ZoomApiFailure {
  return new ZoomApiFailure(400, code, message);
}

function groupMissing(): ZoomApiFailure {
  return deviceFailure(30052010, "Group does not exist.");
}

function extensionMissing(): ZoomApiFailure {
  return deviceFailure(30052024, "Extension number not exists.");
}

/** `GET /devices/zpa/settings` names an unknown user with a 400 (code 30052016), not a 404. */
export function applianceUserNotFound(userId: string): ZoomApiFailure {
  return new ZoomApiFailure(400, 30052016, `User does not exist: ${userId}.`);
}
