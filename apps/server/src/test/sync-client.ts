import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** A stock y-websocket client in Node, as the tests drive it. */
export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  destroy(): void;
}

/**
 * Connects a stock y-websocket client (Node `ws`, no BroadcastChannel, so it really talks
 * to the server) authenticated by `cookie`; `onDestroy` lets its owner forget it.
 */
export function connectSyncClient(
  syncUrl: string,
  documentName: string,
  cookie: string | undefined,
  onDestroy: (client: SyncClient) => void,
  doc = new Y.Doc(),
): SyncClient {
  const provider = new WebsocketProvider(syncUrl, documentName, doc, {
    WebSocketPolyfill: websocketWithCookie(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once("sync", (isSynced: boolean) => isSynced && resolve());
  });
  const client: SyncClient = {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
      onDestroy(client);
    },
  };
  return client;
}

function websocketWithCookie(cookie: string | undefined) {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}
