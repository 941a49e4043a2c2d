/** What the HTTP side tells the sync side when access ends. */
export interface LiveSockets {
  /** Logout or expiry: close the session's sockets with 4401. */
  closeSession(sessionId: string): void;
  /** Removal from a partnership: close the user's sockets on its documents with 4403. */
  closePartnershipAccess(userId: string, partnershipId: string): void;
  /**
   * The document was deleted (a meeting): close every socket on it with 4404, on every
   * instance, and unload its room. Called once its rows are gone.
   */
  closeDocument(documentName: string): void;
}
