import { formatDocumentName, parseDocumentName } from "@entente/domain";
import type { PartnershipEvent } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Dialect } from "../db/database.js";
import type { Database } from "../db/schema.js";
import type { FeedEvents, FeedTopic } from "../live-events/feed-events.js";
import { nextTurn } from "../next-turn.js";
import type { Logger } from "../observability/logger.js";
import type { AppliedChange, DocumentObserver } from "../sync/document-observers.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { documentEntries, type MeetingTitles } from "./document-entries.js";
import { partnershipRowEntries, rowsSource } from "./row-entries.js";
import { SearchStore } from "./search-store.js";

/** How long changes gather before the index reads them (well inside "searchable within 2 s"). */
export const DEFAULT_INDEX_DELAY_MS = 100;
/** The longest a change waits for the previous pass (it keeps the 2 seconds). */
const MAX_BACKOFF_MS = 1000;

/**
 * Keeps the search index following what is stored. Documents: told of every applied change
 * (a document observer, so client edits and server writes alike), it re-reads the stored
 * document and rewrites the entries that changed. SQL rows (posts, replies, comments,
 * meetings, workshop boards): the services publish a partnership event once a change is
 * stored, and the partnership's rows are read again. Nothing a client sends is indexed as
 * such: only what the server stored, read back from the store.
 */
