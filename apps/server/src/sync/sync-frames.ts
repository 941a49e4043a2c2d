import { MessageType } from "@entente/protocol";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";
import { FrameRejectReason } from "../observability/metrics.js";

/**
 * The y-websocket frames a room sends (sync step 1, sync step 2 and updates, awareness)
 * and the error a frame it refuses raises: the room closes that socket with 4400.
 */

/** A frame that is malformed or asks for what its socket may not do. */
export class InvalidMessageError extends Error {
  constructor(readonly reason: FrameRejectReason = FrameRejectReason.InvalidMessage) {
    super(reason);
  }
}

/** Sync step 1: the document's state vector, asking the client for what the room lacks. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** A sync frame carrying `update`: sync step 2 (`messageYjsSyncStep2`) or an update. */
export function syncMessage(syncType: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness frame with the current states of `clientIds` (removed ones as removals). */
export function awarenessMessage(
  awareness: awarenessProtocol.Awareness,
  clientIds: number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds),
  );
  return encoding.toUint8Array(encoder);
}
