import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { CloseCode, CloseReason, ErrorCode, SESSION_COOKIE, SYNC_PATH } from "@entente/protocol";
import { parse as parseCookies } from "hono/utils/cookie";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import type { AccessService } from "../access/access-service.js";
import type { SessionService } from "../auth/sessions.js";
import { errorBody } from "../http/errors.js";
import type { SyncConnection } from "./document-room.js";
import type { RoomRegistry } from "./room-registry.js";

export interface SyncServerOptions {
  sessions: SessionService;
  access: AccessService;
  rooms: RoomRegistry;
  /** Largest frame a client may send, in bytes. */
  maxFrameBytes?: number;
  /** How often dead sockets are looked for. */
  heartbeatMs?: number;
}

interface OpenSocket {
  socket: WebSocket;
  sessionId: string;
  alive: boolean;
}

const HTTP_STATUS_TEXT: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
};

/**
 * The y-websocket endpoint at `/sync/<documentName>`. Authentication and access are
 * decided on the HTTP upgrade: a refused request never becomes a socket.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly open = new Set<OpenSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private accepting = true;

  constructor(private readonly options: SyncServerOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxFrameBytes ?? 8 * 1024 * 1024,
    });
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  /** Node's `upgrade` event handler. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on("error", () => socket.destroy());
    this.upgrade(request, socket, head).catch((error: unknown) => {
      console.error("Sync upgrade failed", error);
      socket.destroy();
    });
  };

  /** Closes every socket opened with this session (logout, expiry). */
  closeSession(sessionId: string): void {
    for (const entry of this.open) {
      if (entry.sessionId === sessionId)
        entry.socket.close(CloseCode.Unauthorized, CloseReason[CloseCode.Unauthorized]);
    }
  }

  get connectionCount(): number {
    return this.open.size;
  }

  /** Stops accepting, closes sockets with "service restart" and waits until all is stored. */
  async shutdown(): Promise<void> {
    this.accepting = false;
    clearInterval(this.heartbeat);
    await this.options.rooms.closeAll(CloseCode.ServiceRestart);
    for (const entry of this.open) entry.socket.terminate();
    this.wss.close();
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const prefix = `${SYNC_PATH}/`;
    if (!this.accepting || !url.pathname.startsWith(prefix)) return refuse(socket, 404);
    let documentName: string;
    try {
      documentName = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return refuse(socket, 404);
    }

    const token = parseCookies(request.headers.cookie ?? "", SESSION_COOKIE)[SESSION_COOKIE];
    const valid = token ? await this.options.sessions.validate(token) : null;
    if (!valid) return refuse(socket, 401);

    const decision = await this.options.access.document(valid.user.id, documentName);
    if (decision.kind === "not-a-document") return refuse(socket, 404);
    if (decision.kind === "denied") return refuse(socket, 403);
    if (socket.destroyed) return;

    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const entry: OpenSocket = { socket: ws, sessionId: valid.session.id, alive: true };
      this.open.add(entry);
      const connection: SyncConnection = {
        access: decision.access,
        stamp: { userId: valid.user.id, organizationId: decision.seat.organizationId },
        send: (message) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(message);
        },
        close: (code) => ws.close(code, CloseReason[code]),
      };
      const room = this.options.rooms.open(documentName);
      room.join(connection);

      ws.on("pong", () => {
        entry.alive = true;
      });
      ws.on("message", (data: RawData, isBinary: boolean) => {
        entry.alive = true;
        if (!isBinary) return connection.close(CloseCode.InvalidMessage);
        room.receive(connection, toBytes(data));
      });
      ws.on("error", () => ws.terminate());
      ws.on("close", () => {
        this.open.delete(entry);
        room.leave(connection);
        this.options.rooms.release(room);
      });
    });
  }

  private checkHeartbeats(): void {
    for (const entry of this.open) {
      if (!entry.alive) {
        entry.socket.terminate();
        continue;
      }
      entry.alive = false;
      entry.socket.ping();
    }
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Answers the upgrade request with a plain HTTP error and closes: no socket is opened. */
function refuse(socket: Duplex, status: 401 | 403 | 404): void {
  if (socket.destroyed) return;
  const code =
    status === 401
      ? ErrorCode.Unauthorized
      : status === 403
        ? ErrorCode.Forbidden
        : ErrorCode.NotFound;
  const body = JSON.stringify(errorBody(code, HTTP_STATUS_TEXT[status] ?? "Error"));
  socket.end(
    `HTTP/1.1 ${status} ${HTTP_STATUS_TEXT[status]}\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}
