import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Why the sync server refused a client frame; the `reason` label of `entente_sync_frames_rejected_total`. */
export const FrameRejectReason = {
  /** Not a y-websocket message, or a sync/awareness payload that does not decode. */
  InvalidMessage: "invalid_message",
  /** Larger than the frame limit. */
  TooLarge: "too_large",
  /** Over the per-connection message rate. */
  RateLimited: "rate_limited",
  /** An awareness update about a client id the connection does not own, or claiming another user. */
  ForbiddenAwareness: "forbidden_awareness",
  /** Decoded fine but refused by a document guard (schema, size, read-only…). */
  GuardRejected: "guard_rejected",
  /** A text frame where only binary frames are accepted. */
  TextFrame: "text_frame",
  /** An update whose meaning is refused: a forged or rewritten stamp, a reused id, `meta` (content-guard.ts). */
  ContentRefused: "content_refused",
} as const;
export type FrameRejectReason = (typeof FrameRejectReason)[keyof typeof FrameRejectReason];

type Outcome = "ok" | "error";

export interface SyncMetricsOptions {
  /** Also export Node's process metrics (CPU, memory, event loop lag, GC) from this registry. */
  collectDefaultMetrics?: boolean;
  /** Labels added to every series, e.g. `{ instance: "a" }` when several servers share a scrape. */
  defaultLabels?: Record<string, string>;
}

export interface HttpRequestObservation {
  method: string;
  /** The route template (`/api/partnerships/:id`), never the raw path: it bounds the series. */
  route: string;
  status: number;
  durationSeconds: number;
}

/** Storage writes are single-row inserts: sub-millisecond on SQLite, a round trip on Postgres. */
const STORAGE_WRITE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
/** Compaction merges a document's whole log, so it may take far longer than one write. */
const COMPACTION_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Most routes are one query; login and signup hash with argon2id (tens to hundreds of ms). */
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Why a loaded document was read again from storage: this instance's link to Redis came
 * back, another instance's did, or an update relayed from another instance depended on
 * one the bus had not delivered.
 */
export type ResyncReason = "reconnected" | "peer-rejoined" | "gap";

/**
 * Every metric the server exports, in a registry of its own: tests and several servers
 * in one process never collide, and nothing lands in prom-client's global registry.
 * Callers report events through the methods; `render()` is what `/metrics` serves.
 */
export class SyncMetrics {
  readonly registry = new Registry();

  private readonly connectionsOpen: Gauge;
  private readonly connectionsOpenedTotal: Counter;
  private readonly documentsLoaded: Gauge;
  private readonly updatesReceived: Counter;
  private readonly updatesApplied: Counter;
  private readonly receivedBytes: Counter;
  private readonly sentBytes: Counter;
  private readonly framesRejected: Counter<"reason">;
  private readonly storageWriteDuration: Histogram<"outcome">;
  private readonly compactions: Counter<"outcome">;
  private readonly compactionDuration: Histogram<"outcome">;
  private readonly httpRequests: Counter<"method" | "route" | "status">;
  private readonly httpRequestDuration: Histogram<"method" | "route">;
  private readonly loginRateLimitedTotal: Counter;
  private readonly documentResyncs: Counter<"reason">;

