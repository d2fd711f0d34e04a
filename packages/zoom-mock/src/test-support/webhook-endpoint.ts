import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A delivery as the endpoint received it. */
export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  event: string;
}

/**
 * A real webhook endpoint on a loopback port: answers Zoom's `endpoint.url_validation` with `secretToken`,
 * records every other delivery, tells `onDelivery`, and answers it with `status()`.
 */
export async function startWebhookEndpoint(
  secretToken: string,
  options: { status?: () => number; onDelivery?: (delivery: ReceivedDelivery) => void } = {},
): Promise<{ url: string; received: ReceivedDelivery[]; server: Server; close: () => Promise<void> }> {
  const received: ReceivedDelivery[] = [];
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const event = JSON.parse(body) as { event: string; payload: { plainToken?: string } };
    if (event.event === "endpoint.url_validation") {
      const plainToken = String(event.payload.plainToken);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ plainToken, encryptedToken: createHmac("sha256", secretToken).update(plainToken).digest("hex") }));
      return;
    }
    const delivery = { headers: request.headers, body, event: event.event };
    received.push(delivery);
    options.onDelivery?.(delivery);
    response.statusCode = options.status?.() ?? 204;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zoom/events`;
  return { url, received, server, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
