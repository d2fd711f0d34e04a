import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A real HTTP server on a free loopback port, answering however a test likes (any header, any framing). */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Requests received so far, with their bodies. */
  readonly requests: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[];
  /** Stops the server and destroys every open connection (hung answers included). */
  close(): Promise<void>;
}

/**
 * Starts a loopback server. The handler gets the request (body already read) and the raw response,
 * and may leave it unanswered, trickle it or destroy the socket.
 */
export async function startLoopbackServer(
  handle: (request: IncomingMessage, response: ServerResponse, body: string) => void,
): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const requests: LoopbackServer["requests"] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      handle(request, response, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes one byte every `everyMs` for as long as the connection lasts. */
export function trickle(response: ServerResponse, everyMs = 10): void {
  const timer = setInterval(() => {
    if (response.destroyed) clearInterval(timer);
    else response.write("{");
  }, everyMs);
  response.on("close", () => clearInterval(timer));
}
