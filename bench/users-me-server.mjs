// A loopback HTTP server answering GET /v2/users/me like Zoom would (JSON user, x-zm-trackingid).
// Run as a child process by client-overhead.mjs so the server does not share the client's event loop.
import { createServer } from "node:http";

const user = JSON.stringify({
  id: "KDcuGIm1QgePTO8WbOqwIQ",
  first_name: "Ada",
  last_name: "Lovelace",
  display_name: "Ada Lovelace",
  email: "ada@example.com",
  type: 1,
  role_name: "Owner",
  pmi: 3542471135,
  use_pmi: false,
  personal_meeting_url: "https://zoom.us/j/3542471135",
  timezone: "Europe/London",
  verified: 1,
  dept: "",
  created_at: "2026-01-01T00:00:00Z",
  last_login_time: "2026-11-28T09:00:00Z",
  pic_url: "https://example.com/ada.png",
  language: "en-US",
  phone_number: "",
  status: "active",
  role_id: "0",
  account_id: "q6gBJVO5TzexKYTb_I2rpg",
  account_number: 10009239,
  cluster: "us06",
  user_created_at: "2026-01-01T00:00:00Z",
});

const server = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/v2/users/me") {
    response.writeHead(200, {
      "content-type": "application/json;charset=UTF-8",
      "content-length": Buffer.byteLength(user),
      "x-zm-trackingid": "v=2.0;clid=us06;rid=bench",
    });
    response.end(user);
    return;
  }
  response.writeHead(404, { "content-type": "application/json" });
  response.end(JSON.stringify({ code: 404, message: "Not found" }));
});
server.keepAliveTimeout = 60_000;

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
