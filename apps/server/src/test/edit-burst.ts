import * as Y from "yjs";
import type { Store } from "../db/database.js";
import { openStore } from "../db/database.js";
import { SqlUpdateLog, applyStoredDocument } from "../sync/update-log.js";
import { appendParagraph, paragraphs } from "./charter-text.js";
import type { SyncClient } from "./sync-client.js";

/** Paragraphs the clients of an edit burst wrote, and how to stop them. */
export interface EditBurst {
  /** Every paragraph any client wrote so far: each unique. */
  readonly written: readonly string[];
  stop(): void;
}

/**
 * Each client appends a charter paragraph every `everyMs` (`<i>-<n>` for client `i`), as
 * people typing at once do, whether its socket is open or not: a stock client keeps
 * offline edits and sends them when it reconnects.
 */
export function startEditBurst(clients: readonly SyncClient[], everyMs = 20): EditBurst {
  const written: string[] = [];
  const timers = clients.map((client, index) => {
    let count = 0;
    return setInterval(() => {
      const text = `${index}-${count++}`;
      appendParagraph(client.doc, text);
      written.push(text);
    }, everyMs);
  });
  return {
    written,
    stop: () => {
      for (const timer of timers) clearInterval(timer);
    },
  };
}

/** The charter's paragraphs as stored in the database at `databaseUrl` (read with the server's own log). */
export async function storedParagraphs(
  databaseUrl: string,
  documentName: string,
): Promise<string[]> {
  const store: Store = openStore(databaseUrl);
  try {
    const doc = new Y.Doc();
    applyStoredDocument(doc, await new SqlUpdateLog(store).load(documentName), null);
    const texts = paragraphs(doc);
    doc.destroy();
    return texts;
  } finally {
    await store.close();
  }
}

/** The texts of `expected` missing from `actual` (at most a few, for a readable failure). */
export function missingTexts(expected: readonly string[], actual: readonly string[]): string[] {
  const present = new Set(actual);
  return expected.filter((text) => !present.has(text)).slice(0, 10);
}

/** Polls the asynchronous `check` every `everyMs` until it answers true, or fails after `timeoutMs`. */
export async function eventuallyAsync(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
