import * as Y from "yjs";
import type { Store } from "../db/database.js";
import { CurrentDocuments } from "../sync/document-reader.js";
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
