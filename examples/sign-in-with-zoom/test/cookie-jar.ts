/**
 * The smallest cookie jar the HTTP-level tests need: one host, paths ignored, `Max-Age=0` deletes.
 * Enough to play the browser's part in the sign-in flow without a browser.
 */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  /** Raw `Set-Cookie` lines seen, to check their attributes. */
  readonly setCookieLines: string[] = [];

  /** Stores the cookies a response sets. */
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const deleted = attributes.some((attribute) => attribute.toLowerCase() === "max-age=0");
      if (deleted) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
  }

  /** The `Cookie` request header for everything in the jar. */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Fetches without following redirects, sending and then storing cookies. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", this.header());
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    this.take(response);
    return response;
  }
}
