import type { AppliedChange, DocumentObserver } from "../sync/document-observers.js";
import type { EntryHistory } from "./entry-history.js";
import type { EntryTrash } from "./entry-trash.js";
import { recordedDocument } from "./entry-values.js";

/**
 * The document observer that keeps the server's records of structured documents' entries:
 * the field history of every applied change, and the trash of deleted entries.
 */
export class EntryRecords implements DocumentObserver {
  constructor(
    private readonly history: EntryHistory,
    private readonly trash: EntryTrash,
  ) {}

  async afterApplied(change: AppliedChange): Promise<void> {
    const ref = recordedDocument(change.documentName);
    if (!ref || change.changes.length === 0) return;
    await this.history.record(ref, change);
    await this.trash.keep(ref, change);
  }
}
