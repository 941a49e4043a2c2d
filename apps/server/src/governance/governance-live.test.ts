import { formatDocumentName } from "@entente/domain";
import { CloseCode } from "@entente/protocol";
import { CHARTER_FRAGMENT } from "@entente/editor";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eventually } from "../test/live-server.js";
import { useLiveServer } from "../test/live-fixture.js";
import { appendParagraph } from "../test/charter-text.js";

describe("charter endorsements against a live room", () => {
  const ctx = useLiveServer("all");

  it("versions what connected clients just wrote, and sees the charter move on while they type", async () => {
    const charter = formatDocumentName({ kind: "charter", partnershipId: ctx.cast.partnershipId });
    const path = `/api/partnerships/${ctx.cast.partnershipId}/charter`;
    const status = async () =>
      (await ctx.live.api("GET", `${path}/status`, undefined, ctx.cast.north.cookie)).body.status;
    const north = ctx.live.connect(charter, ctx.cast.north.cookie);
    await north.synced;
    const empty = (await status()).version as string;

    appendParagraph(north.doc, "Purpose: low-carbon logistics.");
    // The room is loaded (a socket is open): the version comes from it, not from a reload.
    await eventually(() => ctx.live.server.rooms.size === 1, 5000, "room loaded");
    let version = empty;
    const deadline = Date.now() + 5000;
    while (version === empty && Date.now() < deadline) version = (await status()).version;
    expect(version).not.toBe(empty);

    const endorsed = await ctx.live.api(
      "POST",
      `${path}/endorsements`,
      { version },
      ctx.cast.north.cookie,
    );
    expect(endorsed.status).toBe(201);
    expect(
      (await ctx.live.api("POST", `${path}/endorsements`, { version }, ctx.cast.south.cookie))
        .status,
    ).toBe(201);
    expect((await status()).ratified).toBe(true);

    // Still connected: the next keystroke changes the version the room reports.
    appendParagraph(north.doc, "Scope: three regions.");
    let after = await status();
    const later = Date.now() + 5000;
    while (!after.changedSinceEndorsement && Date.now() < later) after = await status();
    expect(after.ratified).toBe(false);
    expect(after.endorsements.map((e: any) => e.current)).toEqual([false, false]);
    const stale = await ctx.live.api(
      "POST",
      `${path}/endorsements`,
      { version },
      ctx.cast.south.cookie,
    );
    expect(stale.status).toBe(409);
    north.destroy();
  });

  it("stays ratified through a hostile client's write outside the text and an edit it undoes", async () => {
    const charter = formatDocumentName({ kind: "charter", partnershipId: ctx.cast.partnershipId });
    const path = `/api/partnerships/${ctx.cast.partnershipId}/charter`;
    const status = async () =>
      (await ctx.live.api("GET", `${path}/status`, undefined, ctx.cast.north.cookie)).body.status;
    // The stock y-websocket client of a Southpeak editor: it may write anything to the doc.
    const south = ctx.live.connect(charter, ctx.cast.south.cookie);
    await south.synced;
    const room = () => ctx.live.server.rooms.get(charter)?.doc;
    const version = (await status()).version as string;
    for (const cookie of [ctx.cast.north.cookie, ctx.cast.south.cookie]) {
      const endorsed = await ctx.live.api("POST", `${path}/endorsements`, { version }, cookie);
      expect(endorsed.status).toBe(201);
    }
    expect((await status()).ratified).toBe(true);

    // A write outside the text: the update guard refuses a root the charter does not have
    // (the socket is closed, nothing is stored), and the version does not move.
    const closed = new Promise<number>((resolve) =>
      south.provider.once("connection-close", (event: { code: number } | null) =>
        resolve(event?.code ?? 0),
      ),
    );
    south.doc.getMap("hostile").set("note", "nobody sees this");
    expect(await closed).toBe(CloseCode.InvalidMessage);
    south.destroy();
    expect(room()?.share.has("hostile")).toBe(false);
    const afterHidden = await status();
    expect(afterHidden.version).toBe(version);
    expect(afterHidden.ratified).toBe(true);

    // An edit, then its undo: the same visible text is the same version.
    const editor = ctx.live.connect(charter, ctx.cast.south.cookie);
    await editor.synced;
    const undo = new Y.UndoManager(editor.doc.getXmlFragment(CHARTER_FRAGMENT));
    appendParagraph(editor.doc, "Northwind pays every cost.");
    await eventually(() => room()?.getXmlFragment(CHARTER_FRAGMENT).length === 3, 5000, "typed");
    expect((await status()).ratified).toBe(false);
    undo.undo();
    await eventually(() => room()?.getXmlFragment(CHARTER_FRAGMENT).length === 2, 5000, "undone");
    const undone = await status();
    expect(undone.version).toBe(version);
    expect(undone.ratified).toBe(true);
    expect(undone.endorsements.map((e: { current: boolean }) => e.current)).toEqual([true, true]);
    editor.destroy();
  });
});
