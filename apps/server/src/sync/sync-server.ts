import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { CloseCode, CloseReason, SESSION_COOKIE, SYNC_PATH } from "@entente/protocol";
import { parse as parseCookies } from "hono/utils/cookie";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import type { AccessService } from "../access/access-service.js";
import type { SessionService } from "../auth/sessions.js";
import { isStoreUnavailable } from "../db/store-unavailable.js";
import type { DomainErrorCode } from "../domain-error.js";
import { requestAddress } from "../http/client-address.js";
import { errorBody, HTTP_ERRORS, STORE_UNAVAILABLE } from "../http/errors.js";
import { ConcurrencyCap } from "../limits/concurrency-cap.js";
import { RateLimiter, type RateLimit } from "../limits/rate-limiter.js";
import { isAllowedOrigin } from "../limits/same-origin.js";
import type { Logger } from "../observability/logger.js";
import { FrameRejectReason, type SyncMetrics } from "../observability/metrics.js";
import type { DocumentRoom } from "./document-room.js";
import type { RoomRegistry } from "./room-registry.js";
import type { SyncConnection } from "./sync-connection.js";

export interface SyncLimits {
  /** Largest frame a client may send, in bytes; larger ones close the socket with 1009. */
  maxFrameBytes: number;
  /** Connection attempts per client address (counted before authentication). */
  connectionsPerAddress: RateLimit;
  /** Connection attempts per user. */
  connectionsPerUser: RateLimit;
  /** Sockets a user holds open at once (in this process); the next upgrade gets HTTP 429. */
  socketsPerUser: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxFrameBytes: 8 * 1024 * 1024,
  connectionsPerAddress: { max: 600, windowMs: 60_000 },
  connectionsPerUser: { max: 240, windowMs: 60_000 },
  socketsPerUser: 200,
};

export interface SyncServerOptions {
  sessions: SessionService;
  access: AccessService;
  rooms: RoomRegistry;
  publicOrigin: string;
  /** Count connection attempts by the load balancer's X-Forwarded-For, not its address. */
  trustProxy: boolean;
  metrics: SyncMetrics;
  logger: Logger;
  limits?: Partial<SyncLimits>;
  /** How often dead sockets are looked for. */
  heartbeatMs?: number;
}

interface OpenSocket {
  socket: WebSocket;
  sessionId: string;
  userId: string;
  partnershipId: string;
  documentName: string;
  room: DocumentRoom;
  connection: SyncConnection;
  alive: boolean;
  /** Its document was deleted: it has left the room, and what it still sends is ignored. */
  documentDeleted: boolean;
}

/**
 * Why an upgrade is refused: a domain refusal, answered with the status and code
 * `HTTP_ERRORS` gives it like any API request, or the database being away (a 503).
 */
type Refusal = Extract<
  DomainErrorCode,
  "unauthorized" | "forbidden" | "not_found" | "rate_limited"
>;

/** The reason phrase of each refusal's status line. */
const REASON_PHRASES: Record<Refusal | "unavailable", string> = {
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not Found",
  rate_limited: "Too Many Requests",
  unavailable: "Service Unavailable",
};

/** Sessions are checked this often, so an expired one loses its sockets within a second. */
const EXPIRY_CHECK_MS = 500;

/**
 * How long a deleted document is remembered: longer than any upgrade takes to be answered,
 * so one whose access check passed just before the deletion still gets 4404.
 */
const DELETED_MEMORY_MS = 60_000;

/**
 * The y-websocket endpoint at `/sync/<documentName>`. Authentication and access are
 * decided on the HTTP upgrade: a refused request never becomes a socket.
 */
