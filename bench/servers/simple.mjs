// Servers without accounts: the reference, the floor, Hocuspocus. Each runs as a child
// process of its own (bench/servers/*-server.mjs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import { HocuspocusClient } from "../clients/hocuspocus-client.mjs";
import { YwsClient } from "../clients/yws-client.mjs";
import { freePort, portOpen, startNode, waitUntil } from "../lib/children.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

async function startChild(script, env, label, nodeArgs = []) {
  const port = await freePort();
  const child = startNode(
    [...nodeArgs, path.join(here, script)],
    { PORT: String(port), ...env },
    {
      label,
    },
  );
  await waitUntil(() => portOpen(port), { child, what: label });
  return { port, child };
}

/** A server without persistence or authentication, whose documents are named by the URL. */
async function startPlain(script, key, label) {
  const { port, child } = await startChild(script, {}, key);
  return {
    key,
    label,
    persistent: false,
    pids: [child.pid],
    async prepare() {},
    docName: (i) => `doc-${i}`,
    connect(doc, _client, options) {
      return new YwsClient(`ws://127.0.0.1:${port}/doc-${doc}`, options);
    },
    stop: () => child.stop(),
  };
}

export const startReference = () =>
  startPlain("reference-server.mjs", "reference", "@y/websocket-server 0.1.1");

export const startFloor = () => startPlain("floor-server.mjs", "floor", "floor: bare ws broadcast");

export async function startHocuspocus() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-bench-hocuspocus-"));
  const file = path.join(dir, "hocuspocus.sqlite");
  const { port, child } = await startChild(
    "hocuspocus-server.mjs",
    { SQLITE_FILE: file },
    "hocuspocus",
  );
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  const upsert = sqlite.prepare(
    "INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data",
  );
  return {
    key: "hocuspocus",
    label: "Hocuspocus 3.4.4 (+ SQLite)",
    persistent: true,
    pids: [child.pid],
    async prepare() {},
    docName: (i) => `doc-${i}`,
    connect(doc, _client, options) {
      return new HocuspocusClient(`ws://127.0.0.1:${port}`, `doc-${doc}`, options);
    },
    /** Hocuspocus keeps no update log: its store holds the merged state only. */
    prefillLog(doc, updates, state) {
      upsert.run(`doc-${doc}`, state);
      return { stored: "merged state (Hocuspocus stores no update log)" };
    },
    prefillState(doc, state) {
      upsert.run(`doc-${doc}`, state);
    },
    async stop() {
      sqlite.close();
      await child.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
