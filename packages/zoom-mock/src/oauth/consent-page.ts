import type { MockApp, MockUser } from "../state.js";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The authorization request fields the consent form carries back (and nothing else). */
export const AUTHORIZATION_PARAMETERS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "state",
  "code_challenge",
  "code_challenge_method",
  "scope",
] as const;

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f6fb;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:2rem;max-width:28rem}
h1{font-size:1.3rem;margin-top:0}.mock{color:#666;font-size:.85rem}
button{font-size:1rem;padding:.6rem 1.4rem;border-radius:8px;border:1px solid #0b5cff;margin-right:.5rem;cursor:pointer}
button[value=allow]{background:#0b5cff;color:#fff}button[value=deny]{background:#fff;color:#0b5cff}
.user{display:flex;gap:.75rem;align-items:center;margin:1rem 0}.user img{width:48px;height:48px;border-radius:50%}`;

/** A page of the mock authorization server, in its own style. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}<p class="mock">Mock Zoom authorization server (@org/zoom-mock). No real Zoom account is involved.</p></main></body>
</html>`;
}

/**
 * The consent page: who signs in, which app asks, and Allow / Deny buttons. The authorization request
 * travels in hidden fields and is checked again when the form comes back; nothing is trusted from it.
 */
export function renderConsentPage(input: { app: MockApp; users: readonly MockUser[]; selectedUserId: string | null; params: URLSearchParams }): string {
  const hidden = AUTHORIZATION_PARAMETERS.filter((name) => input.params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(input.params.get(name) ?? "")}">`)
    .join("\n");
  const selected = input.users.find((user) => user.id === input.selectedUserId) ?? input.users[0];
  const userPicker =
    input.users.length > 1
      ? `<label>Sign in as <select name="user_id">${input.users
          .map(
            (user) =>
              `<option value="${escapeHtml(user.id)}"${user.id === selected?.id ? " selected" : ""}>${escapeHtml(user.display_name)} (${escapeHtml(user.email)})</option>`,
          )
          .join("")}</select></label>`
      : selected
        ? `<input type="hidden" name="user_id" value="${escapeHtml(selected.id)}">`
        : "";
  const who = selected
    ? `<div class="user"><img src="${escapeHtml(selected.pic_url)}" alt=""><div><strong>${escapeHtml(selected.display_name)}</strong><br>${escapeHtml(selected.email)}</div></div>`
    : "";
  const scopes = input.app.scopes.length > 0 ? `<p>It asks for: ${input.app.scopes.map(escapeHtml).join(", ")}</p>` : "";
  return page(
    `Authorize ${input.app.name}`,
    `<h1>${escapeHtml(input.app.name)} wants to access your Zoom account</h1>
${who}${scopes}
<form method="post" action="/oauth/authorize">
${hidden}
${userPicker}
<p><button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button></p>
</form>`,
  );
}

/** A page for a request that must not be redirected (unknown app, unregistered redirect URI). */
export function renderErrorPage(message: string): string {
  return page("Authorization error", `<h1>This authorization request cannot be completed</h1><p>${escapeHtml(message)}</p>`);
}
