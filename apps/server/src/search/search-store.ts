import { createHash } from "node:crypto";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Dialect } from "../db/database.js";
import type { Database } from "../db/schema.js";
import { INDEXED_TEXT_MAX, type IndexedEntry } from "./search-entries.js";
import { foldText, foldedWords, frenchMinimalStem } from "./text-folding.js";

/** Where a caller may look: a partnership, as the organization of their seat in it. */
export interface SearchScope {
  partnershipId: string;
  organizationId: string;
}

/** One entry the store found, best first. */
export interface StoredHit {
  kind: string;
  partnershipId: string;
  documentName: string | null;
  organizationId: string | null;
  title: string;
  body: string;
  url: string;
}

interface HitRow {
  kind: string;
  partnership_id: string;
  document_name: string | null;
  organization_id: string | null;
  title: string;
  body: string;
  url: string;
}

const INSERT_CHUNK = 200;
const DELETE_CHUNK = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function contentHash(entry: IndexedEntry): string {
  return createHash("sha256").update(JSON.stringify(entry)).digest("hex");
}

function clip(text: string): string {
  return text.length > INDEXED_TEXT_MAX ? text.slice(0, INDEXED_TEXT_MAX) : text;
}

/** French stems of a text's folded words, for SQLite's `stems` column. */
function frenchStems(text: string): string {
  return foldedWords(text).map(frenchMinimalStem).join(" ");
}

/**
 * The index's tables on either store: SQLite FTS5 (`porter unicode61 remove_diacritics 2`
 * over title and body, plus a column of French stems), or a PostgreSQL tsvector of the
 * accent-folded text under the `english` and `french` configurations. Entries are written
 * by source (a document, or a partnership's rows): only what changed is rewritten.
 */
