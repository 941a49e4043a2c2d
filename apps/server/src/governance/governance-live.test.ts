import { formatDocumentName } from "@entente/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, LiveServer } from "../test/live-server.js";
import { appendParagraph } from "../test/charter-text.js";

describe("charter endorsements against a live room", () => {
  let live: LiveServer;
  let cast: Awaited<ReturnType<LiveServer["twoOrganizations"]>>;

  beforeAll(async () => {
    live = await LiveServer.start();
    cast = await live.twoOrganizations();
  });

  afterAll(async () => {
    await live.close();
  });

  it("versions what connected clients just wrote, and sees the charter move on while they type", async () => {
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    const path = `/api/partnerships/${cast.partnershipId}/charter`;
    const status = async () =>
      (await live.api("GET", `${path}/status`, undefined, cast.north.cookie)).body.status;
    const north = live.connect(charter, cast.north.cookie);
    await north.synced;
    const empty = (await status()).version as string;

    appendParagraph(north.doc, "Purpose: low-carbon logistics.");
    // The room is loaded (a socket is open): the version comes from it, not from a reload.
    await eventually(() => live.server.rooms.size === 1, 5000, "room loaded");
    let version = empty;
    const deadline = Date.now() + 5000;
    while (version === empty && Date.now() < deadline) version = (await status()).version;
    expect(version).not.toBe(empty);

    const endorsed = await live.api("POST", `${path}/endorsements`, { version }, cast.north.cookie);
    expect(endorsed.status).toBe(201);
    expect(
      (await live.api("POST", `${path}/endorsements`, { version }, cast.south.cookie)).status,
    ).toBe(201);
    expect((await status()).ratified).toBe(true);

    // Still connected: the next keystroke changes the version the room reports.
    appendParagraph(north.doc, "Scope: three regions.");
    let after = await status();
    const later = Date.now() + 5000;
    while (!after.changedSinceEndorsement && Date.now() < later) after = await status();
    expect(after.ratified).toBe(false);
    expect(after.endorsements.map((e: any) => e.current)).toEqual([false, false]);
    const stale = await live.api("POST", `${path}/endorsements`, { version }, cast.south.cookie);
    expect(stale.status).toBe(409);
    north.destroy();
  });
});
