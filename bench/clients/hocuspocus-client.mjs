// A Hocuspocus client through its own provider (@hocuspocus/provider, one socket per
// provider, `ws` as the WebSocket), with the same surface as YwsClient. Every raw frame
// is looked at before the provider handles it, for latency and duplicates.
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { Typist } from "../lib/rich-text.mjs";

const LOCAL = Symbol("local");

export class HocuspocusClient {
  constructor(url, name, { tracker = null } = {}) {
    this.doc = new Y.Doc();
    this.clientId = this.doc.clientID;
    this.seen = new Map();
    this.tracker = tracker;
    this.bytesReceived = 0;
    this.startedAt = performance.now();
    this.typist = new Typist(this.doc, LOCAL);
    this.synced = new Promise((resolve, reject) => {
      this.provider = new HocuspocusProvider({
        url,
        name,
        document: this.doc,
        // No presence (like the other clients); then the provider's "no message for
        // messageReconnectTimeout" check must not reconnect idle sockets.
        awareness: null,
        messageReconnectTimeout: 3_600_000,
        WebSocketPolyfill: WebSocket,
        onSynced: ({ state }) => {
          if (state && this.syncedAt === undefined) {
            this.syncedAt = performance.now();
            resolve(this.syncedAt - this.startedAt);
          }
        },
        onAuthenticationFailed: () => reject(new Error("authentication failed")),
      });
      // On the provider (the same option would also go to its socket, with other arguments).
      this.provider.on("message", ({ event }) => this.onFrame(event.data));
      this.provider.on("close", ({ event }) =>
        reject(new Error(`closed ${event?.code} before synced`)),
      );
    });
    this.synced.catch(() => {});
  }

  onFrame(data) {
    const now = performance.now();
    const bytes = new Uint8Array(data);
    this.bytesReceived += bytes.byteLength;
    if (!this.tracker) return;
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder); // document name
    if (decoding.readVarUint(decoder) !== 0) return; // not a sync message
    if (decoding.readVarUint(decoder) !== 2) return; // not an update
    this.tracker.onReceive(this, decoding.readVarUint8Array(decoder), now);
  }

  type(char = "x") {
    return this.typist.type(char);
  }

  seed(update) {
    Y.applyUpdate(this.doc, update, LOCAL);
  }

  close() {
    this.provider.destroy();
    this.doc.destroy();
  }

  terminate() {
    this.close();
  }
}
