import { validationFailed, ZoomApiFailure } from "./api-failure.js";
import type { MockApiUser, UserDirectory } from "./user-directory.js";
import type { UserSettings } from "./user-settings.js";
import type { RequestBodyOf } from "./request-bodies.js";

/** The features `POST /users/features` changes. */
export type UserFeatureType =
  | "user_type"
  | "concurrent_meeting"
  | "large_meeting"
  | "webinar"
  | "zoom_events"
  | "zoom_whiteboard"
  | "plan_united_type"
  | "zoom_one_type"
  | "zoom_iq_for_sales"
  | "zoom_revenue_accelerator"
  | "zoom_clips_plus";

/** Body of `POST /users/features`. */
export type UserFeatureUpdateInput = NonNullable<RequestBodyOf<"bulkUpdateFeature">>;

/** Zoom takes one `POST /users/features` per account every 10 seconds. */
export const BULK_FEATURE_INTERVAL_MS = 10_000;

/** Why Zoom did not change a user (the ones this mock can tell apart). */
type FailReason = "Users not found" | "Unpaid user" | "No need to update";

/** Large meeting capacity codes and the capacities they stand for. */
const LARGE_MEETING_CAPACITIES: Readonly<Record<string, number>> = { "1": 100, "32": 200, "64": 300, "128": 500, "256": 1000, "1024": 3000, "2048": 5000 };
/** Webinar capacity codes (16384 and 32768 are promotional 500 and 1000). */
const WEBINAR_CAPACITIES: Readonly<Record<string, number>> = {
  "16": 100,
  "1": 500,
  "64": 1000,
  "128": 3000,
  "256": 5000,
  "512": 10000,
  "1024": 20000,
  "2048": 30000,
  "4096": 40000,
  "8192": 50000,
  "16384": 500,
  "32768": 1000,
};
/** Zoom Events capacities: the value is the capacity itself. */
const ZOOM_EVENTS_CAPACITIES = new Set(["500", "1000", "3000", "5000", "10000", "20000", "30000", "50000"]);
/** Zoom United plan codes: powers of two from 1 to 131072. */
const PLAN_UNITED_TYPES = new Set(Array.from({ length: 18 }, (_unused, bit) => String(2 ** bit)));
/** Zoom Workplace (Zoom One) plan codes, for business, government and education accounts. */
const ZOOM_ONE_TYPES = new Set([
  "16",
  "32",
  "64",
  "128",
  "33554432",
  "134217728",
  "1073741824",
  "536870912",
  "268435456",
  "4398046511104",
  "18014398509481984",
  "72057594037927936",
  "576460752303423488",
  "144115188075855872",
  "137438953472",
  "1099511627776",
  "549755813888",
  "274877906944",
  "2199023255552",
  "4294967296",
  "34359738368",
  "17179869184",
  "8589934592",
  "68719476736",
]);

/** What one feature value does to a user: profile fields and `feature` settings to set (`undefined` removes). */
interface FeatureChange {
  profile?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  /** Whether the change gives the user something a Basic (free) user cannot have. */
  paid: boolean;
}

/**
 * `POST /users/features`: one feature set to one value for up to 30 users. The value is checked
 * once (400 code 300 when it does not fit the feature); then each user is changed, or reported
 * as not found, unpaid (a Basic user cannot get a paid feature) or already set. A request within
 * 10 seconds of the previous one gets a 429 whose `Retry-After` says how many seconds are left.
 */
export class UserFeatures {
  readonly #directory: UserDirectory;
  readonly #settings: UserSettings;
  readonly #clock: () => number;
  /** When the last request that was not refused for its rate came in (ms). */
  #lastRequestAt: number | undefined;

  constructor(directory: UserDirectory, settings: UserSettings, clock: () => number) {
    this.#directory = directory;
    this.#settings = settings;
    this.#clock = clock;
  }

  update(input: UserFeatureUpdateInput) {
    this.#throttle();
    const change = featureChange(input.feature_type, input.feature_value);
    const succeeded: string[] = [];
    const failed = new Map<FailReason, string[]>();
    const fail = (reason: FailReason, id: string) => failed.set(reason, [...(failed.get(reason) ?? []), id]);
    for (const reference of input.users) {
      const user = this.#find(reference);
      if (user === undefined) {
        fail("Users not found", reference.id ?? reference.email ?? "");
        continue;
      }
      if (change.paid && user.type === 1) {
        fail("Unpaid user", user.id);
        continue;
      }
      if (!this.#differs(user, change)) {
        fail("No need to update", user.id);
        continue;
      }
      this.#apply(user, change);
      succeeded.push(user.id);
    }
    return { success_user_ids: succeeded, fail_details: [...failed].map(([reason, userIds]) => ({ user_ids: userIds, reason })) };
  }

