import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT, charterPlainText } from "@entente/editor";
import { CloseCode } from "@entente/protocol";
import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eventually } from "../test/live-server.js";
import { useLiveServer } from "../test/live-fixture.js";
import { appendParagraph } from "../test/charter-text.js";
import { mulberry32 } from "../test/seeded-random.js";

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment(CHARTER_FRAGMENT)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement ? node.toArray() : []))
    .filter((node): node is Y.XmlText => node instanceof Y.XmlText);
}

describe("sync server with stock y-websocket clients", () => {
  const ctx = useLiveServer();
  let charter: string;

  beforeEach(() => {
    charter = formatDocumentName({ kind: "charter", partnershipId: ctx.cast.partnershipId });
  });

  it("converges edits of two organizations both ways, and a late joiner gets everything", async () => {
    const north = ctx.live.connect(charter, ctx.cast.north.cookie);
    const south = ctx.live.connect(charter, ctx.cast.south.cookie);
    await Promise.all([north.synced, south.synced]);

    appendParagraph(north.doc, "Northwind brings the cold-chain fleet.");
    await eventually(
      () => charterPlainText(south.doc).includes("cold-chain fleet"),
      5000,
      "north → south",
    );
    appendParagraph(south.doc, "Southpeak brings producer relationships.");
    await eventually(
      () => charterPlainText(north.doc).includes("producer relationships"),
      5000,
      "south → north",
    );
    expect(charterPlainText(north.doc)).toBe(charterPlainText(south.doc));

    const late = ctx.live.connect(charter, ctx.cast.northViewer.cookie);
    await late.synced;
    expect(charterPlainText(late.doc)).toBe(
      "Northwind brings the cold-chain fleet.\nSouthpeak brings producer relationships.",
    );
  });

  it("stores every update stamped with the sending user and organization", async () => {
    const north = ctx.live.connect(charter, ctx.cast.north.cookie);
    const south = ctx.live.connect(charter, ctx.cast.south.cookie);
    await Promise.all([north.synced, south.synced]);
    appendParagraph(north.doc, "from north");
    await eventually(() => charterPlainText(south.doc).includes("from north"));
    appendParagraph(south.doc, "from south");
    await eventually(() => charterPlainText(north.doc).includes("from south"));

    const rows = await ctx.live.server.store.db
      .selectFrom("document_updates")
      .select(["user_id", "organization_id", "update"])
      .where("document_name", "=", charter)
      .orderBy("id")
      .execute();
    const stamps = rows.map((r) => `${r.user_id}:${r.organization_id}`);
    expect(stamps).toContain(`${ctx.cast.north.id}:${ctx.cast.northOrg}`);
    expect(stamps).toContain(`${ctx.cast.south.id}:${ctx.cast.southOrg}`);
    // Only Yjs binary is stored: replaying the rows rebuilds the document.
    const replayed = new Y.Doc();
    for (const row of rows) Y.applyUpdate(replayed, row.update);
    expect(charterPlainText(replayed)).toBe("from north\nfrom south");
  });

  it("stores an edit sent just before the client left: closing right after the last keystroke loses nothing", async () => {
    const north = ctx.live.connect(charter, ctx.cast.north.cookie);
    await north.synced;
    // A page left (a route change, a closed tab) right after typing: the update frame is
    // the socket's last, immediately followed by its close.
    appendParagraph(north.doc, "Typed just before leaving.");
    north.destroy();

    // Another member opening the charter afterwards reads it from the server.
    const reader = ctx.live.connect(charter, ctx.cast.northViewer.cookie);
    await reader.synced;
    await eventually(
      () => charterPlainText(reader.doc).includes("Typed just before leaving."),
      5000,
      "the last edit before the close",
    );
    // And it is stored, not only held in the room's memory: replaying the log gives it.
    const rows = await ctx.live.server.store.db
      .selectFrom("document_updates")
      .select("update")
      .where("document_name", "=", charter)
      .execute();
    const replayed = new Y.Doc();
    for (const row of rows) Y.applyUpdate(replayed, row.update);
    expect(charterPlainText(replayed)).toContain("Typed just before leaving.");
  });

  it("serves the same content byte for byte after a restart from the same SQLite file", async () => {
    const north = ctx.live.connect(charter, ctx.cast.north.cookie);
    const south = ctx.live.connect(charter, ctx.cast.south.cookie);
    await Promise.all([north.synced, south.synced]);
    appendParagraph(north.doc, "Purpose: low-carbon logistics.");
    appendParagraph(south.doc, "Scope: three regions.");
    await eventually(
      () => paragraphTexts(north.doc).length === 2 && paragraphTexts(south.doc).length === 2,
    );

    const before = ctx.live.connect(charter, ctx.cast.northViewer.cookie);
    await before.synced;
    const bytesBefore = Y.encodeStateAsUpdate(before.doc);
    north.destroy();
    south.destroy();
    before.destroy();

    await ctx.live.restart();

    const after = ctx.live.connect(charter, ctx.cast.northViewer.cookie);
    await after.synced;
    expect(Buffer.from(Y.encodeStateAsUpdate(after.doc)).equals(Buffer.from(bytesBefore))).toBe(
      true,
    );
    expect(paragraphTexts(after.doc)).toHaveLength(2);
  });

  it("keeps a reconnecting client's text identical, never duplicated, across a restart", async () => {
    const north = ctx.live.connect(charter, ctx.cast.north.cookie);
    await north.synced;
    const statuses: string[] = [];
    north.provider.on("status", ({ status }: { status: string }) => statuses.push(status));
    // Restart while the edit may still be in flight: either it was stored before the
    // restart, or the client sends it again when it re-syncs. Never both, never neither.
    appendParagraph(north.doc, "Shared values: trust.");
    await ctx.live.restart();
    await eventually(() => statuses.includes("disconnected"), 5000, "disconnect");
    await eventually(
      () => north.provider.wsconnected && north.provider.synced,
      10_000,
      "reconnect",
    );
    const fresh = ctx.live.connect(charter, ctx.cast.south.cookie);
    await fresh.synced;
    await eventually(() => charterPlainText(fresh.doc) !== "", 5000, "content after re-sync");
    expect(charterPlainText(fresh.doc)).toBe("Shared values: trust.");
    expect(charterPlainText(north.doc)).toBe("Shared values: trust.");
  });

  it("converges randomized concurrent edits of three clients", async () => {
    const random = mulberry32(2026);
    const clients = [ctx.cast.north, ctx.cast.south, ctx.cast.north].map((user) =>
      ctx.live.connect(charter, user.cookie),
    );
    await Promise.all(clients.map((c) => c.synced));
    appendParagraph(clients[0]!.doc, "seed text");
    await eventually(() => clients.every((c) => paragraphTexts(c.doc).length === 1));

    for (let round = 0; round < 200; round++) {
      const client = clients[Math.floor(random() * clients.length)]!;
      const texts = paragraphTexts(client.doc);
      const text = texts[Math.floor(random() * texts.length)]!;
      const roll = random();
      if (roll < 0.6 || text.length === 0) {
        text.insert(
          Math.floor(random() * (text.length + 1)),
          String.fromCharCode(97 + Math.floor(random() * 26)),
        );
      } else if (roll < 0.9) {
        const at = Math.floor(random() * text.length);
        text.delete(at, Math.min(1 + Math.floor(random() * 3), text.length - at));
      } else {
        appendParagraph(client.doc, `p${round}`);
      }
      if (round % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const settled = () => {
      const first = charterPlainText(clients[0]!.doc);
      return clients.every((c) => charterPlainText(c.doc) === first);
    };
    await eventually(settled, 10_000, "convergence");
    const fresh = ctx.live.connect(charter, ctx.cast.northViewer.cookie);
    await fresh.synced;
    expect(charterPlainText(fresh.doc)).toBe(charterPlainText(clients[0]!.doc));
  });

  it("refuses the upgrade itself: 401 without a valid session, 403 for non-members, 404 for non-documents", async () => {
    const outsider = await ctx.live.signup("Olga Outsider");
    const privateOfNorth = formatDocumentName({
      kind: "private",
      partnershipId: ctx.cast.partnershipId,
      organizationId: ctx.cast.northOrg,
    });
    expect(await ctx.live.upgradeStatus(charter)).toBe(401);
    expect(await ctx.live.upgradeStatus(charter, "entente_session=forged")).toBe(401);
    expect(await ctx.live.upgradeStatus(charter, outsider.cookie)).toBe(403);
    expect(await ctx.live.upgradeStatus(privateOfNorth, ctx.cast.south.cookie)).toBe(403);
    expect(
      await ctx.live.upgradeStatus(`${ctx.cast.partnershipId}/nonsense`, ctx.cast.north.cookie),
    ).toBe(404);
    expect(await ctx.live.upgradeStatus(privateOfNorth, ctx.cast.north.cookie)).toBe("open");
    expect(await ctx.live.upgradeStatus(charter, ctx.cast.south.cookie)).toBe("open");
  });

  it("syncs read-only connections down but never applies what they send", async () => {
    const north = ctx.live.connect(charter, ctx.cast.north.cookie);
    const viewer = ctx.live.connect(charter, ctx.cast.northViewer.cookie);
    await Promise.all([north.synced, viewer.synced]);
    appendParagraph(viewer.doc, "viewer was here");
    appendParagraph(north.doc, "editor was here");
    await eventually(() => charterPlainText(viewer.doc).includes("editor was here"));

    const fresh = ctx.live.connect(charter, ctx.cast.south.cookie);
    await fresh.synced;
    expect(charterPlainText(fresh.doc)).toBe("editor was here");
    const stored = await ctx.live.server.store.db
      .selectFrom("document_updates")
      .select("user_id")
      .where("user_id", "=", ctx.cast.northViewer.id)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it("closes a user's open sockets with 4401 when they log out, and they stay closed", async () => {
    const north = ctx.live.connect(charter, ctx.cast.north.cookie);
    await north.synced;
    const closed = new Promise<number>((resolve) => {
      north.provider.on("connection-close", (event: { code: number } | null) =>
        resolve(event?.code ?? 0),
      );
    });
    expect(
      (await ctx.live.api("POST", "/api/auth/logout", undefined, ctx.cast.north.cookie)).status,
    ).toBe(204);
    expect(await closed).toBe(CloseCode.Unauthorized);
    expect(await ctx.live.upgradeStatus(charter, ctx.cast.north.cookie)).toBe(401);
  });
});
