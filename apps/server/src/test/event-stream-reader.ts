/** One message of a Server-Sent Events stream: an event's JSON data, or a comment line. */
export type StreamMessage = { kind: "event"; data: unknown } | { kind: "comment"; text: string };

/**
 * Reads the event streams of {@link eventStream} from a response body, as `EventSource`
 * would but with comments kept: for tests (in memory or over HTTP) and tools.
 */
export class EventStreamReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private readonly ready: StreamMessage[] = [];

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next message; rejects after `timeoutMs` or when the stream ends. */
  async next(timeoutMs = 5000): Promise<StreamMessage> {
    const deadline = Date.now() + timeoutMs;
    while (this.ready.length === 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error("no event in time")),
          Math.max(0, deadline - Date.now()),
        );
      });
      try {
        const { done, value } = await Promise.race([this.reader.read(), timeout]);
        if (done) throw new Error("the stream ended");
        this.buffer += this.decoder.decode(value, { stream: true });
        this.parse();
      } finally {
        clearTimeout(timer);
      }
    }
    return this.ready.shift()!;
  }

  /** The data of the next event (comments skipped) that `accept` takes. */
  async nextEvent<T = unknown>(
    accept: (data: T) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = await this.next(Math.max(1, deadline - Date.now()));
      if (message.kind === "event" && accept(message.data as T)) return message.data as T;
    }
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }

  private parse(): void {
    for (let end = this.buffer.indexOf("\n\n"); end !== -1; end = this.buffer.indexOf("\n\n")) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const lines = block.split("\n");
      const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart());
      if (data.length > 0) {
        this.ready.push({ kind: "event", data: JSON.parse(data.join("\n")) as unknown });
        continue;
      }
      for (const line of lines.filter((l) => l.startsWith(":"))) {
        this.ready.push({ kind: "comment", text: line.slice(1).trim() });
      }
    }
  }
}
