import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningDemo, startDemo } from "../src/start-demo.js";
import { chromiumExecutable } from "./chromium.js";

// A person's journey through the demo in a real Chromium (see chromium.ts for which one), against the
// embedded mock Zoom served over real HTTP on loopback.

// Without the background-networking flags Chromium keeps trying to reach Google, which this
// machine's closed network refuses; the rest keep a CI start quick and quiet.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Git-ignored (`.artifacts/` in the root .gitignore): screenshots for a person to look at. */
const ARTIFACTS = fileURLToPath(new URL("../.artifacts/", import.meta.url));

let browser: Browser;
let context: BrowserContext;
let page: Page;
let demo: RunningDemo;
let mock: NonNullable<RunningDemo["mock"]>;
let logLines: string[];

// The first run unpacks the bundled Chromium (about 200 MB) before launching it: seconds on an idle
// machine, much longer on two busy cores, so this hook's budget is far above its need.
const BROWSER_START_BUDGET_MS = 300_000;

beforeAll(async () => {
  // playwright gives every launch a fresh, empty user-data-dir of its own, removed on close.
  browser = await chromium.launch({ executablePath: await chromiumExecutable(), headless: true, args: CHROMIUM_ARGS });
  await mkdir(ARTIFACTS, { recursive: true });
}, BROWSER_START_BUDGET_MS);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  logLines = [];
  demo = await startDemo({ env: { PORT: "0" }, log: (line) => logLines.push(line) });
  if (demo.mock === null) throw new Error("expected the demo to start in mock mode");
  mock = demo.mock;
  context = await browser.newContext({ viewport: { width: 900, height: 640 } });
  // Everything this journey needs is on loopback (the mock user's picture is a data: image); any other
  // request is refused here, so the test never leaves the machine, whatever a page asks for.
  await context.route((url) => !LOOPBACK_HOSTS.has(url.hostname), (route) => route.abort("addressunreachable"));
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
  await demo?.close();
  // Every request the app and the browser made to the mock Zoom followed the project's specs.
  mock?.zoom.assertNoViolations();
});

/** Opens the app and clicks "Sign in with Zoom": the browser ends on the mock's consent page. */
// page.goto and waitForURL wait for the page's load event, so what follows them reads a finished page.
async function startSignIn(): Promise<void> {
  await page.goto(demo.url);
  expect(await page.locator("h1").textContent()).toBe("Sign in with Zoom");
  await page.getByRole("link", { name: "Sign in with Zoom" }).click();
  await page.waitForURL((url) => url.href.startsWith(`${mock.url}/oauth/authorize`));
}

function issuedAccessTokens(): string[] {
  return [...mock.zoom.state.accessTokens.values()].map((record) => record.token);
}

async function pageShowsNoSecret(): Promise<void> {
  const html = await page.content();
  expect(html).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  for (const token of issuedAccessTokens()) expect(html).not.toContain(token);
}

