import fc from "fast-check";
import type { Ending, Framing, RawAnswer, RawRequest } from "./raw-server.js";

/**
 * Hostile answers as data, turned into bytes for each request (an echo quotes the request it answers).
 * Weights keep faults that can only end at the deadline (silence, trickle, a 1xx with nothing after)
 * to a few percent of runs, so that a thousand runs take seconds, not minutes.
 */

/** Where the answer's values come from when they quote the request or point elsewhere. */
export interface AnswerContext {
  /** The origin of a second server, which must never receive anything. */
  readonly elsewhere: string;
}

type BodySpec =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "bytes"; readonly bytes: Uint8Array }
  | { readonly kind: "echo-json"; readonly template: string }
  | { readonly kind: "echo-text" };

type HeaderValue = { readonly kind: "fixed"; readonly value: string } | { readonly kind: "echo-authorization" } | { readonly kind: "echo-body" } | { readonly kind: "elsewhere" };

/** One answer as generated. */
export interface AnswerSpec {
  readonly status: number;
  readonly headers: readonly (readonly [string, HeaderValue])[];
  readonly body: BodySpec;
  readonly framing: Framing;
  readonly ending: Ending;
}

const fixed = (value: string): HeaderValue => ({ kind: "fixed", value });

const status = fc.oneof(
  { arbitrary: fc.constant(200), weight: 6 },
  { arbitrary: fc.constantFrom(201, 204, 400, 401, 403, 404, 429, 500, 502, 503), weight: 6 },
  { arbitrary: fc.constantFrom(301, 302, 303, 307, 308), weight: 2 },
  { arbitrary: fc.integer({ min: 100, max: 599 }), weight: 1 },
);

const framing: fc.Arbitrary<Framing> = fc.oneof(
  { arbitrary: fc.constant<Framing>("length"), weight: 8 },
  { arbitrary: fc.constant<Framing>("chunked"), weight: 4 },
  { arbitrary: fc.constant<Framing>("close"), weight: 2 },
  { arbitrary: fc.constant<Framing>("short-length"), weight: 1 },
);

const ending: fc.Arbitrary<Ending> = fc.oneof(
  { arbitrary: fc.constant<Ending>("end"), weight: 60 },
  { arbitrary: fc.constant<Ending>("reset"), weight: 3 },
  { arbitrary: fc.constant<Ending>("hang"), weight: 1 },
  { arbitrary: fc.constant<Ending>("trickle"), weight: 1 },
);

/** A header present in about one answer in `1 + absentWeight`. */
const optionalHeader = (name: string, values: fc.Arbitrary<HeaderValue>, absentWeight = 4) =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: absentWeight },
    { arbitrary: values.map((value) => [name, value] as const), weight: 1 },
  );

const headers = fc
  .tuple(
    optionalHeader(
      "Content-Type",
      fc.oneof(
        fc.constantFrom("application/json", "application/json;charset=UTF-8", "text/html", "text/plain").map(fixed),
        fc.constant<HeaderValue>({ kind: "echo-body" }),
      ),
    ),
    // A false encoding often stalls undici's body read until the deadline: rarer, to keep runs short.
    optionalHeader("Content-Encoding", fc.constantFrom("gzip", "br", "deflate", "identity").map(fixed), 10),
    optionalHeader(
      "Retry-After",
      fc.constantFrom("0", "1", "100000000000000000", `1${"0".repeat(400)}`, "Wed, 21 Oct 2015 07:28:00 GMT", "2999-01-01T00:00:00Z", "soon", "-5").map(fixed),
    ),
    optionalHeader("X-RateLimit-Type", fc.constantFrom("Daily-limit", "QPS").map(fixed)),
    optionalHeader("X-RateLimit-Reset", fc.constantFrom("12345678901234567890", "0", "1", "99999999999").map(fixed)),
    optionalHeader(
      "Location",
      fc.oneof(
        fc.constant<HeaderValue>({ kind: "elsewhere" }),
        fc.constantFrom("/v2/users/me", "/oauth/token", "http://[::1", "").map(fixed),
      ),
    ),
    optionalHeader("x-zm-trackingid", fc.constant<HeaderValue>({ kind: "echo-authorization" })),
    optionalHeader("WWW-Authenticate", fc.constant<HeaderValue>({ kind: "echo-authorization" })),
  )
  .map((entries) => entries.filter((entry) => entry !== null));

