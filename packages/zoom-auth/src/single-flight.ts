/**
 * Says whether the run it was handed to is still the current one, or was forgotten by
 * {@link SingleFlight.forget} while it was under way.
 */
export type IsCurrentFlight = () => boolean;

/**
 * Shares one run of an async task between concurrent callers: while a run is under way,
 * every caller gets its promise instead of starting another. Once it settles, the next
 * call starts a new run.
 *
 * Token caches need this because a burst of calls at expiry would otherwise send one token
 * request each; with rotating refresh tokens (Zoom's), all but the first would fail.
 *
 * @typeParam T - What a run resolves to.
 * @internal Shared by {@link ZoomServerToServer} and {@link UserTokenSource}; not exported.
 */
export class SingleFlight<T> {
  #current: { promise: Promise<T> } | null = null;

  /**
   * Returns the run under way, or starts `task` when there is none.
   *
   * @param task - Starts the work. It is handed {@link IsCurrentFlight}, so that it can
   *   skip storing a result that {@link SingleFlight.forget} made unwanted.
   * @returns The shared promise: every caller of one run sees the same value or error.
   */
  run(task: (isCurrent: IsCurrentFlight) => Promise<T>): Promise<T> {
    if (this.#current !== null) return this.#current.promise;
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const flight = {
      promise: new Promise<T>((onValue, onError) => {
        resolve = onValue;
        reject = onError;
      }),
    };
    // Registered before the task starts, so that isCurrent() is already true inside it.
    this.#current = flight;
    const isCurrent: IsCurrentFlight = () => this.#current === flight;
    // Cleared before callers resume, so that code after `await run(...)` can start a new run.
    const land = () => {
      if (this.#current === flight) this.#current = null;
    };
    let started: Promise<T>;
    try {
      started = task(isCurrent);
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      (value) => {
        land();
        resolve(value);
      },
      (error: unknown) => {
        land();
        reject(error);
      },
    );
    return flight.promise;
  }

  /** Whether a run is under way. */
  get inFlight(): boolean {
    return this.#current !== null;
  }

  /**
   * Detaches the run under way: its callers still get its result, but the next call starts
   * a new run, and the old run's {@link IsCurrentFlight} answers `false` from now on.
   */
  forget(): void {
    this.#current = null;
  }
}
