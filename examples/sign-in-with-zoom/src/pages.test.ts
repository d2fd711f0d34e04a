import { describe, expect, it } from "vitest";
import { errorPage, escapeHtml, signedInPage, signedOutPage } from "./pages.js";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;",
    );
  });
});

describe("pages", () => {
  it("offers sign-in when signed out", () => {
    const html = signedOutPage("Mock mode.");
    expect(html).toContain('<a class="button" href="/login">Sign in with Zoom</a>');
    expect(html).toContain("Mock mode.");
  });

  it("shows the profile escaped, with a sign-out form posting to /logout", () => {
    const html = signedInPage(
      {
        displayName: "<script>alert(1)</script> Ada",
        email: "ada@example.com",
        pictureUrl: 'https://example.com/p.png?a=1&b="2"',
      },
      "note",
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62; Ada");
    expect(html).toContain(
      'style="background-image: url(&#34;https://example.com/p.png?a=1&#38;b=\\22 2\\22 &#34;)"',
    );
    expect(html).toContain('<form method="post" action="/logout"><button type="submit">Sign out</button></form>');
  });

  it("falls back to initials when there is no picture", () => {
    const html = signedInPage({ displayName: "Ada Lovelace", email: "a@b.c", pictureUrl: null }, "note");
    expect(html).toContain("<span>AL</span>");
    expect(html).not.toContain("background-image");
  });

  it("renders an error page with a way back", () => {
    const html = errorPage({ title: "Bad <thing>", detail: "It broke & here is why." });
    expect(html).toContain("<h1>Bad &#60;thing&#62;</h1>");
    expect(html).toContain("It broke &#38; here is why.");
    expect(html).toContain('<a class="button" href="/">Back to the start</a>');
  });
});