describe("Sign in with Zoom in a real browser", () => {
  it("signs in, shows the mock user's Zoom profile, signs out, and the revoked token is refused", async () => {
    await startSignIn();
    await page.getByRole("button", { name: /^allow$/i }).click();
    await page.waitForURL(demo.url);

    const user = mock.zoom.defaultUser;
    expect(await page.locator("#display-name").textContent()).toBe(user.display_name);
    expect(await page.locator("#email").textContent()).toBe(user.email);
    expect(await page.locator(".avatar .picture").getAttribute("style")).toContain(user.pic_url);
    await page.screenshot({ path: `${ARTIFACTS}signed-in.png` });

    const [accessToken, ...others] = issuedAccessTokens();
    expect(others).toEqual([]);
    if (accessToken === undefined) throw new Error("the mock issued no access token");
    await pageShowsNoSecret();
    // The browser holds only an opaque session id, HttpOnly, never a token.
    const cookies = await context.cookies(demo.url);
    expect(cookies.map((cookie) => cookie.name)).toEqual(["zoom_demo_session"]);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(cookies[0]?.value).not.toBe(accessToken);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(demo.url);
    expect(await page.locator("h1").textContent()).toBe("Sign in with Zoom");
    expect(await context.cookies(demo.url)).toEqual([]);

    expect(mock.zoom.state.verifyAccessToken(accessToken)).toEqual({ ok: false, reason: "revoked" });
    const direct = await fetch(`${mock.url}/v2/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(direct.status).toBe(401);
    expect(logLines.join("\n")).not.toContain(accessToken);
  });

  it("schedules a meeting, shows Zoom's events live when the mock starts it, and deletes it", async () => {
    await startSignIn();
    await page.getByRole("button", { name: /^allow$/i }).click();
    await page.waitForURL(demo.url);
    await page.getByRole("link", { name: "Your meetings" }).click();
    await page.waitForURL(new URL("/meetings", demo.url).href);

    // A day from now, as the page's datetime-local field takes it (read as UTC).
    const startsAt = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString().slice(0, 16);
    await page.getByLabel("Topic").fill("Design review");
    await page.getByLabel("Starts (UTC)").fill(startsAt);
    await page.getByLabel("Minutes").fill("45");
    await page.getByRole("button", { name: "Schedule" }).click();
    // Conditions, not time: each wait ends when the page shows what it waits for (the timeouts only bound a hang).
    const row = page.locator("#meetings li", { hasText: "Design review" });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain(`${startsAt}:00Z`);
    await page.locator('#events li[data-event="meeting.created"]').waitFor({ timeout: 60_000 });

    // The page stays open: the events of the start arrive over its event stream, or with the next render.
    await page.getByRole("button", { name: "Start Design review" }).click();
    const started = page.locator('#events li[data-event="meeting.started"]');
    await started.waitFor({ timeout: 60_000 });
    expect(await started.textContent()).toContain('"Design review" started');
    const joined = page.locator('#events li[data-event="meeting.participant_joined"]');
    await joined.waitFor({ timeout: 60_000 });
    expect(await joined.textContent()).toContain(`${mock.zoom.defaultUser.display_name} joined "Design review"`);
    await page.screenshot({ path: `${ARTIFACTS}meeting-started.png` });

    await page.getByRole("button", { name: "Delete Design review" }).click();
    await row.waitFor({ state: "detached", timeout: 60_000 });
    await page.locator('#events li[data-event="meeting.deleted"]').waitFor({ timeout: 60_000 });
    await pageShowsNoSecret();
    // Every event reached the app's webhook route and was acknowledged.
    expect(mock.zoom.webhooks.deliveries.map((delivery) => delivery.state)).toEqual(mock.zoom.webhooks.deliveries.map(() => "delivered"));
    // Several page loads and event round trips: a budget far above their need on a busy machine.
  }, 240_000);

  it("lands on the error page with a way back when the user denies consent", async () => {
    await startSignIn();
    await page.getByRole("button", { name: /^deny$/i }).click();
    await page.waitForURL((url) => url.pathname === "/login/zoom/callback");

    expect(await page.locator("h1").textContent()).toBe("You did not allow access");
    expect(issuedAccessTokens()).toEqual([]);
    expect(await context.cookies(demo.url)).toEqual([]);
    await page.getByRole("link", { name: "Back to the start" }).click();
    await page.waitForURL(demo.url);
    expect(await page.locator("h1").textContent()).toBe("Sign in with Zoom");
  });

  it("shows the error page when Zoom's token endpoint drops the connection mid-flow", async () => {
    await startSignIn();
    // Between "Sign in" and "Allow", the token endpoint goes down.
    mock.zoom.faults.inject({ route: "token", kind: "network" });
    await page.getByRole("button", { name: /^allow$/i }).click();
    await page.waitForURL((url) => url.pathname === "/login/zoom/callback");

    expect(await page.locator("h1").textContent()).toBe("Zoom could not be reached");
    await pageShowsNoSecret();
    expect(await page.getByRole("link", { name: "Back to the start" }).getAttribute("href")).toBe("/");
    expect(await context.cookies(demo.url)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}token-endpoint-down.png` });
  });

  it("shows the error page when Zoom's token endpoint answers 503", async () => {
    await startSignIn();
    mock.zoom.faults.inject({ route: "token", kind: "status", status: 503 });
    await page.getByRole("button", { name: /^allow$/i }).click();
    await page.waitForURL((url) => url.pathname === "/login/zoom/callback");

    expect(await page.locator("h1").textContent()).toBe("Zoom had a problem");
    expect(await page.locator("main").textContent()).toContain("HTTP 503");
    await pageShowsNoSecret();
  });
});
