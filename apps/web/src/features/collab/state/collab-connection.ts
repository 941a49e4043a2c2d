import { SYNC_PATH, TERMINAL_CLOSE_CODES } from "@entente/protocol";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** A live Yjs document and the provider that syncs it with the server. */
export interface CollabConnection {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
}

function syncServerUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}${SYNC_PATH}`;
}

/**
 * A new document and its provider for `documentName`, not connected yet: the one way the
 * app builds them (`useCollabDocument`, and the early start of a page's document).
 */
export function createCollabConnection(documentName: string): CollabConnection {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(syncServerUrl(), documentName, ydoc, {
    connect: false,
    // 4401/4403/4404 are final: the session ended, access was withdrawn or the document
    // was deleted. Everything else (4000 restart, 4500 storage failure, network loss) is
    // worth another try.
    shouldReconnect: (event) => !TERMINAL_CLOSE_CODES.has(event.code),
  });
  return { ydoc, provider };
}

/** Disconnects (telling peers we left), stops the awareness and its renewal timer, frees the document. */
export function destroyCollabConnection({ ydoc, provider }: CollabConnection): void {
  // destroy() leaves the awareness and its timer running; both go here, then the document.
  provider.destroy();
  provider.awareness.destroy();
  ydoc.destroy();
}
