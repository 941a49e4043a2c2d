import type { Logger } from "../observability/logger.js";
import type { SyncMetrics } from "../observability/metrics.js";
import type { AppliedChange, EntryChange } from "./document-observers.js";
import { DEFAULT_STORAGE_OUTAGE_MS, retryStorage } from "./storage-retry.js";
import {
  applyStoredDocument,
  type PendingUpdate,
  type StoredDocument,
  type UpdateLog,
} from "./update-log.js";
import type * as Y from "yjs";

/**
 * A room's side of the update log: reading its document, storing its group commits (both
 * riding out a database restart), and compacting the log once enough updates piled up
 * since the last snapshot.
 */

/** What a room's storage needs of the services every room of a process shares. */
export interface RoomStorageServices {
  log: UpdateLog;
  logger: Logger;
  metrics: SyncMetrics;
  /** Compact a document into a snapshot once this many updates piled up after the last one. */
  compactAfterUpdates: number;
  /**
   * How long a room holds its unstored updates (and its sockets) while the database is out
   * of reach before it gives up and closes them with 4503; 15 s when omitted.
   */
  storageOutageMs?: number;
}

/** A change applied and not stored yet, with what the observers will be told of it. */
export interface UnstoredChange extends PendingUpdate {
  source: AppliedChange["source"];
  at: number;
  changes: readonly EntryChange[];
}

export class RoomStorage {
  /** Updates this instance stored since the document was last compacted (as far as it knows). */
  private updatesSinceSnapshot = 0;

  constructor(
    private readonly documentName: string,
    private readonly services: RoomStorageServices,
  ) {}

  /** Whether enough updates piled up since the last snapshot to compact. */
  get compactionDue(): boolean {
    return this.updatesSinceSnapshot >= this.services.compactAfterUpdates;
  }

  /** Reads the stored document into `doc`, a new room's document. */
  async load(doc: Y.Doc): Promise<void> {
    const stored = await this.read();
    applyStoredDocument(doc, stored, "storage");
    this.updatesSinceSnapshot = stored.updates.length;
  }

  read(): Promise<StoredDocument> {
    return retryStorage(() => this.services.log.load(this.documentName), this.outageMs);
  }

  /** Stores `batch` in one write. */
  async append(batch: readonly PendingUpdate[]): Promise<void> {
    const { log, metrics } = this.services;
    await retryStorage(
      () => metrics.timeStorageWrite(() => log.appendAll(this.documentName, batch)),
      this.outageMs,
    );
    this.updatesSinceSnapshot += batch.length;
  }

  /**
   * Folds the stored updates into one snapshot so loading stays fast. The log merges
   * from storage under a per-document lock, so instances never compact one document
   * at the same time and none folds in an update it has not seen. A failed or skipped
   * compaction loses nothing: the log is intact and the next update tries again.
   */
  async compactIfDue(): Promise<void> {
    if (!this.compactionDue) return;
    const { log, logger, metrics } = this.services;
    try {
      const compacted = await metrics.timeCompaction(() => log.compact(this.documentName));
      if (compacted) this.updatesSinceSnapshot = 0;
    } catch (error) {
      logger.warn({ err: error, documentName: this.documentName }, "compaction failed");
    }
  }

  private get outageMs(): number {
    return this.services.storageOutageMs ?? DEFAULT_STORAGE_OUTAGE_MS;
  }
}
