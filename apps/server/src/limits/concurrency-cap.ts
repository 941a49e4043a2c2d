/**
 * How many of something (live event streams, sync sockets) each key (a user) holds at
 * once, in this process. A slot is taken before the thing opens and given back when it
 * ends, so a burst of parallel opens cannot all pass the check.
 */
export class ConcurrencyCap {
  private readonly held = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a slot of `key`: its release (safe to call twice), or null when all are taken. */
  acquire(key: string): (() => void) | null {
    const count = this.held.get(key) ?? 0;
    if (count >= this.max) return null;
    this.held.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(key) ?? 1) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
    };
  }

  /** Slots `key` holds now. */
  count(key: string): number {
    return this.held.get(key) ?? 0;
  }
}
