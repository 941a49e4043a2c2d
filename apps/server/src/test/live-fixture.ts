import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import type { ServerConfig } from "../server.js";
import { EventStreamReader } from "./event-stream-reader.js";
import { LiveServer } from "./live-server.js";

/** Northwind and Southpeak in one partnership on a live server (see `twoOrganizations`). */
export type LiveOrganizations = Awaited<ReturnType<LiveServer["twoOrganizations"]>>;

/** What the tests of a suite that called `useLiveServer` find ready. */
export interface LiveFixture {
  readonly live: LiveServer;
  readonly cast: LiveOrganizations;
  /** {@link openEventStream} on the suite's server; the stream is closed before the server. */
  openEventStream(path: string, user: { cookie: string }): Promise<EventStreamReader>;
}

/**
 * The set-up of the suites that drive a real server: a `LiveServer` on its own store with
 * the `twoOrganizations` cast, started before each test (`"each"`) or once for the whole
 * `describe` (`"all"`), and closed after. Hooks the suite registers itself run after this
 * set-up and before this clean-up, so they may use both. `options` is asked for the server's
 * configuration when it starts (so it may read what earlier hooks set up).
 */
export function useLiveServer(
  scope: "each" | "all" = "each",
  options: () => Partial<ServerConfig> = () => ({}),
): LiveFixture {
  let live: LiveServer | undefined;
  let cast: LiveOrganizations | undefined;
  let streams: EventStreamReader[] = [];
  (scope === "each" ? beforeEach : beforeAll)(async () => {
    live = await LiveServer.start(options());
    cast = await live.twoOrganizations();
  });
  (scope === "each" ? afterEach : afterAll)(async () => {
    await Promise.all(streams.map((stream) => stream.close()));
    streams = [];
    await live?.close();
    live = undefined;
    cast = undefined;
  });
  const outside = () => new Error("the live server exists only while the suite runs");
  const started = () => {
    if (!live) throw outside();
    return live;
  };
  return {
    get live() {
      return started();
    },
    get cast() {
      if (!cast) throw outside();
      return cast;
    },
    async openEventStream(path, user) {
      const stream = await openEventStream(started(), path, user);
      streams.push(stream);
      return stream;
    },
  };
}

/**
 * Opens the event stream at `path` (`/api/notifications/events`, a partnership's `…/events`)
 * on `live`'s real socket as the holder of `cookie`; expects it open and saying "connected",
 * that is, the server listens for the caller from then on.
 */
export async function openEventStream(
  live: LiveServer,
  path: string,
  { cookie }: { cookie: string },
): Promise<EventStreamReader> {
  const response = await fetch(live.url + path, { headers: { cookie } });
  expect(response.status).toBe(200);
  const events = new EventStreamReader(response.body!);
  expect(await events.next()).toEqual({ kind: "comment", text: "connected" });
  return events;
}
