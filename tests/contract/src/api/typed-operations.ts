import { createZoomClient, type ZoomClient } from "@org/zoom-api";
import { beforeAll } from "vitest";
import { ADMIN_MANAGED_APP_SCOPES, signIn, useZoomApiMock, type ZoomApiMock } from "./api-fixture.js";
import { markTypedClient } from "./served-requests-log.js";

/** A Zoom mock behind msw (see {@link useZoomApiMock}) and a typed client signed in as its default user. */
export interface TypedClientMock extends ZoomApiMock {
  /** The typed client; available once the file's `beforeAll` hooks have run. */
  client(): ZoomClient;
}

/** Time for both sides: the mock's clock, and the client's clock and sleep (so waits cost no real time). */
export interface SharedTime {
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Starts a Zoom mock for one test file and signs its default user in (the account's owner, through an
 * admin-managed app: see {@link ADMIN_MANAGED_APP_SCOPES}), so tests call the API the
 * way users do: through `@org/zoom-api`'s typed client. Every request and answer is checked
 * against specs/zoom-api.yaml after each test (by {@link useZoomApiMock}). With `time`, the mock
 * and the client share a clock and the client's retry waits go through `time.sleep`.
 */
export function useTypedClient(time?: SharedTime): TypedClientMock {
  const mock = useZoomApiMock({ defaultAppScopes: ADMIN_MANAGED_APP_SCOPES, ...(time === undefined ? {} : { clock: time.clock }) });
  let client: ZoomClient | undefined;
  beforeAll(async () => {
    const tokens = await signIn(mock.zoom);
    client = markTypedClient(
      createZoomClient({ accessToken: tokens.accessToken(), ...(time === undefined ? {} : { testing: { clock: time.clock, sleep: time.sleep } }) }),
    );
  });
  return {
    ...mock,
    client: () => {
      if (client === undefined) throw new Error("the typed client is made in beforeAll: call client() inside a test");
      return client;
    },
  };
}
