/**
 * How the server instances that serve the same documents hear each other. One
 * instance alone uses `SINGLE_INSTANCE`, which carries nothing; several share a
 * `RedisBus`. Every update is stored before it is published, so the store stays the
 * truth: a message the bus loses is recovered by reading the document again.
 */

/** What one instance tells the others about a document it has loaded. */
export type DocumentMessage =
  /** A Yjs update it stored and sent to its own clients. */
  | { kind: "update"; update: Uint8Array }
  /** An awareness update of its clients; `userId` is who sent it (null for removals). */
  | { kind: "awareness"; userId: string | null; update: Uint8Array }
  /**
   * It was cut off from the others and is back: it may have missed their messages and
   * they may have missed its own, so each reloads the document from storage and sends
   * its clients' presence again.
   */
  | { kind: "rejoined" };

/** An HTTP action that ends access, for the sockets other instances hold. */
export type AccessChange =
  | { kind: "session-ended"; sessionId: string }
  | { kind: "partnership-access-ended"; userId: string; partnershipId: string }
  | { kind: "document-deleted"; documentName: string };

export type DocumentListener = (message: DocumentMessage) => void;

export interface InstanceBus {
  /**
   * Starts hearing the document. Resolves once every message published from now on
   * will reach `listener`, or at once while the bus is down (`onReconnect` follows).
   */
  subscribe(documentName: string, listener: DocumentListener): Promise<void>;
  unsubscribe(documentName: string, listener: DocumentListener): void;
  /** Sends to the other instances that have the document loaded; never to this one. */
  publish(documentName: string, message: DocumentMessage): void;
  publishAccessChange(change: AccessChange): void;
  onAccessChange(listener: (change: AccessChange) => void): void;
  /** A live event for other instances' open streams (the updates feed): JSON, opaque here. */
  publishLiveEvent(event: unknown): void;
  onLiveEvent(listener: (event: unknown) => void): void;
  /** Called when the bus is back after an outage, once every subscription is renewed. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/** The bus of an instance that serves its documents alone. */
export const SINGLE_INSTANCE: InstanceBus = {
  subscribe: () => Promise.resolve(),
  unsubscribe: () => {},
  publish: () => {},
  publishAccessChange: () => {},
  onAccessChange: () => {},
  publishLiveEvent: () => {},
  onLiveEvent: () => {},
  onReconnect: () => {},
  close: () => Promise.resolve(),
};
