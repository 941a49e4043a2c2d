import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT, charterPlainText } from "@entente/editor";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yjsStateHash } from "../governance/charter-version.js";
import { eventually } from "../test/live-server.js";
import { useLiveServer } from "../test/live-fixture.js";
import { CurrentDocuments, type LoadedRoom, type LoadedRooms } from "./document-reader.js";
import { SqlUpdateLog, type StoredDocument, type UpdateLog } from "./update-log.js";

function paragraph(doc: Y.Doc, text: string): void {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CHARTER_FRAGMENT).push([element]);
}

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  paragraph(doc, text);
  return doc;
}

/** An update log holding one document, as written. */
function logOf(doc: Y.Doc | null): UpdateLog {
  return {
    load: (): Promise<StoredDocument> =>
      Promise.resolve({
        snapshot: null,
        updates: doc ? [Y.encodeStateAsUpdate(doc)] : [],
        lastUpdateId: doc ? 1 : 0,
      }),
    appendAll: () => Promise.reject(new Error("read-only")),
    compact: () => Promise.reject(new Error("read-only")),
  };
}

describe("CurrentDocuments", () => {
  it("reads storage when no room holds the document, and an empty document when none exists", async () => {
    expect(
      charterPlainText(
        await new CurrentDocuments(logOf(docWith("stored"))).readDocument("p/charter"),
      ),
    ).toBe("stored");
    const empty = await new CurrentDocuments(logOf(null)).readDocument("p/charter");
    expect(empty.share.size).toBe(0);
  });

  it("reads the loaded room once what it received is handled, and hands out a copy", async () => {
    const roomDoc = docWith("live");
    let idle = false;
    const room: LoadedRoom = {
      doc: roomDoc,
      whenIdle: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        // A change that was still being stored when the read began.
        paragraph(roomDoc, "queued");
        idle = true;
      },
    };
    const rooms: LoadedRooms = { get: () => room };

    const read = await new CurrentDocuments(logOf(docWith("stale")), rooms).readDocument(
      "p/charter",
    );

    expect(idle).toBe(true);
    expect(charterPlainText(read)).toBe("live\nqueued");
    paragraph(read, "local only");
    expect(charterPlainText(roomDoc)).toBe("live\nqueued");
  });

  it("falls back to storage when the room failed or was unloaded while it waited", async () => {
    const room: LoadedRoom = { doc: docWith("maybe unstored"), whenIdle: () => Promise.resolve() };
    let calls = 0;
    const rooms: LoadedRooms = { get: () => (++calls === 1 ? room : undefined) };

    const read = await new CurrentDocuments(logOf(docWith("stored")), rooms).readDocument(
      "p/charter",
    );

    expect(charterPlainText(read)).toBe("stored");
  });
});

describe("CurrentDocuments in a running server", () => {
  const ctx = useLiveServer("all");
  let charter: string;

  beforeAll(() => {
    charter = formatDocumentName({ kind: "charter", partnershipId: ctx.cast.partnershipId });
  });

  it("reads what clients wrote, and the live room and storage give the same version", async () => {
    const storage = new CurrentDocuments(new SqlUpdateLog(ctx.live.server.store));
    const client = ctx.live.connect(charter, ctx.cast.north.cookie);
    await client.synced;
    paragraph(client.doc, "Purpose: low-carbon logistics.");
    paragraph(client.doc, "Scope: three regions.");
    const text = () => client.doc.getXmlFragment(CHARTER_FRAGMENT).get(0) as Y.XmlElement;
    (text().get(0) as Y.XmlText).delete(0, 9);
    (text().get(0) as Y.XmlText).insert(0, "Aim: ");

    await eventually(() => ctx.live.server.rooms.size === 1, 5000, "room loaded");
    const expected = "Aim: low-carbon logistics.\nScope: three regions.";
    const deadline = Date.now() + 5000;
    let fromRoom = await ctx.live.server.services.documents.readDocument(charter);
    while (charterPlainText(fromRoom) !== expected && Date.now() < deadline) {
      fromRoom.destroy();
      await new Promise((resolve) => setTimeout(resolve, 10));
      fromRoom = await ctx.live.server.services.documents.readDocument(charter);
    }
    expect(charterPlainText(fromRoom)).toBe(expected);
    const fromStorage = await storage.readDocument(charter);
    expect(charterPlainText(fromStorage)).toBe(charterPlainText(fromRoom));
    expect(yjsStateHash(fromRoom)).toBe(yjsStateHash(fromStorage));

    client.destroy();
    await eventually(() => ctx.live.server.rooms.size === 0, 5000, "room unloaded");
    const afterUnload = await ctx.live.server.services.documents.readDocument(charter);
    expect(yjsStateHash(afterUnload)).toBe(yjsStateHash(fromStorage));
  });
});
