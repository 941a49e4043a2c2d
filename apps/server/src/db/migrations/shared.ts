import type { Dialect } from "../database.js";

/** Binary columns (Yjs updates and states). */
export function blobType(dialect: Dialect): "bytea" | "blob" {
  return dialect === "postgres" ? "bytea" : "blob";
}

/** Milliseconds since the epoch: past 32 bits, so `bigint` on PostgreSQL. */
export function millisType(dialect: Dialect): "bigint" | "integer" {
  return dialect === "postgres" ? "bigint" : "integer";
}
