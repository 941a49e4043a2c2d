// A lightweight y-websocket protocol client: one `ws` socket, one Y.Doc, the sync
// messages of y-protocols, no awareness. Thousands fit in the harness, where stock
// providers (awareness timers, reconnect logic, BroadcastChannel) would make the
// harness the bottleneck.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { Typist } from "../lib/rich-text.mjs";

const MESSAGE_SYNC = 0;
const LOCAL = Symbol("local");

function syncFrame(type, payload) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * Connects to `url` (the full document URL). Options:
 * - `headers`: sent with the upgrade (the session cookie);
 * - `apply`: integrate updates from others into the doc (default false: only the raw
 *   frame is recorded, so the harness stays cheap; writers still produce valid updates,
 *   each one following the sender's previous keystroke);
 * - `tracker`: a Tracker that gets every update frame.
 */
export class YwsClient {
  constructor(url, { headers = {}, apply = false, tracker = null } = {}) {
    this.doc = new Y.Doc();
    this.clientId = this.doc.clientID;
    this.seen = new Map();
    this.apply = apply;
    this.tracker = tracker;
    this.bytesReceived = 0;
    this.syncedAt = null;
    this.closed = false;
    this.startedAt = performance.now();
    this.typist = new Typist(this.doc, LOCAL);
    this.socket = new WebSocket(url, { headers, perMessageDeflate: false });
    this.socket.binaryType = "nodebuffer";
    this.synced = new Promise((resolve, reject) => {
      this.resolveSynced = resolve;
      this.socket.once("error", reject);
      this.socket.once("unexpected-response", (_req, res) =>
        reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)),
      );
      this.socket.once("close", (code) => reject(new Error(`closed ${code} before synced`)));
    });
    this.synced.catch(() => {});
    this.socket.on("open", () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.socket.send(encoding.toUint8Array(encoder));
    });
    this.socket.on("message", (data) => this.onMessage(data));
    this.socket.on("close", () => {
      this.closed = true;
    });
    this.socket.on("error", () => {});
    this.doc.on("update", (update, origin) => {
      if (origin === LOCAL && this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(syncFrame(syncProtocol.messageYjsUpdate, update));
      }
    });
  }

  onMessage(data) {
    const now = performance.now();
    this.bytesReceived += data.length;
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return; // awareness: ignored
    const type = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      this.socket.send(
        syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc, payload)),
      );
    } else if (type === syncProtocol.messageYjsSyncStep2) {
      if (this.apply) Y.applyUpdate(this.doc, payload, "remote");
      if (this.syncedAt === null) {
        this.syncedAt = now;
        this.resolveSynced(now - this.startedAt);
      }
    } else if (type === syncProtocol.messageYjsUpdate) {
      this.tracker?.onReceive(this, payload, now);
      if (this.apply) Y.applyUpdate(this.doc, payload, "remote");
    }
  }

  /** Types one character (one struct, one clock tick) and sends it; returns its clock. */
  type(char = "x") {
    return this.typist.type(char);
  }

  /** Applies `update` locally as this client's own edit (sent to the server). */
  seed(update) {
    Y.applyUpdate(this.doc, update, LOCAL);
  }

  close() {
    if (this.socket.readyState === WebSocket.CONNECTING) this.socket.terminate();
    else this.socket.close();
    this.doc.destroy();
  }

  terminate() {
    this.socket.terminate();
    this.doc.destroy();
  }
}
