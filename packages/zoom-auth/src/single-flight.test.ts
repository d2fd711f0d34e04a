import { describe, expect, it } from "vitest";
import { SingleFlight } from "./single-flight.js";

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((onValue, onError) => {
    resolve = onValue;
    reject = onError;
  });
  return { promise, resolve, reject };
}

describe("SingleFlight", () => {
  it("gives concurrent callers one run and its value", async () => {
    const flight = new SingleFlight<string>();
    const gate = deferred<string>();
    let started = 0;
    const task = () => {
      started++;
      return gate.promise;
    };
    const calls = [flight.run(task), flight.run(task), flight.run(task)];
    expect(flight.inFlight).toBe(true);
    gate.resolve("value");
    expect(await Promise.all(calls)).toEqual(["value", "value", "value"]);
    expect(started).toBe(1);
    expect(flight.inFlight).toBe(false);
  });

  it("starts a new run once the previous one settled, even right after its callers resume", async () => {
    const flight = new SingleFlight<number>();
    let started = 0;
    const task = async () => ++started;
    expect(await flight.run(task)).toBe(1);
    expect(await flight.run(task)).toBe(2);
  });

  it("gives every caller of a failed run the error, and runs again on the next call", async () => {
    const flight = new SingleFlight<string>();
    const failure = new Error("boom");
    const results = await Promise.allSettled([
      flight.run(() => Promise.reject(failure)),
      flight.run(() => Promise.resolve("not started")),
    ]);
    expect(results).toEqual([
      { status: "rejected", reason: failure },
      { status: "rejected", reason: failure },
    ]);
    expect(await flight.run(async () => "again")).toBe("again");
  });

  it("turns a task that throws before returning a promise into a rejected run", async () => {
    const flight = new SingleFlight<string>();
    const failure = new TypeError("sync");
    await expect(
      flight.run(() => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(flight.inFlight).toBe(false);
  });

  it("after forget(), starts a new run and tells the old one it is no longer current", async () => {
    const flight = new SingleFlight<string>();
    const first = deferred<string>();
    const seen: Array<() => boolean> = [];
    const old = flight.run((isCurrent) => {
      seen.push(isCurrent);
      return first.promise;
    });
    const [firstIsCurrent] = seen;
    expect(firstIsCurrent?.()).toBe(true);
    flight.forget();
    expect(firstIsCurrent?.()).toBe(false);
    const fresh = flight.run(async () => "second");
    first.resolve("first");
    expect(await old).toBe("first");
    expect(await fresh).toBe("second");
  });
});
