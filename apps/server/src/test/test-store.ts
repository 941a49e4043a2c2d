import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openStore, type Store } from "../db/database.js";
import { migrateToLatest } from "../db/migrations.js";

/** A real SQLite file in a fresh temporary folder; removed by `cleanup`. */
export function tempSqliteUrl(): { url: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-test-"));
  return {
    url: `sqlite:${path.join(dir, "entente.sqlite")}`,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export async function openMigratedStore(url: string): Promise<Store> {
  const store = openStore(url);
  await migrateToLatest(store.db, store.dialect);
  return store;
}
