import { sql, type RawBuilder } from "kysely";
import { z } from "zod";

/** A position in a list ordered by (created_at, id), newest first: `<millis>.<id>`. */
export interface Cursor {
  createdAt: number;
  id: string;
}

/** `?before=` of paged lists: opaque to clients, checked here. */
export const CursorParam = z
  .string()
  .regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,64}$/, "not a cursor from this API")
  .transform((value): Cursor => {
    const dot = value.indexOf(".");
    return { createdAt: Number(value.slice(0, dot)), id: value.slice(dot + 1) };
  });

/** `?limit=`: 20 by default, at most 50. */
export const LimitParam = z.coerce.number().int().min(1).max(50).default(20);

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
