import { createServer, type Server, type Socket } from "node:net";

/** One request as the raw server read it: the exact bytes of head and body, as text. */
export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Head and body exactly as received: what an echoing server sends back. */
  readonly raw: string;
}

/** How the body is delimited on the wire. */
export type Framing = "length" | "chunked" | "close" | "short-length";

/** What happens after the body is written. */
export type Ending = "end" | "hang" | "reset" | "trickle";

/** One answer, byte for byte: any status from 100 to 599, any headers, any framing. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array;
  readonly framing: Framing;
  readonly ending: Ending;
}

/** Decides the answer to a request. */
export type Responder = (request: RawRequest) => RawAnswer;

/**
 * An HTTP/1.1 server on raw sockets (node:net), so that an answer can break every rule fetch relies
 * on: informational statuses with nothing after them, a `Content-Length` longer than the body, a
 * false `Content-Encoding`, a reset in the middle of the body, a body trickled for ever.
 */
export interface RawServer {
  readonly origin: string;
  /** Every request received since the last {@link RawServer.clearRequests}. */
  readonly requests: RawRequest[];
  /** How requests are answered from now on. */
  respond: Responder;
  clearRequests(): void;
  /**
   * Destroys every connection whose answer has not ended (hung, trickling, half-sent). Idle
   * keep-alive connections are left alone: fetch may be about to reuse them, and a connection closed
   * under it is a network error of the harness, not of the code under test.
   */
  dropConnections(): void;
  close(): Promise<void>;
}

const encoder = new TextEncoder();

export async function startRawServer(respond: Responder): Promise<RawServer> {
  const sockets = new Set<Socket>();
  const busySockets = new Set<Socket>();
  const state: RawServer = {
    origin: "",
    requests: [],
    respond,
    clearRequests() {
      state.requests.length = 0;
    },
    dropConnections() {
      for (const socket of busySockets) socket.destroy();
      busySockets.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    // An answer goes out in several writes: without this, Nagle's algorithm and the client's delayed
    // ACK hold each one back by tens of milliseconds.
    socket.setNoDelay(true);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffer = Buffer.alloc(0);
    const next = (): void => {
      if (busySockets.has(socket) || socket.destroyed) return;
      const parsed = parseRequest(buffer);
      if (parsed === null) return;
      buffer = buffer.subarray(parsed.length);
      busySockets.add(socket);
      state.requests.push(parsed.request);
      let answer: RawAnswer;
      try {
        answer = state.respond(parsed.request);
      } catch {
        socket.destroy();
        return;
      }
      writeAnswer(socket, answer, () => {
        busySockets.delete(socket);
        next();
      });
    };
    socket.on("close", () => busySockets.delete(socket));
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      next();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  (state as { origin: string }).origin = `http://127.0.0.1:${address.port}`;
  return state;
}

function parseRequest(buffer: Buffer): { request: RawRequest; length: number } | null {
  const headEnd = buffer.indexOf("\r\n\r\n");
  if (headEnd === -1) return null;
  const head = buffer.subarray(0, headEnd).toString("latin1");
  const [requestLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const bodyStart = headEnd + 4;
  let bodyLength = Number(headers["content-length"] ?? "0");
  let body: Buffer;
  if (headers["transfer-encoding"]?.includes("chunked")) {
    const decoded = decodeChunked(buffer.subarray(bodyStart));
    if (decoded === null) return null;
    body = decoded.body;
    bodyLength = decoded.length;
  } else {
    if (buffer.length < bodyStart + bodyLength) return null;
    body = buffer.subarray(bodyStart, bodyStart + bodyLength);
  }
  const [method = "", path = ""] = requestLine.split(" ");
  return {
    request: {
      method,
      path,
      headers,
      body: body.toString("utf8"),
      raw: buffer.subarray(0, bodyStart + bodyLength).toString("utf8"),
    },
    length: bodyStart + bodyLength,
  };
}

function decodeChunked(data: Buffer): { body: Buffer; length: number } | null {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", offset);
    if (lineEnd === -1) return null;
    const size = Number.parseInt(data.subarray(offset, lineEnd).toString("latin1"), 16);
    const start = lineEnd + 2;
    if (size === 0) {
      if (data.length < start + 2) return null;
      return { body: Buffer.concat(parts), length: start + 2 };
    }
    if (data.length < start + size + 2) return null;
    parts.push(data.subarray(start, start + size));
    offset = start + size + 2;
  }
}

function writeAnswer(socket: Socket, answer: RawAnswer, done: () => void): void {
  const lines = [`HTTP/1.1 ${answer.status} Whatever`];
  for (const [name, value] of answer.headers) lines.push(`${name}: ${value}`);
  const { body } = answer;
  if (answer.framing === "length") lines.push(`Content-Length: ${body.length}`);
  if (answer.framing === "short-length") lines.push(`Content-Length: ${body.length + 10}`);
  if (answer.framing === "chunked") lines.push("Transfer-Encoding: chunked");
  if (answer.framing === "close") lines.push("Connection: close");
  socket.write(encoder.encode(`${lines.join("\r\n")}\r\n\r\n`));
  if (answer.framing === "chunked" && body.length > 0) {
    socket.write(`${body.length.toString(16)}\r\n`);
    socket.write(body);
    socket.write("\r\n");
  } else if (body.length > 0) {
    socket.write(body);
  }
  switch (answer.ending) {
    case "end":
      if (answer.framing === "chunked") socket.write("0\r\n\r\n");
      if (answer.framing === "close" || answer.framing === "short-length") socket.end();
      done();
      return;
    case "hang":
      return;
    case "reset":
      socket.resetAndDestroy();
      return;
    case "trickle": {
      const timer = setInterval(() => {
        if (socket.destroyed) clearInterval(timer);
        else socket.write(answer.framing === "chunked" ? "1\r\n \r\n" : " ");
      }, 5);
      socket.on("close", () => clearInterval(timer));
      return;
    }
  }
}
