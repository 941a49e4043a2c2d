import { MessageType } from "@entente/protocol";
import * as encoding from "lib0/encoding";

/**
 * An awareness frame as a client could put it on the wire, written byte by byte (not
 * through y-protocols' Awareness): one entry for `clientId` at `clock` with `state`, which
 * may claim anything, such as another user's identity.
 */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MessageType.Awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}
