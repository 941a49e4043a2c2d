// Hocuspocus 3 (the line that runs on Node 20; 4.x needs Node 22) with its Database
// extension over a better-sqlite3 file: what @hocuspocus/extension-sqlite does, without
// its `sqlite3` native addon (not buildable offline here). Stores the merged document
// state, debounced (2 s, at most 10 s), as Hocuspocus does; no authentication.
// Child process: PORT, SQLITE_FILE; exits when the harness's pipe closes.
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import SQLite from "better-sqlite3";
import { exitWithParent } from "../lib/children.mjs";

exitWithParent();
const sqlite = new SQLite(process.env.SQLITE_FILE);
sqlite.pragma("journal_mode = WAL");
sqlite.exec(
  "CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY NOT NULL, data BLOB NOT NULL)",
);
const select = sqlite.prepare("SELECT data FROM documents WHERE name = ?");
const upsert = sqlite.prepare(
  "INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data",
);
const server = new Server({
  port: Number(process.env.PORT),
  address: "127.0.0.1",
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => select.get(documentName)?.data ?? null,
      store: async ({ documentName, state }) => {
        upsert.run(documentName, state);
      },
    }),
  ],
});
await server.listen();
process.on("SIGTERM", async () => {
  await server.destroy();
  process.exit(0);
});
