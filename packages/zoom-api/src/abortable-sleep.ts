import type { Sleep } from "./zoom-client-options.js";

/** The default {@link Sleep}: a timer cleared, and the promise resolved, as soon as `signal` aborts. */
export const abortableSleep: Sleep = (ms, signal) => {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
};
