import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EventStreams, type EventSourceLike, type StreamEvent } from "./event-streams";

/** Stands for the browser's `EventSource`: the test plays the server's side. */
class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  onopen: ((event: Event) => unknown) | null = null;
  onmessage: ((event: MessageEvent<string>) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;

  constructor(readonly url: string) {}

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  send(data: unknown): void {
    const text = typeof data === "string" ? data : JSON.stringify(data);
    this.onmessage?.(new MessageEvent("message", { data: text }));
  }

  /** A dropped connection the browser retries by itself. */
  drop(): void {
    this.readyState = 0;
    this.onerror?.(new Event("error"));
  }

  /** An error answer: the browser gives up on this source. */
  fail(): void {
    this.readyState = 2;
    this.onerror?.(new Event("error"));
  }

  close(): void {
    this.readyState = 2;
    this.closed = true;
  }
}

const RETRY_MS = 5_000;
const LINGER_MS = 1_000;
const URL_A = "/api/partnerships/a/events";
const URL_B = "/api/partnerships/b/events";

let sources: FakeEventSource[];
let streams: EventStreams;
let clock: number;

function listener(types: readonly string[] | null = null) {
  return {
    types,
    events: [] as StreamEvent[],
    states: [] as string[],
    opens: [] as boolean[],
    onEvent(event: StreamEvent) {
      this.events.push(event);
    },
    onState(state: string) {
      this.states.push(state);
    },
    onOpen(reopened: boolean) {
      this.opens.push(reopened);
    },
  };
}

/** The sources opened for `url` that are not closed. */
const live = (url: string) => sources.filter((s) => s.url === url && !s.closed);

beforeEach(() => {
  vi.useFakeTimers();
  sources = [];
  streams = new EventStreams({
    open: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    retryMs: RETRY_MS,
    lingerMs: LINGER_MS,
    now: () => clock,
  });
  clock = 100;
});

afterEach(() => {
  vi.useRealTimers();
});

describe("one stream per URL", () => {
  it("opens one source for any number of subscribers, and one per URL", () => {
    const first = listener();
    const second = listener();
    const third = listener();
    streams.subscribe(URL_A, first);
    streams.subscribe(URL_A, second);
    streams.subscribe(URL_A, third);
    streams.subscribe(URL_B, listener());
    expect(sources.map((s) => s.url)).toEqual([URL_A, URL_B]);
    expect(streams.state(URL_A)).toBe("connecting");

    sources[0]!.open();
    expect(streams.state(URL_A)).toBe("open");
    for (const each of [first, second, third]) {
      expect(each.states).toEqual(["open"]);
      expect(each.opens).toEqual([false]);
    }
  });

  it("parses each message once and gives each subscriber the types it asked for", () => {
    const comments = listener(["comment.created", "thread.resolved"]);
    const meetings = listener(["meeting.changed"]);
    const everything = listener();
    streams.subscribe(URL_A, comments);
    streams.subscribe(URL_A, meetings);
    streams.subscribe(URL_A, everything);
    const source = sources[0]!;
    source.open();

    source.send({ type: "comment.created", comment: { id: "c1" } });
    source.send({ type: "meeting.changed", meetingId: "m1" });
    source.send({ type: "post.seen", postId: "p1" });
    // Not JSON, not an object, no type: dropped for everyone.
    source.send("{not json");
    source.send("42");
    source.send({ meetingId: "m2" });

    expect(comments.events).toEqual([{ type: "comment.created", comment: { id: "c1" } }]);
    expect(meetings.events).toEqual([{ type: "meeting.changed", meetingId: "m1" }]);
    expect(everything.events.map((e) => e.type)).toEqual([
      "comment.created",
      "meeting.changed",
      "post.seen",
    ]);
  });

  it("stops delivering to a subscriber that left, and closes when the last one left", () => {
    const staying = listener();
    const leaving = listener();
    const unsubscribeStaying = streams.subscribe(URL_A, staying);
    const unsubscribeLeaving = streams.subscribe(URL_A, leaving);
    const source = sources[0]!;
    source.open();

    unsubscribeLeaving();
    unsubscribeLeaving(); // twice is once
    source.send({ type: "post.deleted", postId: "p1" });
    expect(leaving.events).toEqual([]);
    expect(staying.events).toHaveLength(1);
    vi.advanceTimersByTime(LINGER_MS * 10);
    expect(source.closed).toBe(false);

    unsubscribeStaying();
    // A moment's grace (a section replacing another keeps the connection)...
    expect(source.closed).toBe(false);
    vi.advanceTimersByTime(LINGER_MS);
    // ...then it is closed, and nothing is left open or scheduled.
    expect(source.closed).toBe(true);
    expect(streams.state(URL_A)).toBe("closed");
    vi.advanceTimersByTime(RETRY_MS * 10);
    expect(sources).toHaveLength(1);
  });

  it("keeps the connection for a subscriber that comes within the grace, without an opening", () => {
    const leaving = listener();
    streams.subscribe(URL_A, leaving)();
    sources[0]!.open();
    const unsubscribe = streams.subscribe(URL_A, listener());
    expect(live(URL_A)).toHaveLength(1);
    vi.advanceTimersByTime(LINGER_MS * 5);
    expect(live(URL_A)).toHaveLength(1);
    unsubscribe();
    vi.advanceTimersByTime(LINGER_MS);
    expect(live(URL_A)).toHaveLength(0);

    // Once closed, the next subscriber opens a new source.
    streams.subscribe(URL_A, listener());
    expect(sources).toHaveLength(2);
    expect(live(URL_A)).toHaveLength(1);
  });
});

