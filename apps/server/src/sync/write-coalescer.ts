/**
 * Coalesces writes that arrive while others are in flight into one: on PostgreSQL each
 * commit waits for the disk, so many rooms appending at once share one commit instead of
 * queueing for one each. A write alone goes at once; callers get their own results back.
 */
export class WriteCoalescer<Row, Result> {
  private readonly waiting: { rows: readonly Row[]; settle: Settle<Result[]> }[] = [];
  private inFlight = 0;

  constructor(
    /** Writes the rows in one statement; resolves with one result per row, in order. */
    private readonly write: (rows: readonly Row[]) => Promise<Result[]>,
    private readonly maxRows: number,
    private readonly maxInFlight: number,
    /**
     * Waited for before a write takes its rows, to let others join it: for a store whose
     * writes finish at once (SQLite), nothing would ever be in flight to wait behind.
     */
    private readonly gather?: () => Promise<void>,
  ) {}

  add(rows: readonly Row[]): Promise<Result[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, settle: { resolve, reject } });
      this.startWrites();
    });
  }

  private startWrites(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      this.inFlight += 1;
      const written = this.gather
        ? this.gather().then(() => this.run(this.takeBatch()))
        : this.run(this.takeBatch());
      void written.finally(() => {
        this.inFlight -= 1;
        this.startWrites();
      });
      // Gathering writers take their rows later: one at a time is enough.
      if (this.gather) return;
    }
  }

  /** The waiting writes that fit in one write, oldest first (at least one). */
  private takeBatch(): { rows: readonly Row[]; settle: Settle<Result[]> }[] {
    const batch = this.waiting.splice(0, 1);
    let rows = batch[0]?.rows.length ?? 0;
    while (this.waiting.length > 0 && rows + this.waiting[0]!.rows.length <= this.maxRows) {
      const next = this.waiting.shift()!;
      rows += next.rows.length;
      batch.push(next);
    }
    return batch;
  }

  private async run(batch: { rows: readonly Row[]; settle: Settle<Result[]> }[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      const results = await this.write(batch.flatMap((entry) => entry.rows));
      let offset = 0;
      for (const { rows, settle } of batch) {
        settle.resolve(results.slice(offset, offset + rows.length));
        offset += rows.length;
      }
    } catch (error) {
      for (const { settle } of batch) settle.reject(error);
    }
  }
}

interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}
