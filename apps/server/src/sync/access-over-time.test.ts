import { formatDocumentName } from "@entente/domain";
import { CloseCode } from "@entente/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { eventually, LiveServer, type SyncClient } from "../test/live-server.js";
import { awarenessFrame } from "../test/awareness-frame.js";

function closeCodeOf(client: SyncClient) {
  return new Promise<number>((resolve) => {
    client.provider.on("connection-close", (event: { code: number } | null) =>
      resolve(event?.code ?? 0),
    );
  });
}

describe("access over time and abuse guards on the sync endpoint", () => {
  let live: LiveServer;

  afterEach(async () => {
    await live.close();
  });

  it("closes a socket with 4401 within a second of its session expiring", async () => {
    live = await LiveServer.start();
    const cast = await live.twoOrganizations();
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    const north = live.connect(charter, cast.north.cookie);
    await north.synced;
    const closed = closeCodeOf(north);

    await live.server.store.db
      .updateTable("sessions")
      .set({ expires_at: Date.now() - 1 })
      .where("user_id", "=", cast.north.id)
      .execute();
    const expiredAt = Date.now();

    expect(await closed).toBe(CloseCode.Unauthorized);
    // Checked every 500 ms; the margin absorbs a loaded CI machine, not a 30 s heartbeat.
    expect(Date.now() - expiredAt).toBeLessThan(2000);
    expect(await live.upgradeStatus(charter, cast.north.cookie)).toBe(401);
  });

  it("closes a removed member's sockets with 4403 and refuses them afterwards", async () => {
    live = await LiveServer.start();
    const cast = await live.twoOrganizations();
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    const viewer = live.connect(charter, cast.northViewer.cookie);
    const south = live.connect(charter, cast.south.cookie);
    await Promise.all([viewer.synced, south.synced]);
    const viewerClosed = closeCodeOf(viewer);
    let southClosed = false;
    south.provider.on("connection-close", () => (southClosed = true));

    expect((await live.removeMember(cast.partnershipId, cast.northViewer, cast.north)).status).toBe(
      204,
    );
    expect(await viewerClosed).toBe(CloseCode.Forbidden);
    expect(await live.upgradeStatus(charter, cast.northViewer.cookie)).toBe(403);
    expect(southClosed).toBe(false);
  });

  it("refuses a cross-site upgrade with 403 even with a valid cookie", async () => {
    live = await LiveServer.start();
    const cast = await live.twoOrganizations();
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    expect(
      await live.upgradeStatus(charter, cast.north.cookie, { origin: "https://evil.example" }),
    ).toBe(403);
    const sameHost = new URL(live.url).host;
    expect(
      await live.upgradeStatus(charter, cast.north.cookie, { origin: `http://${sameHost}` }),
    ).toBe("open");
  });

  it("rate-limits connection attempts per user with HTTP 429 at the upgrade", async () => {
    live = await LiveServer.start({
      syncLimits: { connectionsPerUser: { max: 3, windowMs: 60_000 } },
    });
    const cast = await live.twoOrganizations();
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await live.upgradeStatus(charter, cast.north.cookie));
    expect(statuses).toEqual(["open", "open", "open", 429, 429]);
    expect(await live.upgradeStatus(charter, cast.south.cookie)).toBe("open");
  });

  it("rate-limits connection attempts per address before authentication", async () => {
    live = await LiveServer.start({
      syncLimits: { connectionsPerAddress: { max: 4, windowMs: 60_000 } },
    });
    const charter = "x/charter";
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await live.upgradeStatus(charter));
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it("lets a socket set awareness only for its own client ids, and removes its states when it closes", async () => {
    live = await LiveServer.start();
    const cast = await live.twoOrganizations();
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    const north = live.connect(charter, cast.north.cookie);
    const south = live.connect(charter, cast.south.cookie);
    await Promise.all([north.synced, south.synced]);
    north.provider.awareness.setLocalStateField("user", { name: "Nora North" });
    south.provider.awareness.setLocalStateField("user", { name: "Sam South" });
    const northId = north.doc.clientID;
    const southId = south.doc.clientID;
    await eventually(
      () => south.provider.awareness.getStates().get(northId)?.user?.name === "Nora North",
    );

    // Sam's second socket tries to speak for Nora's caret: the entry is dropped.
    const forger = new WebSocket(`${live.syncUrl}/${charter}`, {
      headers: { cookie: cast.south.cookie },
    });
    await new Promise((resolve) => forger.once("open", resolve));
    forger.send(awarenessFrame(northId, 10_000, { user: { name: "Forged" } }));
    forger.send(awarenessFrame(northId, 10_001, null));
    forger.send(awarenessFrame(777, 1, { user: { name: "Sam South" }, tab: "other" }));
    await eventually(() => north.provider.awareness.getStates().get(777)?.tab === "other");
    expect(south.provider.awareness.getStates().get(northId)?.user?.name).toBe("Nora North");
    expect(north.provider.awareness.getStates().get(northId)?.user?.name).toBe("Nora North");
    forger.close();
    await eventually(
      () => !north.provider.awareness.getStates().has(777),
      5000,
      "forger's state removed",
    );

    // Sam's tab dies without saying goodbye: Nora must not keep a ghost caret.
    south.provider.shouldConnect = false;
    (south.provider.ws as unknown as WebSocket).terminate();
    await eventually(
      () => !north.provider.awareness.getStates().has(southId),
      5000,
      "ghost caret removed",
    );
  });
});
