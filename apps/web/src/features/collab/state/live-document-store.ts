import type { CollabSession } from "../hooks/use-collab-document";

/** What a document that is not open yet (or no longer) looks like to its readers. */
export const NOT_OPEN: CollabSession = { document: null, status: "connecting", deniedReason: null };

/**
 * The sessions of the live documents a page keeps open, by document name, as an external
 * store for `useSyncExternalStore`: the version changes whenever one session does.
 */
export class LiveDocumentStore {
  private readonly sessions = new Map<string, CollabSession>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getVersion = (): number => this.version;

  get(name: string): CollabSession {
    return this.sessions.get(name) ?? NOT_OPEN;
  }

  set(name: string, session: CollabSession): void {
    this.sessions.set(name, session);
    this.changed();
  }

  delete(name: string): void {
    if (this.sessions.delete(name)) this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
