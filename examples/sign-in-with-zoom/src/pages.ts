/** The profile fields the signed-in page shows, taken from Zoom's `GET /users/me`. */
export interface Profile {
  displayName: string;
  email: string;
  /** The user's picture as a normalised `URL.href` (http(s), or a data: image from the mock), if there is one. */
  pictureUrl: string | null;
}

/** What an error page tells the person: a short title and one or two sentences of explanation. */
export interface Problem {
  title: string;
  detail: string;
}

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values. Every value that
 * did not come from this file (names, emails, URLs, error codes) goes through here.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// A URL's href has quotes, backslashes and control characters percent-encoded or removed, so it cannot
// close the CSS string; this is a second line of defence for anything that is not such an href.
function cssUrl(url: string): string {
  return url.replace(/["\\\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/** The page for a visitor without a session. `modeNote` says which Zoom the app is talking to. */
export function signedOutPage(modeNote: string): string {
  return layout(
    "Sign in with Zoom",
    `<h1>Sign in with Zoom</h1>
    <p>This demo signs you in with Zoom's OAuth (authorization code + PKCE) and shows your Zoom profile.</p>
    <a class="button" href="/login">Sign in with Zoom</a>
    <p class="note">${escapeHtml(modeNote)}</p>`,
  );
}

/** The page for a signed-in user: their Zoom profile and a sign-out button. */
export function signedInPage(profile: Profile, modeNote: string): string {
  const initials =
    profile.displayName
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase() ?? "")
      .join("") || "?";
  // The picture is a background layer over the initials: if it cannot load (offline, no picture), the
  // initials show, with no broken-image icon (which an <img> would draw, and CSP forbids an onerror fix).
  const picture = profile.pictureUrl
    ? `<span class="picture" style="background-image: url(&#34;${escapeHtml(cssUrl(profile.pictureUrl))}&#34;)"></span>`
    : "";
  return layout(
    `${profile.displayName} · Sign in with Zoom`,
    `<p class="eyebrow">Signed in with Zoom</p>
    <div class="profile">
      <div class="avatar" aria-hidden="true"><span>${escapeHtml(initials)}</span>${picture}</div>
      <div>
        <h1 id="display-name">${escapeHtml(profile.displayName)}</h1>
        <p id="email">${escapeHtml(profile.email)}</p>
      </div>
    </div>
    <p><a class="button" href="/meetings">Your meetings</a></p>
    <form method="post" action="/logout"><button type="submit">Sign out</button></form>
    <p class="note">${escapeHtml(modeNote)}</p>`,
  );
}

/** A page that says what went wrong and how to get back; never a stack trace or a token. */
export function errorPage(problem: Problem): string {
  return layout(
    problem.title,
    `<p class="eyebrow error">Sign-in problem</p>
    <h1>${escapeHtml(problem.title)}</h1>
    <p>${escapeHtml(problem.detail)}</p>
    <a class="button" href="/">Back to the start</a>`,
  );
}

/** The page frame every page shares: title, style, and `body` inside `<main>`. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>${STYLE}</style>
</head>
<body>
  <main>
    ${body}
  </main>
</body>
</html>
`;
}

const STYLE = `
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f3f5f9;
    font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2433; }
  main { background: #fff; border-radius: 16px; box-shadow: 0 4px 24px rgba(20, 30, 60, .08);
    padding: 40px 48px; max-width: 520px; width: calc(100% - 32px); box-sizing: border-box; }
  h1 { margin: 0 0 8px; font-size: 28px; line-height: 1.2; }
  p { margin: 0 0 16px; }
  .eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 600; color: #0b5cff; }
  .eyebrow.error { color: #c62828; }
  .note { margin: 24px 0 0; font-size: 13px; color: #69718a; }
  .button, button { display: inline-block; border: 0; border-radius: 8px; padding: 10px 20px; cursor: pointer;
    background: #0b5cff; color: #fff; font: inherit; font-weight: 600; text-decoration: none; }
  .button:hover, button:hover { background: #0947c7; }
  .profile { display: flex; gap: 20px; align-items: center; margin: 8px 0 28px; }
  .profile p { margin: 0; color: #4a5270; }
  .avatar { position: relative; flex: none; width: 72px; height: 72px; border-radius: 50%; overflow: hidden;
    background: #dbe6ff; color: #0b5cff; display: grid; place-items: center; font-size: 26px; font-weight: 700; }
  .avatar .picture { position: absolute; inset: 0; background: center / cover no-repeat; }
`;
