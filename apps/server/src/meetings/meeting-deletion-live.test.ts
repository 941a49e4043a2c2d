import { formatDocumentName } from "@entente/domain";
import { agendaNotesFragment, CloseCode } from "@entente/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendParagraph, paragraphs } from "../test/charter-text.js";
import { liveCast, type CastMember, type LiveCast } from "../test/live-cast.js";
import { meetingDocument, scheduleMeeting, writeNotes } from "../test/live-meetings.js";
import { eventually, LiveServer, roundTrip, type SyncClient } from "../test/live-server.js";

/** Every close code the client's sockets got, and how often it connected, from now on. */
function watch(client: SyncClient) {
  const seen = { closeCodes: [] as number[], connects: 0 };
  client.provider.on("connection-close", (event: { code: number } | null) => {
    seen.closeCodes.push(event?.code ?? 0);
  });
  client.provider.on("status", ({ status }: { status: string }) => {
    if (status === "connected") seen.connects++;
  });
  return seen;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("deleting a meeting while its document is open", () => {
  let live: LiveServer;
  let cast: LiveCast;

  beforeAll(async () => {
    // A snapshot after a few updates, so the deletion has one to remove too.
    live = await LiveServer.start({ compactAfterUpdates: 3 });
    cast = await liveCast(live);
  });

  afterAll(async () => {
    await live.close();
  });

  const schedule = (by: CastMember, title: string) =>
    scheduleMeeting(live, cast.partnershipId, by, {
      title,
      kind: "workshop",
      level: "operational",
      agenda: [{ title: "Ideas", ownerOrganizationId: cast.north.id, timeboxMinutes: 20 }],
    });

  const documentOf = (meeting: { id: string }) => meetingDocument(cast.partnershipId, meeting);

  const stored = async (documentName: string) => {
    const { db } = live.server.store;
    const updates = await db
      .selectFrom("document_updates")
      .select("id")
      .where("document_name", "=", documentName)
      .execute();
    const snapshots = await db
      .selectFrom("document_snapshots")
      .select("document_name")
      .where("document_name", "=", documentName)
      .execute();
    return { updates: updates.length, snapshots: snapshots.length };
  };

  it("closes its sockets with 4404, unloads its room, deletes its notes, and leaves other documents connected", async () => {
    const doomed = await schedule(cast.north.editor, "Doomed");
    const kept = await schedule(cast.north.editor, "Kept");
    const doomedName = documentOf(doomed);
    const keptName = documentOf(kept);
    const charterName = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });

    const scribe = live.connect(doomedName, cast.south.editor.cookie);
    const reader = live.connect(doomedName, cast.north.viewer.cookie);
    const otherMeeting = live.connect(keptName, cast.south.editor.cookie);
    const charter = live.connect(charterName, cast.north.admin.cookie);
    await Promise.all([scribe, reader, otherMeeting, charter].map((client) => client.synced));
    const item = doomed.agenda[0]!.id;
    for (const text of ["Idea one", "Idea two", "Idea three", "Idea four"]) {
      writeNotes(scribe.doc, item, text);
    }
    await roundTrip(scribe);
    await eventually(() => reader.doc.getXmlFragment(agendaNotesFragment(item)).length === 4);
    const before = await stored(doomedName);
    expect(before.updates).toBeGreaterThan(0);
    expect(before.snapshots).toBe(1);

    const scribeSeen = watch(scribe);
    const readerSeen = watch(reader);
    const otherSeen = watch(otherMeeting);
    const charterSeen = watch(charter);

    const deleted = await live.api(
      "DELETE",
      `/api/meetings/${doomed.id}`,
      undefined,
      cast.north.editor.cookie,
    );
    expect(deleted.status).toBe(204);

    await eventually(
      () => scribeSeen.closeCodes.length > 0 && readerSeen.closeCodes.length > 0,
      5000,
      "both sockets on the deleted meeting to close",
    );
    expect(scribeSeen.closeCodes[0]).toBe(CloseCode.DocumentDeleted);
    expect(readerSeen.closeCodes[0]).toBe(CloseCode.DocumentDeleted);
    await eventually(
      () => live.server.rooms.get(doomedName) === undefined,
      5000,
      "the deleted meeting's room to be unloaded",
    );
    expect(await stored(doomedName)).toEqual({ updates: 0, snapshots: 0 });

    // The stock client keeps retrying; every upgrade is refused, and no room comes back.
    expect(await live.upgradeStatus(doomedName, cast.south.editor.cookie)).toBe(403);
    await sleep(800);
    expect(scribeSeen.connects).toBe(0);
    expect(readerSeen.connects).toBe(0);
    expect(live.server.rooms.get(doomedName)).toBeUndefined();

    // The partnership's other documents, including another meeting, are still served live.
    expect(otherSeen.closeCodes).toEqual([]);
    expect(charterSeen.closeCodes).toEqual([]);
    expect(otherMeeting.provider.wsconnected).toBe(true);
    expect(charter.provider.wsconnected).toBe(true);
    const watcher = live.connect(charterName, cast.south.admin.cookie);
    await watcher.synced;
    appendParagraph(charter.doc, "Still editing the charter.");
    await eventually(
      () => paragraphs(watcher.doc).includes("Still editing the charter."),
      5000,
      "a charter edit to reach another member",
    );
    writeNotes(otherMeeting.doc, kept.agenda[0]!.id, "Kept notes.");
    await roundTrip(otherMeeting);
    expect((await stored(keptName)).updates).toBeGreaterThan(0);
    for (const client of [scribe, reader, otherMeeting, charter, watcher]) client.destroy();
  });

  it("keeps the stored notes of the partnership's other meetings", async () => {
    const first = await schedule(cast.south.admin, "First");
    const second = await schedule(cast.south.admin, "Second");
    const scribe = live.connect(documentOf(second), cast.south.editor.cookie);
    await scribe.synced;
    writeNotes(scribe.doc, second.agenda[0]!.id, "Second's notes.");
    await roundTrip(scribe);
    scribe.destroy();
    const keptBefore = await stored(documentOf(second));

    const deleted = await live.api(
      "DELETE",
      `/api/meetings/${first.id}`,
      undefined,
      cast.south.admin.cookie,
    );
    expect(deleted.status).toBe(204);
    expect(await stored(documentOf(second))).toEqual(keptBefore);
    const again = live.connect(documentOf(second), cast.north.viewer.cookie);
    await again.synced;
    expect(again.doc.getXmlFragment(agendaNotesFragment(second.agenda[0]!.id)).length).toBe(1);
    again.destroy();
  });
});