  constructor(options: SyncMetricsOptions = {}) {
    const registers = [this.registry];
    if (options.defaultLabels) this.registry.setDefaultLabels(options.defaultLabels);
    if (options.collectDefaultMetrics) collectDefaultMetrics({ register: this.registry });

    this.connectionsOpen = new Gauge({
      name: "entente_sync_connections_open",
      help: "Sync WebSocket connections open now.",
      registers,
    });
    this.connectionsOpenedTotal = new Counter({
      name: "entente_sync_connections_opened_total",
      help: "Sync WebSocket connections accepted since start.",
      registers,
    });
    this.documentsLoaded = new Gauge({
      name: "entente_sync_documents_loaded",
      help: "Documents held in memory by this process now.",
      registers,
    });
    this.updatesReceived = new Counter({
      name: "entente_sync_updates_received_total",
      help: "Yjs updates received from clients (before checks).",
      registers,
    });
    this.updatesApplied = new Counter({
      name: "entente_sync_updates_applied_total",
      help: "Yjs updates applied to a document, stored and broadcast.",
      registers,
    });
    this.receivedBytes = new Counter({
      name: "entente_sync_received_bytes_total",
      help: "Bytes of sync frames received from clients.",
      registers,
    });
    this.sentBytes = new Counter({
      name: "entente_sync_sent_bytes_total",
      help: "Bytes of sync frames sent to clients.",
      registers,
    });
    this.framesRejected = new Counter({
      name: "entente_sync_frames_rejected_total",
      help: "Client frames refused, by reason.",
      labelNames: ["reason"],
      registers,
    });
    this.storageWriteDuration = new Histogram({
      name: "entente_storage_write_duration_seconds",
      help: "Time to append one update to the store, by outcome.",
      labelNames: ["outcome"],
      buckets: STORAGE_WRITE_BUCKETS,
      registers,
    });
    this.compactions = new Counter({
      name: "entente_sync_compactions_total",
      help: "Update-log compactions run, by outcome.",
      labelNames: ["outcome"],
      registers,
    });
    this.documentResyncs = new Counter({
      name: "entente_sync_document_resyncs_total",
      help: "Loaded documents read again from storage because the instance bus may have lost messages, by reason.",
      labelNames: ["reason"],
      registers,
    });
    this.compactionDuration = new Histogram({
      name: "entente_sync_compaction_duration_seconds",
      help: "Time one update-log compaction took, by outcome.",
      labelNames: ["outcome"],
      buckets: COMPACTION_BUCKETS,
      registers,
    });
    this.httpRequests = new Counter({
      name: "entente_http_requests_total",
      help: "HTTP requests answered, by method, route template and status.",
      labelNames: ["method", "route", "status"],
      registers,
    });
    this.httpRequestDuration = new Histogram({
      name: "entente_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method and route template.",
      labelNames: ["method", "route"],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.loginRateLimitedTotal = new Counter({
      name: "entente_auth_login_rate_limited_total",
      help: "Login attempts refused by the rate limiter.",
      registers,
    });

    // Known label values start at 0, so a rate() over them works before the first event.
    for (const reason of Object.values(FrameRejectReason)) this.framesRejected.inc({ reason }, 0);
    for (const outcome of ["ok", "error"] as const) this.compactions.inc({ outcome }, 0);
  }

  /** A sync socket was accepted. Pair every call with one `connectionClosed()`. */
  connectionOpened(): void {
    this.connectionsOpen.inc();
    this.connectionsOpenedTotal.inc();
  }

  connectionClosed(): void {
    this.connectionsOpen.dec();
  }

  /** A document room was created (its stored updates start loading). */
  documentLoaded(): void {
    this.documentsLoaded.inc();
  }

  /** A document room was unloaded or dropped after a storage failure. */
  documentUnloaded(): void {
    this.documentsLoaded.dec();
  }

  /** A client sent a Yjs update (sync step 2 or update), whatever happens to it next. */
  updateReceived(): void {
    this.updatesReceived.inc();
  }

  /** `count` updates changed the document and were stored. */
  updatesStored(count: number): void {
    this.updatesApplied.inc(count);
  }

  bytesReceived(bytes: number): void {
    this.receivedBytes.inc(bytes);
  }

  bytesSent(bytes: number): void {
    this.sentBytes.inc(bytes);
  }

  frameRejected(reason: FrameRejectReason): void {
    this.framesRejected.inc({ reason });
  }

  /** Runs one storage write and records how long it took, including when it throws. */
  timeStorageWrite<T>(write: () => Promise<T>): Promise<T> {
    return timed(write, (seconds, outcome) =>
      this.storageWriteDuration.observe({ outcome }, seconds),
    );
  }

  /** Runs one compaction, counting it and recording how long it took, including when it throws. */
  timeCompaction<T>(compact: () => Promise<T>): Promise<T> {
    return timed(compact, (seconds, outcome) => {
      this.compactions.inc({ outcome });
      this.compactionDuration.observe({ outcome }, seconds);
    });
  }

  /** One answered HTTP request; `httpMetrics()` reports these. */
  httpRequestFinished({ method, route, status, durationSeconds }: HttpRequestObservation): void {
    // Only standard methods become label values: a client cannot mint new series.
    const methodLabel = HTTP_METHODS.has(method) ? method : "OTHER";
    this.httpRequests.inc({ method: methodLabel, route, status: String(status) });
    this.httpRequestDuration.observe({ method: methodLabel, route }, durationSeconds);
  }

  /** A loaded document was read again from storage after a gap in what the bus delivered. */
  documentResynced(reason: ResyncReason): void {
    this.documentResyncs.inc({ reason });
  }

  loginRateLimited(): void {
    this.loginRateLimitedTotal.inc();
  }

  /** The Prometheus text exposition of every metric, as `/metrics` serves it. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** `text/plain; version=0.0.4; charset=utf-8`. */
  get contentType(): string {
    return this.registry.contentType;
  }
}

async function timed<T>(
  run: () => Promise<T>,
  record: (seconds: number, outcome: Outcome) => void,
): Promise<T> {
  const start = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - start) / 1e9;
  try {
    const result = await run();
    record(seconds(), "ok");
    return result;
  } catch (error) {
    record(seconds(), "error");
    throw error;
  }
}
