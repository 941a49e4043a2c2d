/**
 * WebSocket close codes the sync server uses, with their reasons.
 * 4000–4999 is the application range; the x4xx codes mirror their HTTP meaning.
 */
export const CloseCode = {
  /** The server is restarting; reconnect at once. */
  ServiceRestart: 4000,
  /** A frame could not be decoded or was rejected by Yjs. */
  InvalidMessage: 4400,
  /** The session ended (logout or expiry) while the socket was open. */
  Unauthorized: 4401,
  /** The user lost access to the document while the socket was open. */
  Forbidden: 4403,
  /** The document was deleted while the socket was open (a meeting and its notes). */
  DocumentDeleted: 4404,
  /** The server could not store an update; the client should reconnect and resend. */
  StorageFailure: 4500,
  /**
   * The database stayed out of reach (a restart, a failover) longer than the server holds
   * unstored updates; reconnect after a pause and resend, as after 4500.
   */
  StorageUnavailable: 4503,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const CloseReason: Record<CloseCode, string> = {
  [CloseCode.ServiceRestart]: "service restart",
  [CloseCode.InvalidMessage]: "invalid message",
  [CloseCode.Unauthorized]: "unauthorized",
  [CloseCode.Forbidden]: "forbidden",
  [CloseCode.DocumentDeleted]: "document deleted",
  [CloseCode.StorageFailure]: "storage failure",
  [CloseCode.StorageUnavailable]: "storage unavailable",
};

/** Close codes after which a client must not reconnect without user action. */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.Unauthorized,
  CloseCode.Forbidden,
  CloseCode.DocumentDeleted,
]);
