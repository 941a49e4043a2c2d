import type { CloseCode } from "@entente/protocol";
import type { UpdateStamp } from "./update-log.js";

/** One open socket as a document's room sees it (sync-server.ts makes them). */
export interface SyncConnection {
  readonly access: "read" | "write";
  /** The session's user and their organization in the document's partnership. */
  readonly stamp: UpdateStamp;
  /** The account's name: the only name the socket's presence may show. */
  readonly userName: string;
  /** The name of `stamp.organizationId`: the only organization name its presence may show. */
  readonly organizationName: string;
  send(message: Uint8Array): void;
  close(code: CloseCode): void;
}