describe("opened ahead of its subscribers", () => {
  it("says when the open stream opened, and nothing while it is not open", () => {
    streams.subscribe(URL_A, listener());
    expect(streams.openedAt(URL_A)).toBeNull();
    clock = 250;
    sources[0]!.open();
    clock = 900;
    expect(streams.openedAt(URL_A)).toBe(250);
    sources[0]!.drop();
    expect(streams.openedAt(URL_A)).toBeNull();
    sources[0]!.open();
    expect(streams.openedAt(URL_A)).toBe(900);
    expect(streams.openedAt(URL_B)).toBeNull();
  });

  it("keeps a stream opened ahead for its page's subscribers, and closes it if none came", () => {
    streams.openAhead(URL_A, 10_000);
    expect(live(URL_A)).toHaveLength(1);
    sources[0]!.open();
    const subscriber = listener(["x"]);
    const unsubscribe = streams.subscribe(URL_A, subscriber);
    vi.advanceTimersByTime(10_000 + LINGER_MS);
    // The page's subscriber holds the one connection; it joined an open stream: no opening.
    expect(live(URL_A)).toHaveLength(1);
    expect(subscriber.opens).toEqual([]);
    sources[0]!.send({ type: "x" });
    expect(subscriber.events).toEqual([{ type: "x" }]);
    unsubscribe();
    vi.advanceTimersByTime(LINGER_MS);
    expect(live(URL_A)).toHaveLength(0);

    streams.openAhead(URL_B, 10_000);
    vi.advanceTimersByTime(10_000 + LINGER_MS);
    expect(live(URL_B)).toHaveLength(0);
  });
});

describe("breaks and reopenings", () => {
  it("tells every subscriber the stream reopened after a break the browser recovered", () => {
    const early = listener();
    streams.subscribe(URL_A, early);
    const source = sources[0]!;
    source.open();
    // Joining an open stream: no opening now, but the next one follows a break.
    const late = listener();
    streams.subscribe(URL_A, late);
    expect(late.opens).toEqual([]);

    source.drop();
    expect(streams.state(URL_A)).toBe("connecting");
    expect(late.states).toEqual(["connecting"]);
    source.open();
    expect(early.opens).toEqual([false, true]);
    expect(late.opens).toEqual([true]);
    expect(sources).toHaveLength(1);
  });

  it("opens a new source after the browser gave up, and that opening is a reopening", () => {
    const subscriber = listener();
    streams.subscribe(URL_A, subscriber);
    sources[0]!.fail();
    expect(streams.state(URL_A)).toBe("closed");
    expect(subscriber.states).toEqual(["closed"]);

    vi.advanceTimersByTime(RETRY_MS - 1);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    expect(subscriber.states).toEqual(["closed", "connecting"]);

    // Whatever happened while it was closed was missed: the subscriber reads again.
    sources[1]!.open();
    expect(subscriber.opens).toEqual([true]);
    expect(subscriber.states).toEqual(["closed", "connecting", "open"]);
    // The source given up on says nothing any more.
    sources[0]!.send({ type: "post.deleted", postId: "p1" });
    expect(subscriber.events).toEqual([]);
  });

  it("does not reopen a stream whose last subscriber left while it waited to retry", () => {
    const unsubscribe = streams.subscribe(URL_A, listener());
    sources[0]!.fail();
    unsubscribe();
    vi.advanceTimersByTime(RETRY_MS * 3);
    expect(sources).toHaveLength(1);
    expect(streams.state(URL_A)).toBe("closed");
  });

  it("lets a subscriber leave while being told of an event", () => {
    const second = listener();
    let unsubscribeSecond = () => {};
    const first = {
      ...listener(),
      onEvent() {
        unsubscribeSecond();
      },
    };
    streams.subscribe(URL_A, first);
    unsubscribeSecond = streams.subscribe(URL_A, second);
    sources[0]!.open();
    sources[0]!.send({ type: "post.deleted", postId: "p1" });
    expect(second.events).toEqual([]);
  });
});
