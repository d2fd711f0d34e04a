import { ApiModel } from "./api-model.js";
import type { RandomBytes } from "./id-source.js";
import { MapUserDirectory, type MockApiUser } from "./user-directory.js";

/** Deterministic bytes: a counter, so ids differ but repeat from run to run. */
export function countingRandom(): RandomBytes {
  let next = 1;
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let index = 0; index < length; index += 1) {
      bytes[index] = (next * 31 + index * 7) % 256;
    }
    next += 1;
    return bytes;
  };
}

/** A settable clock starting at 2026-11-28T10:00:00Z. */
export function manualClock(start = Date.UTC(2026, 10, 28, 10, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A model over an in-memory directory holding Ada, with a manual clock. */
export function modelWithAda() {
  const clock = manualClock();
  let userCounter = 0;
  const users = new Map<string, MockApiUser>();
  const directory = new MapUserDirectory(() => {
    userCounter += 1;
    return `user-${userCounter}`;
  }, users);
  const ada: MockApiUser = {
    id: "ada-id",
    email: "ada@example.com",
    first_name: "Ada",
    last_name: "Lovelace",
    display_name: "Ada Lovelace",
    type: 2,
    status: "active",
    timezone: "Europe/London",
  };
  users.set(ada.id, ada);
  const model = new ApiModel({ users: directory, clock: clock.now, random: countingRandom() });
  return { model, clock, ada, users };
}
