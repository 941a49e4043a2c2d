import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Logger } from "../observability/logger.js";
import type {
  AccessChange,
  DocumentListener,
  DocumentMessage,
  InstanceBus,
} from "./instance-bus.js";

const DOCUMENT_CHANNEL_PREFIX = "entente:doc:";
const ACCESS_CHANNEL = "entente:access";
const LIVE_EVENT_CHANNEL = "entente:live";

/** The first number of a document message on the wire. */
const Kind = { Update: 0, Awareness: 1, Rejoined: 2 } as const;

/**
 * The instance bus over Redis pub/sub: one channel per loaded document and one for
 * access changes. Pub/sub rather than streams: every update is already durable in
 * PostgreSQL before it is published, so the bus only needs to be fast; what it drops
 * while Redis is away is read back from the store when the link returns (each instance
 * reloads its documents and asks the others to do the same). Streams would duplicate
 * the update log in Redis, with trimming to tune, for no extra safety.
 */
export class RedisBus implements InstanceBus {
  private readonly instanceId = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly documents = new Map<string, DocumentListener>();
  private readonly accessListeners: ((change: AccessChange) => void)[] = [];
  private readonly liveEventListeners: ((event: unknown) => void)[] = [];
  private readonly reconnectListeners: (() => void)[] = [];
  /** A connection dropped since the last time both were up: messages may have been lost. */
  private interrupted = false;
  private closed = false;

  private constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    const options = {
      lazyConnect: true,
      // Nothing waits for Redis: while it is away, publishing is skipped (the store has
      // everything) and subscriptions are renewed by `linkUp`, not replayed by ioredis.
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt: number) => Math.min(50 * 2 ** attempt, 1000),
    };
    this.publisher = new Redis(url, { ...options, connectionName: "entente-publisher" });
    this.subscriber = new Redis(url, { ...options, connectionName: "entente-subscriber" });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on("error", (error: Error) => {
        this.logger.warn({ err: error }, "redis connection error");
      });
      connection.on("close", () => {
        if (!this.closed) this.interrupted = true;
      });
      connection.on("ready", () => void this.linkUp());
    }
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
      this.deliver(channel.toString(), message);
    });
  }

  /** Connects both links; fails when Redis does not answer, so a misconfigured instance stops. */
  static async connect(url: string, logger: Logger): Promise<RedisBus> {
    const bus = new RedisBus(url, logger);
    try {
      await Promise.all([bus.publisher.connect(), bus.subscriber.connect()]);
      await bus.subscriber.subscribe(ACCESS_CHANNEL, LIVE_EVENT_CHANNEL);
    } catch (error) {
      await bus.close();
      throw new Error(`Redis is not reachable at ${redactUrl(url)}`, { cause: error });
    }
    bus.interrupted = false;
    return bus;
  }

  async subscribe(documentName: string, listener: DocumentListener): Promise<void> {
    this.documents.set(documentName, listener);
    if (this.subscriber.status !== "ready") return;
    try {
      await this.subscriber.subscribe(DOCUMENT_CHANNEL_PREFIX + documentName);
    } catch {
      // The link dropped meanwhile: `linkUp` subscribes again and the room reloads.
    }
  }

  unsubscribe(documentName: string, listener: DocumentListener): void {
    if (this.documents.get(documentName) !== listener) return;
    this.documents.delete(documentName);
    if (this.subscriber.status !== "ready") return;
    this.subscriber.unsubscribe(DOCUMENT_CHANNEL_PREFIX + documentName).catch(() => {});
  }

  publish(documentName: string, message: DocumentMessage): void {
    this.send(
      DOCUMENT_CHANNEL_PREFIX + documentName,
      encodeDocumentMessage(this.instanceId, message),
    );
  }

  publishAccessChange(change: AccessChange): void {
    this.sendJson(ACCESS_CHANNEL, change);
  }

  onAccessChange(listener: (change: AccessChange) => void): void {
    this.accessListeners.push(listener);
  }

  publishLiveEvent(event: unknown): void {
    this.sendJson(LIVE_EVENT_CHANNEL, event);
  }

  onLiveEvent(listener: (event: unknown) => void): void {
    this.liveEventListeners.push(listener);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    this.publisher.disconnect();
    this.subscriber.disconnect();
    return Promise.resolve();
  }

  private sendJson(channel: string, value: unknown): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarString(encoder, JSON.stringify(value));
    this.send(channel, encoding.toUint8Array(encoder));
  }

  private send(channel: string, payload: Uint8Array): void {
    if (this.publisher.status !== "ready") {
      this.interrupted = true;
      return;
    }
    this.publisher.publish(channel, Buffer.from(payload)).catch(() => {
      this.interrupted = true;
    });
  }

  /** Both links are up again: renew every subscription, then let the rooms resync. */
  private async linkUp(): Promise<void> {
    if (this.closed || !this.interrupted) return;
    if (this.publisher.status !== "ready" || this.subscriber.status !== "ready") return;
    this.interrupted = false;
    const channels = [
      ACCESS_CHANNEL,
      LIVE_EVENT_CHANNEL,
      ...[...this.documents.keys()].map((name) => DOCUMENT_CHANNEL_PREFIX + name),
    ];
    try {
      await this.subscriber.subscribe(...channels);
    } catch (error) {
      this.interrupted = true;
      this.logger.warn({ err: error }, "redis resubscription failed");
      return;
    }
    this.logger.info(
      { documents: this.documents.size },
      "redis link restored; resyncing documents",
    );
    for (const listener of this.reconnectListeners) listener();
  }

  private deliver(channel: string, payload: Buffer): void {
    try {
      const decoder = decoding.createDecoder(payload);
      if (decoding.readVarString(decoder) === this.instanceId) return;
      if (channel === ACCESS_CHANNEL) {
        const change = JSON.parse(decoding.readVarString(decoder)) as AccessChange;
        for (const listener of this.accessListeners) listener(change);
        return;
      }
      if (channel === LIVE_EVENT_CHANNEL) {
        const event: unknown = JSON.parse(decoding.readVarString(decoder));
        for (const listener of this.liveEventListeners) listener(event);
        return;
      }
      if (!channel.startsWith(DOCUMENT_CHANNEL_PREFIX)) return;
      const listener = this.documents.get(channel.slice(DOCUMENT_CHANNEL_PREFIX.length));
      listener?.(decodeDocumentMessage(decoder));
    } catch (error) {
      this.logger.error({ err: error, channel }, "unreadable message on the instance bus");
    }
  }
}

function encodeDocumentMessage(instanceId: string, message: DocumentMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, instanceId);
  switch (message.kind) {
    case "update":
      encoding.writeVarUint(encoder, Kind.Update);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "awareness":
      encoding.writeVarUint(encoder, Kind.Awareness);
      encoding.writeVarString(encoder, message.userId ?? "");
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "rejoined":
      encoding.writeVarUint(encoder, Kind.Rejoined);
      break;
  }
  return encoding.toUint8Array(encoder);
}

function decodeDocumentMessage(decoder: decoding.Decoder): DocumentMessage {
  const kind = decoding.readVarUint(decoder);
  switch (kind) {
    case Kind.Update:
      return { kind: "update", update: decoding.readVarUint8Array(decoder) };
    case Kind.Awareness: {
      const userId = decoding.readVarString(decoder);
      return {
        kind: "awareness",
        userId: userId === "" ? null : userId,
        update: decoding.readVarUint8Array(decoder),
      };
    }
    case Kind.Rejoined:
      return { kind: "rejoined" };
    default:
      throw new Error(`unknown instance bus message kind ${kind}`);
  }
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "the configured REDIS_URL";
  }
}
