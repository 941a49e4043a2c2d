/**
 * Server-Sent Events streams shared by everything on a page. A browser gives an origin six
 * HTTP/1.1 connections, and an open stream holds one for as long as it lives: a stream per
 * feature and per tab would soon leave no connection for the API. So each URL has one
 * `EventSource`, opened by its first subscriber and closed shortly after its last one left,
 * and every message is parsed once and handed to the subscribers of its `type`.
 */

export type StreamState = "connecting" | "open" | "closed";

/** What a stream carries: JSON objects with a `type`. */
export interface StreamEvent {
  type: string;
}

/** The part of `EventSource` used here (tests give a fake one). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => unknown) | null;
  onmessage: ((event: MessageEvent<string>) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  close(): void;
}

export interface StreamSubscriber<E extends StreamEvent = StreamEvent> {
  /** The event types wanted; `null` for every event. */
  types: readonly string[] | null;
  onEvent: (event: E) => void;
  /** Every change of the stream's state. */
  onState?: (state: StreamState) => void;
  /**
   * The stream opened while subscribed (not called for a stream already open when
   * subscribing). `reopened`: it had opened before, or broke, since this subscriber came, so
   * events were missed: the server keeps no backlog, the subscriber reads again what it shows.
   */
  onOpen?: (reopened: boolean) => void;
}

export interface EventStreamsOptions {
  /** Opens a stream (`new EventSource(url)` in the browser). */
  open?: (url: string) => EventSourceLike;
  /** How long to wait before opening a stream again after the browser gave up on it. */
  retryMs?: number;
  /**
   * How long a stream stays open once its last subscriber left: a section replacing another
   * (or React mounting an effect twice in development) keeps the same connection.
   */
  lingerMs?: number;
  /** The clock `openedAt` reads (`performance.now()` in the browser). */
  now?: () => number;
}

/** `EventSource.CLOSED` (not read from the global: it is absent outside browsers). */
const CLOSED = 2;

interface Entry {
  subscriber: StreamSubscriber;
  /** Whether the next opening is a reopening for this subscriber. */
  missed: boolean;
}

interface Channel {
  url: string;
  source: EventSourceLike | null;
  state: StreamState;
  /** When the current connection opened (`null` while it is not open). */
  openedAt: number | null;
  entries: Set<Entry>;
  retry: ReturnType<typeof setTimeout> | undefined;
  linger: ReturnType<typeof setTimeout> | undefined;
}

function parse(data: string): StreamEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  return typeof (value as { type?: unknown }).type === "string" ? (value as StreamEvent) : null;
}

/**
 * One ref-counted `EventSource` per URL. The browser retries a dropped stream by itself;
 * when it gives up (the answer was an error status), the stream is opened anew after a pause.
 */
export class EventStreams {
  private readonly channels = new Map<string, Channel>();
  private readonly open: (url: string) => EventSourceLike;
  private readonly retryMs: number;
  private readonly lingerMs: number;
  private readonly now: () => number;

  constructor(options: EventStreamsOptions = {}) {
    this.open = options.open ?? ((url) => new EventSource(url));
    this.retryMs = options.retryMs ?? 5_000;
    this.lingerMs = options.lingerMs ?? 1_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Subscribes to the stream of `url` (opening it if needed); returns the unsubscribe. */
  subscribe<E extends StreamEvent>(url: string, subscriber: StreamSubscriber<E>): () => void {
    let channel = this.channels.get(url);
    if (!channel) {
      channel = {
        url,
        source: null,
        state: "connecting",
        openedAt: null,
        entries: new Set(),
        retry: undefined,
        linger: undefined,
      };
      this.channels.set(url, channel);
      this.connect(channel);
    }
    clearTimeout(channel.linger);
    channel.linger = undefined;
    const entry: Entry = {
      // Only the subscriber's own types, `E`, are delivered to it (see `types`).
      subscriber: subscriber as unknown as StreamSubscriber,
      // Joining an open stream: the next opening follows a break.
      missed: channel.state === "open",
    };
    channel.entries.add(entry);

    const subscribed = channel;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      subscribed.entries.delete(entry);
      if (subscribed.entries.size === 0) {
        subscribed.linger = setTimeout(() => this.close(subscribed), this.lingerMs);
      }
    };
  }

  /** The state of the stream of `url` (`closed` when nobody listens to it). */
  state(url: string): StreamState {
    return this.channels.get(url)?.state ?? "closed";
  }

  /**
   * When the stream of `url` last opened (on the `now` clock), `null` when it is not open.
   * The server subscribes before it answers, so whatever a request sent after that moment
   * reads, the stream reports every change made since.
   */
  openedAt(url: string): number | null {
    return this.channels.get(url)?.openedAt ?? null;
  }

  /**
   * Opens the stream of `url` ahead of its subscribers (a page that will listen to it, while
   * its script is still loading) and keeps it for `ms` if nobody subscribes meanwhile.
   */
  openAhead(url: string, ms: number): void {
    const release = this.subscribe(url, { types: [], onEvent: () => undefined });
    setTimeout(release, ms);
  }

  private connect(channel: Channel): void {
    this.setState(channel, "connecting");
    const source = this.open(channel.url);
    channel.source = source;
    source.onopen = () => {
      if (channel.source !== source) return;
      channel.openedAt = this.now();
      this.setState(channel, "open");
      for (const entry of [...channel.entries]) {
        if (!channel.entries.has(entry)) continue;
        const reopened = entry.missed;
        entry.missed = true;
        entry.subscriber.onOpen?.(reopened);
      }
    };
    source.onmessage = (message) => {
      if (channel.source !== source) return;
      const event = parse(message.data);
      if (!event) return;
      for (const entry of [...channel.entries]) {
        const { types } = entry.subscriber;
        if (channel.entries.has(entry) && (types === null || types.includes(event.type))) {
          entry.subscriber.onEvent(event);
        }
      }
    };
    source.onerror = () => {
      if (channel.source !== source) return;
      if (source.readyState === CLOSED) {
        channel.source = null;
        // Counts as a break for everyone: whatever happened meanwhile is read on the next open.
        for (const entry of channel.entries) entry.missed = true;
        this.setState(channel, "closed");
        channel.retry = setTimeout(() => {
          channel.retry = undefined;
          if (this.channels.get(channel.url) === channel) this.connect(channel);
        }, this.retryMs);
      } else {
        this.setState(channel, "connecting");
      }
    };
  }

  private setState(channel: Channel, state: StreamState): void {
    if (channel.state === state) return;
    channel.state = state;
    if (state !== "open") channel.openedAt = null;
    for (const entry of [...channel.entries]) {
      if (channel.entries.has(entry)) entry.subscriber.onState?.(state);
    }
  }

  private close(channel: Channel): void {
    if (channel.entries.size > 0 || this.channels.get(channel.url) !== channel) return;
    this.channels.delete(channel.url);
    clearTimeout(channel.retry);
    channel.source?.close();
    channel.source = null;
  }
}

/** The streams of this tab. */
export const eventStreams = new EventStreams();