  #throttle(): void {
    const now = this.#clock();
    if (this.#lastRequestAt !== undefined && now - this.#lastRequestAt < BULK_FEATURE_INTERVAL_MS) {
      const seconds = Math.ceil((this.#lastRequestAt + BULK_FEATURE_INTERVAL_MS - now) / 1000);
      throw new ZoomApiFailure(429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.", {
        headers: { "Retry-After": String(seconds) },
      });
    }
    this.#lastRequestAt = now;
  }

  #find(reference: { id?: string; email?: string }): MockApiUser | undefined {
    if (reference.id !== undefined) return this.#directory.get(reference.id);
    const email = reference.email?.toLowerCase();
    return this.#directory.list().find((user) => user.email.toLowerCase() === email);
  }

  #differs(user: MockApiUser, change: FeatureChange): boolean {
    const feature = this.#settings.get(user.id).feature as Record<string, unknown> | undefined;
    const profileDiffers = Object.entries(change.profile ?? {}).some(([field, value]) => user[field] !== value);
    const settingsDiffer = Object.entries(change.settings ?? {}).some(([field, value]) => feature?.[field] !== value);
    return profileDiffers || settingsDiffer;
  }

  #apply(user: MockApiUser, change: FeatureChange): void {
    if (change.profile !== undefined) {
      const updated: MockApiUser = { ...user };
      for (const [field, value] of Object.entries(change.profile)) {
        if (value === undefined) delete updated[field];
        else updated[field] = value;
      }
      this.#directory.replace(updated);
    }
    if (change.settings !== undefined) this.#settings.setFeatures(user.id, change.settings);
  }
}

/** What `value` means for `type`; a value the feature does not take is a validation failure. */
function featureChange(type: UserFeatureType, value: string): FeatureChange {
  const invalid = () => validationFailed([{ field: "feature_value", message: `${value} is not a valid value for ${type}.` }]);
  const off = value === "0";
  switch (type) {
    case "user_type":
      if (value !== "1" && value !== "2") throw invalid();
      return { profile: { type: Number(value) }, paid: false };
    case "concurrent_meeting":
      if (value !== "Basic" && value !== "Plus" && value !== "None") throw invalid();
      return { settings: { concurrent_meeting: value }, paid: value !== "None" };
    case "large_meeting": {
      const capacity = LARGE_MEETING_CAPACITIES[value];
      if (!off && capacity === undefined) throw invalid();
      return { settings: { large_meeting: !off, large_meeting_capacity: capacity }, paid: !off };
    }
    case "webinar": {
      const capacity = WEBINAR_CAPACITIES[value];
      if (!off && capacity === undefined) throw invalid();
      return { settings: { webinar: !off, webinar_capacity: capacity }, paid: !off };
    }
    case "zoom_events":
      if (!off && !ZOOM_EVENTS_CAPACITIES.has(value)) throw invalid();
      return { settings: { zoom_events: !off, zoom_events_capacity: off ? undefined : Number(value) }, paid: !off };
    case "plan_united_type":
      if (!off && !PLAN_UNITED_TYPES.has(value)) throw invalid();
      return { profile: { plan_united_type: off ? undefined : value }, paid: !off };
    case "zoom_one_type":
      if (!off && !ZOOM_ONE_TYPES.has(value)) throw invalid();
      return { profile: { zoom_one_type: off ? undefined : Number(value) }, paid: !off };
    case "zoom_whiteboard":
    case "zoom_clips_plus":
    case "zoom_revenue_accelerator":
    case "zoom_iq_for_sales": {
      if (value !== "true" && value !== "false") throw invalid();
      const on = value === "true";
      // `zoom_iq_for_sales` is the old name of Zoom Revenue Accelerator: both turn the same feature on or off.
      const fields = type === "zoom_iq_for_sales" || type === "zoom_revenue_accelerator" ? ["zoom_iq_for_sales", "zoom_revenue_accelerator"] : [type];
      return { settings: Object.fromEntries(fields.map((field) => [field, on])), paid: on };
    }
  }
}
