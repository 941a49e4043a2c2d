import { hasUnsafeNameCharacter } from "@entente/domain";
import { z } from "zod";

/*
 * The fields many request schemas share: ids, names people read, page cursors.
 */

export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not a valid id");

/**
 * The one schema of a name people read as someone's, an organization's or a partnership's:
 * trimmed, 1 to `max` characters, and free of control characters and bidirectional
 * overrides or isolates (which let a name print as another one).
 */
export function displayName(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !hasUnsafeNameCharacter(name), {
      message: "must not contain control characters or bidirectional formatting",
    });
}

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

/** Loopback issuers may use http (local tries, tests); every other issuer must be https. */
export function isLoopbackHttp(url: URL): boolean {
  return (
    url.protocol === "http:" &&
    (url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]")
  );
}
