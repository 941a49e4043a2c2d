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
  ) {}

  add(rows: readonly Row[]): Promise<Result[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, settle: { resolve, reject } });
      this.startWrites();
    });
  }

  private startWrites(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = [this.waiting.shift()!];
      let rows = batch[0]!.rows.length;
      while (this.waiting.length > 0 && rows + this.waiting[0]!.rows.length <= this.maxRows) {
        const next = this.waiting.shift()!;
        rows += next.rows.length;
        batch.push(next);
      }
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.startWrites();
      });
    }
  }

  private async run(batch: { rows: readonly Row[]; settle: Settle<Result[]> }[]): Promise<void> {
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