export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly open = new Set<OpenSocket>();
  /** Documents deleted lately, with when. */
  private readonly deletedDocuments = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly expiryCheck: NodeJS.Timeout;
  private readonly perAddress: RateLimiter;
  private readonly perUser: RateLimiter;
  private readonly openPerUser: ConcurrencyCap;
  private accepting = true;
  private checkingSessions = false;

  constructor(private readonly options: SyncServerOptions) {
    const limits = { ...DEFAULT_SYNC_LIMITS, ...options.limits };
    this.wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });
    this.perAddress = new RateLimiter(limits.connectionsPerAddress);
    this.perUser = new RateLimiter(limits.connectionsPerUser);
    this.openPerUser = new ConcurrencyCap(limits.socketsPerUser);
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
    this.expiryCheck = setInterval(() => void this.closeExpiredSessions(), EXPIRY_CHECK_MS);
    this.expiryCheck.unref();
  }

  /** Node's `upgrade` event handler. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on("error", () => socket.destroy());
    this.upgrade(request, socket, head).catch((error: unknown) => {
      // The database is away (a restart): the client's reconnection loop tries again.
      if (isStoreUnavailable(error)) {
        this.options.logger.warn({ err: error }, "sync upgrade refused: database unavailable");
        return refuse(socket, "unavailable");
      }
      this.options.logger.error({ err: error }, "sync upgrade failed");
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

  /** Closes the user's sockets on the partnership's documents (removed from it). */
  closePartnershipAccess(userId: string, partnershipId: string): void {
    for (const entry of this.open) {
      if (entry.userId === userId && entry.partnershipId === partnershipId) {
        entry.socket.close(CloseCode.Forbidden, CloseReason[CloseCode.Forbidden]);
      }
    }
  }

  /**
   * Closes every socket on the document with 4404 (it was deleted). They leave its room at
   * once, without waiting for their close handshakes, so the room is unloaded as soon as
   * its queue is idle; frames they still send are ignored.
   */
  closeDocument(documentName: string): void {
    const now = Date.now();
    for (const [name, deletedAt] of this.deletedDocuments) {
      if (deletedAt > now - DELETED_MEMORY_MS) break;
      this.deletedDocuments.delete(name);
    }
    this.deletedDocuments.delete(documentName);
    this.deletedDocuments.set(documentName, now);
    const rooms = new Set<DocumentRoom>();
    for (const entry of this.open) {
      if (entry.documentName !== documentName || entry.documentDeleted) continue;
      entry.documentDeleted = true;
      entry.socket.close(CloseCode.DocumentDeleted, CloseReason[CloseCode.DocumentDeleted]);
      entry.room.leave(entry.connection);
      rooms.add(entry.room);
    }
    for (const room of rooms) this.options.rooms.release(room);
  }

  get connectionCount(): number {
    return this.open.size;
  }

  /** Stops accepting, closes sockets with "service restart" and waits until all is stored. */
  async shutdown(): Promise<void> {
    this.accepting = false;
    clearInterval(this.heartbeat);
    clearInterval(this.expiryCheck);
    await this.options.rooms.closeAll(CloseCode.ServiceRestart);
    for (const entry of this.open) entry.socket.terminate();
    this.wss.close();
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const prefix = `${SYNC_PATH}/`;
    if (!this.accepting || !url.pathname.startsWith(prefix)) return refuse(socket, "not_found");
    let documentName: string;
    try {
      documentName = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return refuse(socket, "not_found");
    }

    // Cross-site WebSocket hijacking: the browser sends the cookie, but also its Origin.
    if (!isAllowedOrigin(request.headers.origin, request.headers.host, this.options.publicOrigin)) {
      return refuse(socket, "forbidden");
    }
    const address = requestAddress(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      this.options.trustProxy,
    );
    if (!this.perAddress.take(address)) return refuse(socket, "rate_limited");

    const token = parseCookies(request.headers.cookie ?? "", SESSION_COOKIE)[SESSION_COOKIE];
    const valid = token ? await this.options.sessions.validate(token) : null;
    if (!valid) return refuse(socket, "unauthorized");
    if (!this.perUser.take(valid.user.id)) return refuse(socket, "rate_limited");
    // Held from here until the connection is gone, refused or not: the TCP socket's close
    // comes last in every case, so no path leaks a slot.
    const release = this.openPerUser.acquire(valid.user.id);
    if (!release) return refuse(socket, "rate_limited");
    socket.once("close", release);

    const decision = await this.options.access.document(valid.user.id, documentName);
    if (decision.kind === "not-a-document") return refuse(socket, "not_found");
    if (decision.kind === "denied") return refuse(socket, "forbidden");
    const organizationName = await this.options.access.organizationName(
      decision.seat.organizationId,
    );
    // Shutdown may have begun during the lookups above.
    if (socket.destroyed || !this.accepting) {
      socket.destroy();
      return;
    }

    this.wss.handleUpgrade(request, socket, head, (ws) => {
      // Deleted while its access was being checked, before `closeDocument` could see it.
      const deletedAt = this.deletedDocuments.get(documentName);
      if (deletedAt !== undefined && deletedAt > Date.now() - DELETED_MEMORY_MS) {
        ws.on("error", () => ws.terminate());
        ws.close(CloseCode.DocumentDeleted, CloseReason[CloseCode.DocumentDeleted]);
        return;
      }
      const { metrics } = this.options;
      const connection: SyncConnection = {
        access: decision.access,
        stamp: { userId: valid.user.id, organizationId: decision.seat.organizationId },
        userName: valid.user.name,
        organizationName: organizationName ?? "",
        send: (message) => {
          if (ws.readyState !== WebSocket.OPEN) return;
          ws.send(message);
          metrics.bytesSent(message.byteLength);
        },
        close: (code) => ws.close(code, CloseReason[code]),
      };
      const room = this.options.rooms.open(documentName);
      const entry: OpenSocket = {
        socket: ws,
        sessionId: valid.session.id,
        userId: valid.user.id,
        partnershipId: decision.ref.partnershipId,
        documentName,
        room,
        connection,
        alive: true,
        documentDeleted: false,
      };
      this.open.add(entry);
      metrics.connectionOpened();
      room.join(connection);
      // Access may have been withdrawn while the upgrade was being answered, before this
      // socket was in `open` for `closePartnershipAccess` to find.
      void this.options.access.document(valid.user.id, documentName).then(
        (again) => {
          if (again.kind !== "granted" || again.access !== decision.access) {
            ws.close(CloseCode.Forbidden, CloseReason[CloseCode.Forbidden]);
          }
        },
        // Not known to be allowed: closed, and with a code to come back when the database is.
        (error: unknown) => {
          const code = isStoreUnavailable(error)
            ? CloseCode.StorageUnavailable
            : CloseCode.Forbidden;
          ws.close(code, CloseReason[code]);
        },
      );

      ws.on("pong", () => {
        entry.alive = true;
      });
      ws.on("message", (data: RawData, isBinary: boolean) => {
        if (entry.documentDeleted) return;
        entry.alive = true;
        const bytes = toBytes(data);
        metrics.bytesReceived(bytes.byteLength);
        if (!isBinary) {
          metrics.frameRejected(FrameRejectReason.TextFrame);
          return connection.close(CloseCode.InvalidMessage);
        }
        room.receive(connection, bytes);
      });
      ws.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") {
          metrics.frameRejected(FrameRejectReason.TooLarge);
        }
        ws.terminate();
      });
      ws.on("close", () => {
        this.open.delete(entry);
        metrics.connectionClosed();
        room.leave(connection);
        this.options.rooms.release(room);
      });
    });
  }

  /**
   * Asks the store, in one query, whether every open socket's session still exists
   * and is unexpired: expiry, logout elsewhere and revocation all end up here.
   */
  private async closeExpiredSessions(): Promise<void> {
    if (this.checkingSessions || this.open.size === 0) return;
    this.checkingSessions = true;
    try {
      // Only the sockets asked about: one opened during the query is not in its answer.
      const checked = [...this.open];
      const ids = [...new Set(checked.map((entry) => entry.sessionId))];
      const expiries = await this.options.sessions.expiries(ids);
      const now = Date.now();
      for (const entry of checked) {
        const expiresAt = expiries.get(entry.sessionId);
        if (expiresAt === undefined || expiresAt <= now) {
          entry.socket.close(CloseCode.Unauthorized, CloseReason[CloseCode.Unauthorized]);
        }
      }
    } catch (error) {
      // While the database is away this fails twice a second; sockets stay open meanwhile.
      if (isStoreUnavailable(error))
        this.options.logger.warn({ err: error }, "session check failed");
      else this.options.logger.error({ err: error }, "session check failed");
    } finally {
      this.checkingSessions = false;
    }
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
function refuse(socket: Duplex, refusal: Refusal | "unavailable"): void {
  if (socket.destroyed) return;
  const { status, code } = refusal === "unavailable" ? STORE_UNAVAILABLE : HTTP_ERRORS[refusal];
  const text = REASON_PHRASES[refusal];
  const body = JSON.stringify(errorBody(code, text));
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}
