import type { WebhookHandler } from "./webhook-handler.js";

/** The parts of Node's `IncomingMessage` the adapter uses (an async iterable of body chunks). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Set by body-parsing middleware. A raw body (`express.raw()`) is used; a parsed one is refused. */
  body?: unknown;
}

/** The parts of Node's `ServerResponse` the adapter uses. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | readonly string[]): unknown;
  end(body?: Uint8Array): unknown;
}

/** A Node `(req, res)` request listener, also usable as Express or Connect middleware. */
export type NodeWebhookHandler = (request: NodeRequestLike, response: NodeResponseLike) => Promise<void>;

async function readBody(request: NodeRequestLike): Promise<Uint8Array<ArrayBuffer>> {
  if (request.body instanceof Uint8Array) return new Uint8Array(request.body);
  if (typeof request.body === "string") return new TextEncoder().encode(request.body);
  if (request.body !== undefined && request.body !== null) {
    throw new TypeError(
      "toNodeHandler: the request body was already parsed (e.g. by express.json()); signatures are checked over the raw body, so mount the webhook route before body parsers or use express.raw({ type: 'application/json' })",
    );
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of request) chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  const body = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/**
 * Serves a {@link WebhookHandler} to Node's `http` server (or Express, Connect, Fastify's raw hooks):
 * the request is read as raw bytes, handed over as a web `Request`, and the `Response` written back.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * createServer(toNodeHandler(createWebhookHandler({ secretToken, on }))).listen(3000);
 * // Express: app.post("/zoom/events", toNodeHandler(handler)) before app.use(express.json())
 * ```
 */
export function toNodeHandler(handler: WebhookHandler): NodeWebhookHandler {
  return async (request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.append(name, value);
      else if (value !== undefined) for (const item of value) headers.append(name, item);
    }
    const method = request.method ?? "GET";
    const body = method === "GET" || method === "HEAD" ? undefined : await readBody(request);
    const url = new URL(request.url ?? "/", `http://${headers.get("host") ?? "localhost"}`);
    const answer = await handler(new Request(url, { method, headers, ...(body === undefined ? {} : { body }) }));
    response.statusCode = answer.status;
    answer.headers.forEach((value, name) => {
      response.setHeader(name, value);
    });
    response.end(new Uint8Array(await answer.arrayBuffer()));
  };
}