export class SearchStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** Makes the entries of `source` exactly `entries`. */
  async replaceSource(source: string, entries: readonly IndexedEntry[]): Promise<void> {
    const existing = await this.db
      .selectFrom("search_entries")
      .select(["id", "entry_key", "content_hash"])
      .where("source", "=", source)
      .execute();
    const byKey = new Map(existing.map((row) => [row.entry_key, row]));
    const wanted = new Map<string, { entry: IndexedEntry; hash: string }>();
    for (const entry of entries) wanted.set(entry.key, { entry, hash: contentHash(entry) });
    const changed = [...wanted.values()].filter(
      (w) => byKey.get(w.entry.key)?.content_hash !== w.hash,
    );
    const removed = existing
      .filter((row) => wanted.get(row.entry_key)?.hash !== row.content_hash)
      .map((row) => Number(row.id));
    if (changed.length === 0 && removed.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const ids of chunks(removed, DELETE_CHUNK)) {
        if (this.dialect === "sqlite") {
          await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(ids)})`.execute(trx);
        }
        await trx.deleteFrom("search_entries").where("id", "in", ids).execute();
      }
      for (const batch of chunks(changed, INSERT_CHUNK)) {
        if (this.dialect === "sqlite") await this.insertSqlite(trx, source, batch);
        else await this.insertPostgres(trx, source, batch);
      }
    });
  }

  private async insertSqlite(
    trx: Kysely<Database>,
    source: string,
    batch: { entry: IndexedEntry; hash: string }[],
  ): Promise<void> {
    await trx
      .insertInto("search_entries")
      .values(batch.map(({ entry, hash }) => row(source, entry, hash)))
      .execute();
    const ids = await trx
      .selectFrom("search_entries")
      .select(["id", "entry_key"])
      .where(
        "entry_key",
        "in",
        batch.map((b) => b.entry.key),
      )
      .execute();
    const idOf = new Map(ids.map((r) => [r.entry_key, Number(r.id)]));
    const values = batch.map(({ entry }) => {
      const title = clip(entry.title);
      const body = clip(entry.body);
      return sql`(${idOf.get(entry.key)}, ${title}, ${body}, ${frenchStems(`${title} ${body}`)})`;
    });
    await sql`INSERT INTO search_fts (rowid, title, body, stems) VALUES ${sql.join(values)}`.execute(
      trx,
    );
  }

  private async insertPostgres(
    trx: Kysely<Database>,
    source: string,
    batch: { entry: IndexedEntry; hash: string }[],
  ): Promise<void> {
    const values = batch.map(({ entry, hash }) => {
      const r = row(source, entry, hash);
      const title = foldText(clip(entry.title));
      const body = foldText(clip(entry.body));
      return sql`(${r.entry_key}, ${r.source}, ${r.partnership_id}, ${r.document_name},
        ${r.organization_id}, ${r.visible_to_organization_id}, ${r.kind}, ${r.title}, ${r.body},
        ${r.url}, ${r.content_hash},
        setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('french', ${title}), 'A')
        || setweight(to_tsvector('english', ${body}), 'D') || setweight(to_tsvector('french', ${body}), 'D'))`;
    });
    // Another instance may have indexed the same entry meanwhile: the latest read wins.
    await sql`INSERT INTO search_entries (entry_key, source, partnership_id, document_name,
        organization_id, visible_to_organization_id, kind, title, body, url, content_hash,
        search_vector)
      VALUES ${sql.join(values)}
      ON CONFLICT (entry_key) DO UPDATE SET source = excluded.source,
        partnership_id = excluded.partnership_id, document_name = excluded.document_name,
        organization_id = excluded.organization_id,
        visible_to_organization_id = excluded.visible_to_organization_id, kind = excluded.kind,
        title = excluded.title, body = excluded.body, url = excluded.url,
        content_hash = excluded.content_hash, search_vector = excluded.search_vector`.execute(trx);
  }

  /** The documents whose entries were read from these sources and that should go: a deleted meeting's notes. */
  async sourcesLike(prefix: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("search_entries")
      .select("source")
      .distinct()
      .where("source", "like", `${prefix.replace(/[%_\\]/g, "\\$&")}%`)
      .execute();
    return rows.map((r) => r.source);
  }

  /**
   * The best `limit` entries answering every term (folded words; each matches as an English
   * or French stem, or as a prefix), among those the scopes may see.
   */
  async find(
    terms: readonly string[],
    scopes: readonly SearchScope[],
    limit: number,
  ): Promise<StoredHit[]> {
    if (terms.length === 0 || scopes.length === 0) return [];
    const visible = sql.join(
      scopes.map(
        (s) =>
          sql`(e.partnership_id = ${s.partnershipId} AND (e.visible_to_organization_id IS NULL OR e.visible_to_organization_id = ${s.organizationId}))`,
      ),
      sql` OR `,
    );
    const rows =
      this.dialect === "sqlite"
        ? await this.findSqlite(terms, visible, limit)
        : await this.findPostgres(terms, visible, limit);
    return rows.map((r) => ({
      kind: r.kind,
      partnershipId: r.partnership_id,
      documentName: r.document_name,
      organizationId: r.organization_id,
      title: r.title,
      body: r.body,
      url: r.url,
    }));
  }

  private async findSqlite(
    terms: readonly string[],
    visible: RawBuilder<unknown>,
    limit: number,
  ): Promise<HitRow[]> {
    // Terms are folded runs of letters and digits: nothing in them is FTS5 syntax.
    const match = terms
      .map((t) => `({title body} : "${t}"* OR stems : "${frenchMinimalStem(t)}"*)`)
      .join(" AND ");
    const result = await sql<HitRow>`SELECT e.kind, e.partnership_id, e.document_name,
        e.organization_id, e.title, e.body, e.url
      FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid
      WHERE search_fts MATCH ${match} AND (${visible})
      ORDER BY bm25(search_fts, 4.0, 1.0, 1.0) LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }

  private async findPostgres(
    terms: readonly string[],
    visible: RawBuilder<unknown>,
    limit: number,
  ): Promise<HitRow[]> {
    const query = sql.join(
      terms.map(
        (t) => sql`(to_tsquery('english', ${`${t}:*`}) || to_tsquery('french', ${`${t}:*`}))`,
      ),
      sql` && `,
    );
    const result = await sql<HitRow>`SELECT e.kind, e.partnership_id, e.document_name,
        e.organization_id, e.title, e.body, e.url
      FROM search_entries e, (SELECT ${query} AS q) query
      WHERE e.search_vector @@ query.q AND (${visible})
      ORDER BY ts_rank(e.search_vector, query.q) DESC LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }
}

function row(source: string, entry: IndexedEntry, hash: string) {
  return {
    entry_key: entry.key,
    source,
    partnership_id: entry.partnershipId,
    document_name: entry.documentName,
    organization_id: entry.organizationId,
    visible_to_organization_id: entry.visibleToOrganizationId,
    kind: entry.kind,
    title: clip(entry.title),
    body: clip(entry.body),
    url: entry.url,
    content_hash: hash,
  };
}
