// The reference: @y/websocket-server 0.1.1 (the last release on Yjs 13), no persistence,
// no authentication, wrapped in the tiny http + ws server its own bin uses.
// Child process: PORT; exits when the harness's pipe closes.
import http from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { exitWithParent } from "../lib/children.mjs";

delete process.env.YPERSISTENCE;
exitWithParent();
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("okay");
});
wss.on("connection", setupWSConnection);
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
