import { parseDocumentName } from "@entente/domain";
import * as Y from "yjs";
import type { Store } from "../db/database.js";
import { CurrentDocuments } from "../sync/document-reader.js";
import type { DocumentObserver } from "../sync/document-observers.js";
import { listEntryChanges } from "../sync/entry-diff.js";
import { SqlUpdateLog, type UpdateStamp } from "../sync/update-log.js";

const SERVER: UpdateStamp = { userId: null, organizationId: null };

/**
 * Changes a stored document the way a client's edit would end up: the change is appended
 * to the update log as one Yjs update. For API tests, which have no live rooms.
 */
export async function changeDocument(
  store: Store,
  name: string,
  change: (doc: Y.Doc) => void,
  stamp: UpdateStamp = SERVER,
): Promise<void> {
  const log = new SqlUpdateLog(store);
  const doc = await new CurrentDocuments(log).readDocument(name);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  try {
    change(doc);
  } finally {
    doc.destroy();
  }
  if (updates.length > 0) await log.append(name, Y.mergeUpdates(updates), stamp);
}

/**
 * {@link changeDocument}, then tells `observer` what changed in the document's entries, the
 * way a live room tells its observers (the server's records of who changed what).
 */
export async function changeObservedDocument(
  store: Store,
  observer: DocumentObserver,
  name: string,
  change: (doc: Y.Doc) => void,
  stamp: UpdateStamp,
): Promise<void> {
  const documents = new CurrentDocuments(new SqlUpdateLog(store));
  const before = await documents.readDocument(name);
  await changeDocument(store, name, change, stamp);
  const after = await documents.readDocument(name);
  const ref = parseDocumentName(name);
  try {
    const changes = ref ? listEntryChanges(ref.kind, before, after) : [];
    await observer.afterApplied(
      { documentName: name, stamp, at: Date.now(), source: "client", changes },
      { applyServerChange: () => Promise.resolve() },
    );
  } finally {
    before.destroy();
    after.destroy();
  }
}
