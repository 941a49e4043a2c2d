import { formatDocumentName } from "@entente/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { eventually, LiveServer } from "../test/live-server.js";

type Cast = Awaited<ReturnType<LiveServer["twoOrganizations"]>>;

/**
 * The attack of the earlier run, with plain HTTP and raw sockets against a real server:
 * one user opening streams and sockets until the server grows. Each user holds at most
 * 50 live event streams and 200 sync sockets (the defaults); the next one is refused.
 */
describe("live streams and sync sockets per user", () => {
  let live: LiveServer;
  let cast: Cast;
  const aborts: AbortController[] = [];
  const sockets: WebSocket[] = [];

  beforeEach(async () => {
    live = await LiveServer.start();
    cast = await live.twoOrganizations();
  });

  afterEach(async () => {
    for (const abort of aborts.splice(0)) abort.abort();
    for (const socket of sockets.splice(0)) socket.terminate();
    await live.close();
  });

  /** Opens an event stream and keeps it open; its status and its abort. */
  const openStream = async (path: string, cookie: string) => {
    const abort = new AbortController();
    aborts.push(abort);
    const response = await fetch(`${live.url}${path}`, {
      headers: { cookie },
      signal: abort.signal,
    });
    if (response.status !== 200) {
      return { status: response.status, body: await response.json(), abort };
    }
    // Read the first chunk (": connected"): the stream is live on the server.
    const reader = response.body!.getReader();
    await reader.read();
    return { status: 200, body: null, abort };
  };

  /** Opens a raw sync socket; resolves with "open" (kept open) or the upgrade's status. */
  const openSocket = (documentName: string, cookie: string) =>
    new Promise<number | "open">((resolve, reject) => {
      const socket = new WebSocket(`${live.syncUrl}/${documentName}`, { headers: { cookie } });
      socket.on("unexpected-response", (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.on("open", () => {
        sockets.push(socket);
        resolve("open");
      });
      socket.on("error", (error) => {
        if (!String(error.message).includes("Unexpected server response")) reject(error);
      });
    });

  it("answers the 51st event stream of a user with 429 rate_limited, over both stream routes", async () => {
    const feed = `/api/partnerships/${cast.partnershipId}/events`;
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      statuses.push(
        (await openStream(i % 2 === 0 ? feed : "/api/notifications/events", cast.north.cookie))
          .status,
      );
    }
    expect(statuses.every((s) => s === 200)).toBe(true);

    for (const path of [feed, "/api/notifications/events"]) {
      const refused = await openStream(path, cast.north.cookie);
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({
        error: { code: "rate_limited", message: expect.any(String) },
      });
    }
    // Another user is not affected.
    expect((await openStream(feed, cast.south.cookie)).status).toBe(200);

    // Closing one stream frees its slot.
    aborts[0]!.abort();
    await eventually(() => live.server.services.eventStreams.count(cast.north.id) < 50);
    expect((await openStream(feed, cast.north.cookie)).status).toBe(200);
  });

  it("answers the 201st sync socket of a user with HTTP 429 on the upgrade", async () => {
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    const opened = await Promise.all(
      Array.from({ length: 200 }, () => openSocket(charter, cast.north.cookie)),
    );
    expect(opened.filter((o) => o === "open")).toHaveLength(200);

    expect(await openSocket(charter, cast.north.cookie)).toBe(429);
    expect(await openSocket(charter, cast.south.cookie)).toBe("open");

    // A socket that goes away gives its slot back.
    sockets[0]!.terminate();
    await eventually(() => live.server.sync.connectionCount < 201);
    // The slot comes back when the TCP connection is gone, a moment after the socket.
    let reopened: number | "open" = 429;
    for (let tries = 0; tries < 50 && reopened !== "open"; tries++) {
      reopened = await openSocket(charter, cast.north.cookie);
      if (reopened !== "open") await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reopened).toBe("open");
  });

  it("takes its limits from the configuration", async () => {
    await live.close();
    live = await LiveServer.start({ eventStreamsPerUser: 2, syncLimits: { socketsPerUser: 2 } });
    cast = await live.twoOrganizations();
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });

    const streams = [];
    for (let i = 0; i < 3; i++) {
      streams.push((await openStream("/api/notifications/events", cast.north.cookie)).status);
    }
    const upgrades = [];
    for (let i = 0; i < 3; i++) upgrades.push(await openSocket(charter, cast.north.cookie));

    expect(streams).toEqual([200, 200, 429]);
    expect(upgrades).toEqual(["open", "open", 429]);
  });
});
