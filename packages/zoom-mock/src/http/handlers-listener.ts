import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { getResponse, type RequestHandler } from "msw";

/** Options of {@link createHandlersListener}. */
export interface HandlersListenerOptions {
  /**
   * Answers requests no handler takes (after the health check). Default: 404 with a Zoom-style JSON error
   * naming the method and path.
   */
  unhandled?: (request: Request) => Response | Promise<Response>;
  /** Requests answered by the server itself, before the handlers: path -> answer (e.g. a health check). */
  routes?: Readonly<Record<string, (request: Request) => Response | Promise<Response>>>;
}

const BODYLESS_METHODS = new Set(["GET", "HEAD"]);

/** The request line and headers of an incoming message as a Fetch `Request`, its body read whole. */
async function toFetchRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const method = incoming.method ?? "GET";
  const headers = new Headers();
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] ?? "", incoming.rawHeaders[i + 1] ?? "");
  }
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (!BODYLESS_METHODS.has(method)) {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(new URL(incoming.url ?? "/", origin), { method, headers, ...(body && body.length > 0 ? { body } : {}) });
}

/**
 * Ends the connection the way a failing network does: a TCP reset where Node offers one (the client sees
 * `ECONNRESET`), otherwise a plain destroy. Nothing of the response has been written.
 */
function dropConnection(socket: Socket): void {
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

async function writeResponse(response: Response, method: string, outgoing: ServerResponse): Promise<void> {
  outgoing.statusCode = response.status;
  if (response.statusText) outgoing.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    // Headers joins repeated Set-Cookie values with commas; send each on its own line instead.
    if (name === "set-cookie") continue;
    outgoing.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader("set-cookie", cookies);
  if (response.body === null || method === "HEAD") {
    outgoing.end();
    return;
  }
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (outgoing.destroyed) {
      void reader.cancel().catch(() => {});
      return;
    }
    if (!outgoing.write(next.value)) {
      // Wait for the client to take more, or for it to go away (then "drain" never comes).
      await new Promise<void>((resolve) => {
        outgoing.once("drain", resolve);
        outgoing.once("close", resolve);
      });
    }
  }
  outgoing.end();
}

const notFound = (request: Request): Response => {
  const { pathname } = new URL(request.url);
  return Response.json({ code: 404, message: `No route for ${request.method} ${pathname}.` }, { status: 404 });
};

/**
 * A `node:http` request listener that answers with msw handlers, through msw's own `getResponse`: the
 * same matching and resolvers as `setupServer`, no interception and no framework. A handler's
 * `Response.error()` (the mock's `"network"` fault) becomes a dropped connection, since HTTP has no
 * status for it.
 */
export function createHandlersListener(handlers: readonly RequestHandler[], options: HandlersListenerOptions = {}): RequestListener {
  const unhandled = options.unhandled ?? notFound;
  const routes = options.routes ?? {};
  return (incoming, outgoing) => {
    const serve = async () => {
      const host = incoming.headers.host ?? `${incoming.socket.localAddress}:${incoming.socket.localPort}`;
      const origin = `http://${host}`;
      const request = await toFetchRequest(incoming, origin);
      const route = routes[new URL(request.url).pathname];
      const response = route
        ? await route(request)
        : ((await getResponse([...handlers], request, { baseUrl: origin })) ?? (await unhandled(request)));
      if (response.type === "error") {
        dropConnection(incoming.socket);
        return;
      }
      await writeResponse(response, request.method, outgoing);
    };
    serve().catch((error: unknown) => {
      // A handler that throws is a bug of the mock: answer 500 naming only the error's class (its message
      // could quote what the request carried, tokens included).
      if (outgoing.headersSent) {
        outgoing.destroy();
        return;
      }
      const kind = error instanceof Error ? error.name : typeof error;
      outgoing.statusCode = 500;
      outgoing.setHeader("content-type", "application/json");
      outgoing.end(JSON.stringify({ code: 500, message: `The Zoom mock failed (${kind}).` }));
    });
  };
}
