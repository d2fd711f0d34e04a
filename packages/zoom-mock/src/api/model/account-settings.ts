import { deviceNameTaken, deviceNotFound, trackingFieldNotFound } from "./api-failure.js";
import { numberedPageFields, type PageRequest } from "./pagination.js";
import type { ModelContext } from "./model-context.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** A tracking field definition (`/tracking_fields`). */
export type TrackingFieldInput = NonNullable<RequestBodyOf<"trackingfieldCreate">>;

interface TrackingFieldRecord extends TrackingFieldInput {
  id: string;
  field: string;
}

/** An H.323 or SIP room device (`/h323/devices`). */
export type DeviceInput = NonNullable<RequestBodyOf<"deviceCreate">>;

/**
 * Account-level settings and resources: tracking fields, H.323/SIP devices and the telephony
 * service provider (TSP) settings.
 */
export class AccountSettings {
  readonly #trackingFields: TrackingFieldRecord[] = [];
  readonly #devices: (DeviceInput & { id: string })[] = [];
  #tsp: Record<string, unknown> = {
    enable: false,
    tsp_enabled: false,
    tsp_provider: "",
    tsp_bridge: "US_TSP_TB",
    dial_in_number_unrestricted: false,
    master_account_setting_extended: false,
    modify_credential_forbidden: false,
    dial_in_numbers: [],
  };
  readonly #context: ModelContext;

  constructor(context: ModelContext) {
    this.#context = context;
  }

  /** `GET /tracking_fields`. */
  trackingFields() {
    const tracking_fields = this.#trackingFields.map((field) => structuredClone(field));
    return { total_records: tracking_fields.length, tracking_fields };
  }

  /** `POST /tracking_fields`. */
  createTrackingField(input: TrackingFieldInput): TrackingFieldRecord {
    // Zoom's defaults for what the request leaves out: optional, shown to the scheduler, no suggested values.
    const field: TrackingFieldRecord = {
      required: false,
      visible: true,
      recommended_values: [],
      ...structuredClone(input),
      id: this.#context.ids.entityId(),
      field: input.field ?? "",
    };
    this.#trackingFields.push(field);
    return structuredClone(field);
  }

  /** `GET /tracking_fields/{fieldId}`; unknown gives 404 code 5110. */
  trackingField(fieldId: string): TrackingFieldRecord {
    return structuredClone(this.#trackingField(fieldId));
  }

  /** `PATCH /tracking_fields/{fieldId}`. */
  updateTrackingField(fieldId: string, patch: TrackingFieldInput): void {
    Object.assign(this.#trackingField(fieldId), structuredClone(patch));
  }

  /** `DELETE /tracking_fields/{fieldId}`. */
  deleteTrackingField(fieldId: string): void {
    this.#trackingFields.splice(this.#trackingFields.indexOf(this.#trackingField(fieldId)), 1);
  }

  /** `GET /h323/devices`: one page. */
  devices(page: PageRequest) {
    const result = this.#context.pages.page("h323-devices", this.#devices, page);
    return {
      ...numberedPageFields(result),
      devices: result.items.map((device) => ({ ...device })),
    };
  }

  /** `POST /h323/devices`; a display name already in use gives Zoom's code 2020. */
  createDevice(input: DeviceInput) {
    this.#assertNameFree(input.name, undefined);
    const device = { ...input, id: this.#context.ids.entityId() };
    this.#devices.push(device);
    return { ...device };
  }

  /** `PATCH /h323/devices/{deviceId}`. */
  updateDevice(deviceId: string, input: DeviceInput): void {
    const device = this.#device(deviceId);
    this.#assertNameFree(input.name, deviceId);
    Object.assign(device, input);
  }

  /** `DELETE /h323/devices/{deviceId}`. */
  deleteDevice(deviceId: string): void {
    this.#devices.splice(this.#devices.indexOf(this.#device(deviceId)), 1);
  }

  /** `GET /tsp`. */
  tsp(): Record<string, unknown> {
    return structuredClone(this.#tsp);
  }

  /** `PATCH /tsp`. */
  updateTsp(patch: Record<string, unknown>): void {
    this.#tsp = { ...this.#tsp, ...structuredClone(patch) };
  }

  #trackingField(fieldId: string): TrackingFieldRecord {
    const field = this.#trackingFields.find((candidate) => candidate.id === fieldId);
    if (field === undefined) throw trackingFieldNotFound(fieldId);
    return field;
  }

  #device(deviceId: string) {
    const device = this.#devices.find((candidate) => candidate.id === deviceId);
    if (device === undefined) throw deviceNotFound(deviceId);
    return device;
  }

  #assertNameFree(name: string, exceptId: string | undefined): void {
    if (this.#devices.some((device) => device.name === name && device.id !== exceptId)) throw deviceNameTaken(name);
  }
}
