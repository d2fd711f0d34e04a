/** A request as the fake fetch saw it, with the body already read. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  redirect: RequestRedirect;
  signal: AbortSignal;
}

/** A fetch stand-in that records each request and answers with `respond`. */
export interface FakeFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

/**
 * Creates a fake fetch for tests: no network, no MSW, full view of what was sent.
 *
 * @param respond - Builds the answer (or throws/rejects, like a failing network).
 */
export function createFakeFetch(
  respond: (request: RecordedRequest) => Response | Promise<Response>,
): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
      redirect: request.redirect,
      // The caller's own signal: the copy a Request makes follows it only weakly on Node 20.
      signal: init?.signal ?? request.signal,
    };
    requests.push(recorded);
    return respond(recorded);
  };
  return { fetch: fakeFetch as typeof fetch, requests };
}

/**
 * A JSON response.
 *
 * @param body - Serialised with `JSON.stringify`.
 * @param status - The HTTP status (default 200).
 */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json;charset=UTF-8" },
  });
}

/**
 * A response with a text body.
 *
 * @param body - The body.
 * @param status - The HTTP status.
 * @param contentType - The `Content-Type` header.
 */
export function textResponse(body: string, status: number, contentType = "text/html"): Response {
  return new Response(body, { status, headers: { "Content-Type": contentType } });
}

/**
 * A fake fetch that never answers and rejects with the signal's reason once it fires, as
 * a real fetch does.
 *
 * @param onRequest - Told of each request once it is out, so a test can act then without waiting.
 */
export function hangingFetch(onRequest: (request: RecordedRequest) => void = () => {}): FakeFetch {
  return createFakeFetch(
    (request) =>
      new Promise<Response>((_resolve, reject) => {
        onRequest(request);
        if (request.signal.aborted) reject(request.signal.reason);
        request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
      }),
  );
}