const expiresIn = fc.constantFrom("3599", "1", "0", "-1", "1e400", "1e300", "1.5", '"3600"', "null", "31536000", "31536001");
const refreshField = fc.constantFrom(',"refresh_token":"refresh-from-server"', ',"refresh_token":""', ',"refresh_token":42', "", ',"refresh_token":null');
const extraField = fc.constantFrom("", ',"scope":""', ',"scope":"user:read"', ',"api_url":"https://api.zoom.us"', ',"token_type":7');

/** A token response, well-formed or subtly not. */
const tokenJson = fc
  .tuple(expiresIn, refreshField, extraField, fc.constantFrom('"access-from-server"', '""', "5", "null"))
  .map(([expires, refresh, extra, access]) => `{"access_token":${access},"token_type":"bearer","expires_in":${expires}${refresh}${extra}}`);

const nested = fc
  .tuple(fc.integer({ min: 1, max: 4000 }), fc.boolean())
  .map(([depth, objects]) => (objects ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` : `${"[".repeat(depth)}1${"]".repeat(depth)}`));

const bodyText = fc.oneof(
  { arbitrary: tokenJson, weight: 6 },
  { arbitrary: fc.constantFrom("invalid_grant", "invalid_client", "invalid_request", "server_error").map((code) => `{"error":"${code}","reason":"Invalid Token!"}`), weight: 3 },
  { arbitrary: fc.constantFrom('{"code":124,"message":"Invalid access token."}', '{"code":1001,"message":"User does not exist.","errors":[{"field":"x","message":"y"}]}', '{"code":429,"message":"Too many requests."}'), weight: 2 },
  { arbitrary: fc.constantFrom('{"id":"abc","users":[],"next_page_token":""}', '{"users":[],"next_page_token":"again"}', '{"status":"success"}', "[]", "null", "{}"), weight: 3 },
  { arbitrary: nested, weight: 1 },
  { arbitrary: fc.constantFrom("", "<html><body>Bad gateway</body></html>", '{"access_token":"trunc', "\uFEFF{}", "not json"), weight: 2 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
);

const body: fc.Arbitrary<BodySpec> = fc.oneof(
  { arbitrary: bodyText.map((text): BodySpec => ({ kind: "text", text })), weight: 12 },
  { arbitrary: fc.uint8Array({ maxLength: 48 }).map((bytes): BodySpec => ({ kind: "bytes", bytes })), weight: 1 },
  {
    arbitrary: fc
      .constantFrom('{"error":"invalid_request","error_description":%ECHO%}', '{"code":124,"message":%ECHO%}', '{"message":%ECHO%}', '{"access_token":"x","note":%ECHO%}')
      .map((template): BodySpec => ({ kind: "echo-json", template })),
    weight: 3,
  },
  { arbitrary: fc.constant<BodySpec>({ kind: "echo-text" }), weight: 2 },
);

/** Any answer a server could give. */
export const anyAnswer: fc.Arbitrary<AnswerSpec> = fc.record({ status, headers, body, framing, ending });

const encoder = new TextEncoder();

/** Turns an answer into bytes for one request. */
export function materialize(spec: AnswerSpec, request: RawRequest, context: AnswerContext): RawAnswer {
  const headerValue = (value: HeaderValue): string => {
    switch (value.kind) {
      case "fixed":
        return value.value;
      case "echo-authorization":
        return request.headers.authorization ?? "none";
      case "echo-body":
        return `text/plain; echo=${request.body.replace(/[\r\n]/g, "")}`;
      case "elsewhere":
        return `${context.elsewhere}/steal`;
    }
  };
  let bytes: Uint8Array;
  switch (spec.body.kind) {
    case "text":
      bytes = encoder.encode(spec.body.text);
      break;
    case "bytes":
      bytes = spec.body.bytes;
      break;
    case "echo-json":
      bytes = encoder.encode(spec.body.template.replace("%ECHO%", JSON.stringify(request.raw)));
      break;
    case "echo-text":
      bytes = encoder.encode(`<pre>${request.raw}</pre>`);
      break;
  }
  return {
    status: spec.status,
    headers: spec.headers.map(([name, value]) => [name, headerValue(value)] as const),
    body: bytes,
    framing: spec.framing,
    ending: spec.ending,
  };
}

/** A plain JSON answer, properly framed. */
export function jsonAnswer(status: number, value: unknown): RawAnswer {
  return {
    status,
    headers: [["Content-Type", "application/json"]],
    body: encoder.encode(JSON.stringify(value)),
    framing: "length",
    ending: "end",
  };
}
