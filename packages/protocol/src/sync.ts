/** Path prefix of the y-websocket endpoint: `/sync/<documentName>`. */
export const SYNC_PATH = "/sync";

/** Name of the session cookie set by the HTTP API and read by the sync upgrade. */
export const SESSION_COOKIE = "entente_session";

/** y-websocket message types (first varint of every binary frame). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
