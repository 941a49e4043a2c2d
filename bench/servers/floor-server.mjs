// The floor: a bare `ws` broadcast server that does no Yjs work. It relays each update
// frame, byte for byte, to every socket of the room (the sender too, as the reference
// does), keeps the frames (up to 64 MB a room) and replays them to a socket that asks
// with sync step 1, followed by an empty sync step 2 so the client counts as synced.
// Child process: PORT; exits when the harness's pipe closes.
import http from "node:http";
import { WebSocketServer } from "ws";
import { exitWithParent } from "../lib/children.mjs";

exitWithParent();
const KEEP_BYTES = 64 * 1024 * 1024;
const EMPTY_STEP2 = Buffer.from([0, 1, 2, 0, 0]); // sync, step 2, an empty update
const rooms = new Map();
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => response.end("okay"));
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const name = (request.url ?? "/").slice(1).split("?")[0];
    let room = rooms.get(name);
    if (!room) {
      room = { sockets: new Set(), frames: [], bytes: 0 };
      rooms.set(name, room);
    }
    room.sockets.add(ws);
    ws.on("message", (data) => {
      // data[0]: message type (0 sync, 1 awareness); data[1]: sync type (0 step 1, 2 update).
      if (data[0] === 0 && data[1] === 0) {
        for (const frame of room.frames) ws.send(frame);
        ws.send(EMPTY_STEP2);
        return;
      }
      if (data[0] === 0 && data[1] === 1) return; // a client's answer to a step 1: none sent
      if (data[0] === 0 && data[1] === 2 && room.bytes + data.length <= KEEP_BYTES) {
        room.frames.push(data);
        room.bytes += data.length;
      }
      for (const peer of room.sockets) peer.send(data);
    });
    ws.on("error", () => ws.terminate());
    ws.on("close", () => {
      room.sockets.delete(ws);
      if (room.sockets.size === 0 && room.bytes === 0) rooms.delete(name);
    });
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
