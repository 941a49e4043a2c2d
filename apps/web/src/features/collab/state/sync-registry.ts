import { pageSyncStatus, type SyncStatus } from "./sync-state";

/**
 * Every live document open in this tab publishes its status here (`useCollabDocument`),
 * whichever part of the page opened it; the header reads the page's one status and the
 * leave guard its unsaved changes. An external store for `useSyncExternalStore`.
 */
export class SyncRegistry {
  private readonly documents = new Map<object, SyncStatus>();
  private readonly listeners = new Set<() => void>();
  private summary: SyncStatus | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The page's status; the same object until something changes. */
  readonly getStatus = (): SyncStatus | null => this.summary;

  publish(owner: object, status: SyncStatus): void {
    const current = this.documents.get(owner);
    if (current && current.state === status.state && current.pending === status.pending) return;
    this.documents.set(owner, status);
    this.changed();
  }

  remove(owner: object): void {
    if (this.documents.delete(owner)) this.changed();
  }

  private changed(): void {
    const next = pageSyncStatus(this.documents.values());
    if (next?.state === this.summary?.state && next?.pending === this.summary?.pending) return;
    this.summary = next;
    for (const listener of this.listeners) listener();
  }
}

/** The tab's registry. */
export const syncRegistry = new SyncRegistry();
