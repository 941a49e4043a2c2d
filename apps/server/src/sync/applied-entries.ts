import { parseDocumentName, type DocumentKind } from "@entente/domain";
import * as Y from "yjs";
import type { Logger } from "../observability/logger.js";
import type {
  AppliedChange,
  DocumentObserver,
  EntryChange,
  ObserverContext,
} from "./document-observers.js";
import { refuseContent } from "./content-guard.js";
import { changedPaths, entryLayout, listEntryChanges } from "./entry-diff.js";
import type { UpdateStamp } from "./update-log.js";

/** A client update Yjs would park (it depends on something missing): never applied. */
export class ParkedUpdateError extends Error {
  constructor() {
    super("update depends on structs the document lacks");
  }
}

/** A client update whose meaning the content guard refuses (content-guard.ts). */
export class RefusedContentError extends Error {
  constructor(readonly refusal: string) {
    super(refusal);
  }
}

/**
 * What one update is about to change in a room's structured document, worked out on a
 * copy before the room's document is touched: the copy then holds the document as it will
 * be, and {@link EntryPreview.before} as it is.
 */
export interface EntryPreview {
  changes: EntryChange[];
  before: Y.Doc;
  after: Y.Doc;
}

/**
 * What a server-side change made on a copy of a room's document (`RoomEntries.changeOnCopy`),
 * or what it threw (`refused`: a refused write).
 */
export type ChangeOnCopy<T> =
  | { refused: unknown }
  | {
      /** What the change returned. */
      value: T;
      /** The update it made, merged; undefined when it changed nothing. */
      update: Uint8Array | undefined;
      /** What it changes in the entries; `[]` for rich-text kinds. */
      changes: EntryChange[];
    };

/**
 * The entries side of a document room: its document kind, and for structured kinds a
 * copy of the document kept in step with it, on which a client's update is applied first
 * so the server knows what the update changes (and may refuse it) before it applies it.
 * Rich-text kinds (charter, private notes, meeting notes) have no entries and no copy.
 */
export class RoomEntries {
  readonly kind: DocumentKind | null;
  /** The copy; built on the first preview, dropped when a previewed update is refused. */
  private copy: Y.Doc | null = null;
  private readonly keepInStep = (update: Uint8Array): void => {
    if (this.copy) Y.applyUpdate(this.copy, update);
  };

  constructor(
    private readonly doc: Y.Doc,
    documentName: string,
  ) {
    this.kind = parseDocumentName(documentName)?.kind ?? null;
    if (this.structured) doc.on("update", this.keepInStep);
  }

  /** Whether the document holds stamped entries (objectives, issues, decisions, profiles). */
  get structured(): boolean {
    return this.kind !== null && entryLayout(this.kind) !== null;
  }

  /**
   * Applies `update` to the copy and lists what it changes. Throws {@link ParkedUpdateError}
   * (and forgets the copy) when Yjs would park it. The caller applies it to the room's
   * document next, or calls {@link discard} when it refuses it.
   */
  preview(update: Uint8Array): EntryPreview {
    const kind = this.kind;
    if (kind === null || !this.structured)
      return { changes: [], before: this.doc, after: this.doc };
    const copy = (this.copy ??= copyOf(this.doc));
    const touched = changedPaths(copy, () => Y.applyUpdate(copy, update));
    const { store } = copy;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      this.discard();
      throw new ParkedUpdateError();
    }
    return {
      changes: listEntryChanges(kind, this.doc, copy, touched),
      before: this.doc,
      after: copy,
    };
  }

  /**
   * What a client's update would change in the entries, once the content guard accepted it
   * for `sender` at `now`; `[]` for rich-text kinds. Throws {@link RefusedContentError} or
   * {@link ParkedUpdateError}, leaving the room's document untouched.
   */
  admit(update: Uint8Array, sender: UpdateStamp, now: number): EntryChange[] {
    if (!this.structured) return [];
    const preview = this.preview(update);
    const refusal = refuseContent(preview, sender, now);
    if (refusal !== null) {
      this.discard();
      throw new RefusedContentError(refusal);
    }
    return preview.changes;
  }

  /** The previewed update is not applied: the copy is rebuilt when next needed. */
  discard(): void {
    this.copy?.destroy();
    this.copy = null;
  }

  /**
   * Runs a server-side `change` on a fresh copy of the room's document, which stays as it
   * was: what the change made, merged, and what that changes in the entries; or what the
   * change threw.
   */
  changeOnCopy<T>(change: (doc: Y.Doc) => T): ChangeOnCopy<T> {
    const copy = copyOf(this.doc);
    const made: Uint8Array[] = [];
    copy.on("update", (update: Uint8Array) => made.push(update));
    let value: T;
    let changes: EntryChange[];
    try {
      ({ value, changes } = this.changesMadeBy(copy, change));
    } catch (error) {
      return { refused: error };
    } finally {
      copy.destroy();
    }
    const update = made.length <= 1 ? made[0] : Y.mergeUpdates(made);
    return { value, update, changes };
  }

  /** Runs `change` on `copy` and lists what it changed in the entries; `[]` for rich-text kinds. */
  private changesMadeBy<T>(
    copy: Y.Doc,
    change: (doc: Y.Doc) => T,
  ): { value: T; changes: EntryChange[] } {
    const kind = this.kind;
    if (kind === null || !this.structured) return { value: change(copy), changes: [] };
    let value: T | undefined;
    const touched = changedPaths(copy, () => {
      value = change(copy);
    });
    return { value: value as T, changes: listEntryChanges(kind, this.doc, copy, touched) };
  }

  destroy(): void {
    this.doc.off("update", this.keepInStep);
    this.discard();
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/**
 * Tells every observer of an applied change, one after the other. An observer that throws
 * (or rejects) is logged; the others are still told and the room carries on.
 */
export async function tellObservers(
  observers: readonly DocumentObserver[],
  change: AppliedChange,
  context: ObserverContext,
  logger: Logger,
): Promise<void> {
  for (const observer of observers) {
    try {
      await observer.afterApplied(change, context);
    } catch (error) {
      logger.error({ err: error, documentName: change.documentName }, "document observer failed");
    }
  }
}
