import { sql, type RawBuilder } from "kysely";
import type { Cursor } from "@entente/protocol/schemas";

export function formatCursor(row: { created_at: number; id: string }): string {
  return `${row.created_at}.${row.id}`;
}

/** The page and the cursor of the next one, from a query that fetched `limit + 1` rows. */
export function page<T extends { created_at: number; id: string }>(
  rows: T[],
  limit: number,
): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  return { rows: kept, nextCursor: formatCursor(kept[kept.length - 1]!) };
}

/** Rows after `cursor` in newest-first order, for the table's `created_at` and `id` columns. */
export function olderThan(createdAt: string, id: string, cursor: Cursor): RawBuilder<boolean> {
  const time = sql.ref(createdAt);
  return sql<boolean>`(${time} < ${cursor.createdAt} or (${time} = ${cursor.createdAt} and ${sql.ref(id)} < ${cursor.id}))`;
}