export class SearchIndex implements DocumentObserver {
  private readonly store: SearchStore;
  private readonly dirtyDocuments = new Set<string>();
  private readonly dirtyRows = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  /** How long the last pass over pending changes took. */
  private lastFlushMs = 0;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: Dialect,
    private readonly documents: DocumentReader,
    private readonly logger: Logger,
    private readonly delayMs = DEFAULT_INDEX_DELAY_MS,
  ) {
    this.store = new SearchStore(db, dialect);
  }

  afterApplied(change: AppliedChange): void {
    this.documentChanged(change.documentName);
  }

  documentChanged(documentName: string): void {
    if (parseDocumentName(documentName) === null) return;
    this.dirtyDocuments.add(documentName);
    this.schedule();
  }

  partnershipRowsChanged(partnershipId: string): void {
    this.dirtyRows.add(partnershipId);
    this.schedule();
  }

  /**
   * `feed` as it was, also telling the index of every partnership event: each is published
   * once its change is stored. A meeting's change may rename its agenda, which titles its notes.
   */
  following(feed: FeedEvents): FeedEvents {
    return {
      publish: (topic, event) => {
        feed.publish(topic, event);
        if (topic.kind === "partnership") this.partnershipEvent(topic, event as PartnershipEvent);
      },
      subscribe: (topic, listener) => feed.subscribe(topic, listener),
    };
  }

  private partnershipEvent(topic: FeedTopic & { kind: "partnership" }, event: PartnershipEvent) {
    this.partnershipRowsChanged(topic.partnershipId);
    if (event.type === "meeting.changed") {
      this.documentChanged(
        formatDocumentName({
          kind: "meeting",
          partnershipId: topic.partnershipId,
          meetingId: event.meetingId,
        }),
      );
    }
  }

  /**
   * Reads again whatever was stored while the index was not watching (before this version,
   * while the server was down, or by a process without the index): documents with updates
   * past the last one read, and every partnership's rows.
   */
  async catchUp(): Promise<void> {
    const [documents, indexed, partnerships] = await Promise.all([
      this.db
        .selectFrom("document_updates")
        .select(["document_name", (eb) => eb.fn.max("id").as("last")])
        .groupBy("document_name")
        .execute(),
      this.db.selectFrom("search_documents").select(["document_name", "last_update_id"]).execute(),
      this.db.selectFrom("partnerships").select("id").execute(),
    ]);
    const seen = new Map(indexed.map((d) => [d.document_name, Number(d.last_update_id)]));
    for (const { document_name, last } of documents) {
      if ((seen.get(document_name) ?? -1) < Number(last)) this.documentChanged(document_name);
    }
    for (const { id } of partnerships) this.partnershipRowsChanged(id);
  }

  /** Starts with {@link catchUp} (in the background: the server serves meanwhile). */
  start(): void {
    this.running = this.running.then(() => this.guarded(() => this.catchUp(), {}));
  }

  /** Resolves once every change the index was told of so far is in the index. */
  async idle(): Promise<void> {
    while (this.timer !== undefined || this.dirtyDocuments.size > 0 || this.dirtyRows.size > 0) {
      if (this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.running = this.running.then(() => this.flush());
      }
      await this.running;
    }
    await this.running;
  }

  /** Stops watching; resolves once the index work under way is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped || this.timer !== undefined) return;
    // While a large document is being typed in, reading it again after every change
    // would keep a core busy: wait at least as long as the last pass took.
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.running = this.running.then(() => this.flush());
      },
      Math.max(this.delayMs, this.lastFlushMs),
    );
  }

  private async flush(): Promise<void> {
    const started = Date.now();
    try {
      await this.flushPending();
    } finally {
      this.lastFlushMs = Math.min(Date.now() - started, MAX_BACKOFF_MS);
    }
  }

  private async flushPending(): Promise<void> {
    const documents = [...this.dirtyDocuments];
    const partnerships = [...this.dirtyRows];
    this.dirtyDocuments.clear();
    this.dirtyRows.clear();
    // A pass over many changed documents would otherwise hold the loop for its whole length.
    for (const name of documents) {
      await nextTurn();
      if (this.stopped) return;
      await this.guarded(() => this.indexDocument(name), { documentName: name });
    }
    for (const partnershipId of partnerships) {
      await nextTurn();
      if (this.stopped) return;
      await this.guarded(() => this.indexRows(partnershipId), { partnershipId });
    }
  }

  private async guarded(work: () => Promise<void>, context: Record<string, string>) {
    try {
      await work();
    } catch (err) {
      // The next change of the same source reads it again; search stays up meanwhile.
      this.logger.error({ err, ...context }, "could not index for search");
    }
  }

  private async indexDocument(documentName: string): Promise<void> {
    const ref = parseDocumentName(documentName);
    if (ref === null) return;
    const last = await this.db
      .selectFrom("document_updates")
      .select((eb) => eb.fn.max("id").as("last"))
      .where("document_name", "=", documentName)
      .executeTakeFirst();
    let meeting: MeetingTitles | null = null;
    if (ref.kind === "meeting") {
      meeting = await this.meetingTitles(ref.meetingId);
      if (meeting === null) {
        await this.store.replaceSource(documentName, []);
        return;
      }
    }
    const entries = await this.documents.readInPlace(documentName, (doc) =>
      documentEntries(ref, documentName, doc, meeting),
    );
    await this.store.replaceSource(documentName, entries);
    const lastUpdateId = Number(last?.last ?? 0);
    await this.db
      .insertInto("search_documents")
      .values({ document_name: documentName, last_update_id: lastUpdateId })
      .onConflict((oc) => oc.column("document_name").doUpdateSet({ last_update_id: lastUpdateId }))
      .execute();
  }

  private async indexRows(partnershipId: string): Promise<void> {
    await this.store.replaceSource(
      rowsSource(partnershipId),
      await partnershipRowEntries(this.db, partnershipId),
    );
    // Notes of meetings deleted since: their document is gone, so nothing else tells.
    const meetingSources = await this.store.sourcesLike(`${partnershipId}/meeting/`);
    for (const source of meetingSources) {
      const ref = parseDocumentName(source);
      if (ref?.kind !== "meeting") continue;
      if ((await this.meetingTitles(ref.meetingId)) === null) {
        await this.store.replaceSource(source, []);
      }
    }
  }

  private async meetingTitles(meetingId: string): Promise<MeetingTitles | null> {
    const meeting = await this.db
      .selectFrom("meetings")
      .select("title")
      .where("id", "=", meetingId)
      .executeTakeFirst();
    if (!meeting) return null;
    const agendaItems = await this.db
      .selectFrom("agenda_items")
      .select(["id", "title"])
      .where("meeting_id", "=", meetingId)
      .orderBy("position")
      .execute();
    return { title: meeting.title, agendaItems };
  }
}
