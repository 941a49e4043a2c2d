import { formatDocumentName } from "@entente/domain";
import { agendaNotesFragment, type PartnershipEvent } from "@entente/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openEventStream } from "../test/live-fixture.js";
import { liveCast, type CastMember, type LiveCast } from "../test/live-cast.js";
import { meetingDocument, scheduleMeeting, writeNotes } from "../test/live-meetings.js";
import { eventually, LiveServer, roundTrip, type LiveUser } from "../test/live-server.js";

function notesText(doc: Y.Doc, itemId: string): string[] {
  return doc
    .getXmlFragment(agendaNotesFragment(itemId))
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? (node.get(0) as Y.XmlText).toString() : ""));
}

describe("meetings against a live server", () => {
  let live: LiveServer;
  let cast: LiveCast;
  let outsider: LiveUser;

  beforeAll(async () => {
    live = await LiveServer.start();
    cast = await liveCast(live);
    outsider = await live.signup("Olga Outsider");
  });

  afterAll(async () => {
    await live.close();
  });

  const schedule = (by: CastMember, title: string) =>
    scheduleMeeting(live, cast.partnershipId, by, {
      title,
      kind: "steering_committee",
      level: "strategic",
      agenda: [
        { title: "Pilot results", ownerOrganizationId: cast.north.id, timeboxMinutes: 20 },
        { title: "Budget", ownerOrganizationId: cast.south.id, timeboxMinutes: 20 },
      ],
    });

  const documentOf = (meeting: { id: string }) => meetingDocument(cast.partnershipId, meeting);

  it("signs off what connected clients just wrote, and sees the notes change while they type", async () => {
    const meeting = await schedule(cast.north.editor, "Sign-off");
    const [pilot, budget] = meeting.agenda.map((item) => item.id) as [string, string];
    const name = documentOf(meeting);
    const scribe = live.connect(name, cast.south.editor.cookie);
    await scribe.synced;
    writeNotes(scribe.doc, pilot, "Pilot ran in three depots.");
    await roundTrip(scribe);

    const signOff = (user: CastMember) =>
      live.api("POST", `/api/agenda-items/${pilot}/sign-off`, {}, user.cookie);
    const signOffs = async () =>
      (await live.api("GET", `/api/meetings/${meeting.id}`, undefined, cast.north.viewer.cookie))
        .body.meeting.agenda[0].signOffs as { organizationId: string; changedSince: boolean }[];

    expect((await signOff(cast.north.editor)).status).toBe(200);
    const signed = await signOff(cast.south.admin);
    expect(signed.status).toBe(200);
    expect(
      signed.body.meeting.agenda[0].signOffs.map((s: any) => [s.organizationId, s.changedSince]),
    ).toEqual([
      [cast.north.id, false],
      [cast.south.id, false],
    ]);
    // The room is loaded (a socket is open): the signed version is the room's content.
    const stored = await live.server.store.db
      .selectFrom("agenda_sign_offs")
      .select("version")
      .where("agenda_item_id", "=", pilot)
      .execute();
    const room = live.server.rooms.get(name);
    expect(room).toBeDefined();
    expect(notesText(room!.doc, pilot)).toEqual(["Pilot ran in three depots."]);

    // Notes of another item leave this one signed off.
    writeNotes(scribe.doc, budget, "Budget agreed.");
    await roundTrip(scribe);
    expect((await signOffs()).map((s) => s.changedSince)).toEqual([false, false]);

    // Still connected: the next keystroke in this item's notes shows as changed since.
    const text = (scribe.doc.getXmlFragment(agendaNotesFragment(pilot)).get(0) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    text.insert(text.length, " A fourth joins in January.");
    let after = await signOffs();
    const deadline = Date.now() + 5000;
    while (!after.every((s) => s.changedSince) && Date.now() < deadline) after = await signOffs();
    expect(after.map((s) => s.changedSince)).toEqual([true, true]);

    // Signing again clears it for that organization only; the history is kept.
    const resigned = await signOff(cast.north.editor);
    expect(
      resigned.body.meeting.agenda[0].signOffs.map((s: any) => [s.organizationId, s.changedSince]),
    ).toEqual([
      [cast.north.id, false],
      [cast.south.id, true],
    ]);
    const history = await live.server.store.db
      .selectFrom("agenda_sign_offs")
      .select("version")
      .where("agenda_item_id", "=", pilot)
      .orderBy("id")
      .execute();
    expect(history).toHaveLength(3);
    expect(history[0]!.version).toBe(stored[0]!.version);
    expect(history[2]!.version).not.toBe(history[0]!.version);
    scribe.destroy();
  });

  it("lets members of both organizations co-edit a meeting's notes live; viewers only read", async () => {
    const meeting = await schedule(cast.south.admin, "Co-editing");
    const item = meeting.agenda[0]!.id;
    const name = documentOf(meeting);
    const north = live.connect(name, cast.north.editor.cookie);
    const south = live.connect(name, cast.south.editor.cookie);
    const viewer = live.connect(name, cast.south.viewer.cookie);
    await Promise.all([north.synced, south.synced, viewer.synced]);

    writeNotes(north.doc, item, "North: decision needed on depots.");
    writeNotes(south.doc, item, "South: budget is ready.");
    await eventually(
      () => [north, south, viewer].every((client) => notesText(client.doc, item).length === 2),
      5000,
      "both edits everywhere",
    );
    expect(notesText(north.doc, item)).toEqual(notesText(south.doc, item));
    expect(notesText(viewer.doc, item).sort()).toEqual([
      "North: decision needed on depots.",
      "South: budget is ready.",
    ]);

    // The viewer's own change stays on its screen: the server takes it nowhere.
    writeNotes(viewer.doc, item, "Viewer was here.");
    await roundTrip(viewer);
    await roundTrip(north);
    expect(notesText(north.doc, item)).not.toContain("Viewer was here.");
    const rows = await live.server.store.db
      .selectFrom("document_updates")
      .select("id")
      .where("document_name", "=", name)
      .where("user_id", "=", cast.south.viewer.id)
      .execute();
    expect(rows).toEqual([]);
    const fresh = live.connect(name, cast.north.admin.cookie);
    await fresh.synced;
    expect(notesText(fresh.doc, item)).not.toContain("Viewer was here.");
    expect(notesText(fresh.doc, item)).toHaveLength(2);
    for (const client of [north, south, viewer, fresh]) client.destroy();
  });

  it("denies a non-member, a meeting that does not exist, and a deleted meeting's document", async () => {
    const meeting = await schedule(cast.north.admin, "To delete");
    const name = documentOf(meeting);
    expect(await live.upgradeStatus(name, cast.south.viewer.cookie)).toBe("open");
    expect(await live.upgradeStatus(name, outsider.cookie)).toBe(403);
    expect(await live.upgradeStatus(name, undefined)).toBe(401);
    const missing = formatDocumentName({
      kind: "meeting",
      partnershipId: cast.partnershipId,
      meetingId: "nosuchmeeting",
    });
    expect(await live.upgradeStatus(missing, cast.north.admin.cookie)).toBe(403);

    // A meeting of another partnership is not a meeting of this one.
    const elsewhere = (
      await live.api("POST", "/api/organizations", { name: "Elsewhere" }, outsider.cookie)
    ).body.organization.id as string;
    const otherPartnership = (
      await live.api(
        "POST",
        "/api/partnerships",
        { name: "Other", organizationId: elsewhere },
        outsider.cookie,
      )
    ).body.partnership.id as string;
    const crossed = formatDocumentName({
      kind: "meeting",
      partnershipId: otherPartnership,
      meetingId: meeting.id,
    });
    expect(await live.upgradeStatus(crossed, outsider.cookie)).toBe(403);

    expect(
      (await live.api("DELETE", `/api/meetings/${meeting.id}`, undefined, cast.south.editor.cookie))
        .status,
    ).toBe(204);
    for (const member of [cast.north.admin, cast.south.editor, cast.south.viewer]) {
      expect(await live.upgradeStatus(name, member.cookie)).toBe(403);
    }
  });

  it("announces every meeting change on the partnership's event stream", async () => {
    const events = await openEventStream(
      live,
      `/api/partnerships/${cast.partnershipId}/events`,
      cast.south.viewer,
    );
    try {
      const changed = (meetingId: string) =>
        events.nextEvent<PartnershipEvent>(
          (event) => event.type === "meeting.changed" && event.meetingId === meetingId,
        );

      const meeting = await schedule(cast.north.editor, "Announced");
      expect(await changed(meeting.id)).toEqual({ type: "meeting.changed", meetingId: meeting.id });
      const item = meeting.agenda[0]!.id;
      const steps: [string, string, unknown?][] = [
        ["PATCH", `/api/meetings/${meeting.id}`, { title: "Announced again" }],
        [
          "POST",
          `/api/meetings/${meeting.id}/agenda-items`,
          { title: "AOB", ownerOrganizationId: cast.south.id, timeboxMinutes: 5 },
        ],
        ["PATCH", `/api/agenda-items/${item}`, { position: 1 }],
        ["POST", `/api/agenda-items/${item}/sign-off`, {}],
        ["DELETE", `/api/agenda-items/${item}`],
        ["DELETE", `/api/meetings/${meeting.id}`],
      ];
      for (const [method, path, body] of steps) {
        const result = await live.api(method, path, body, cast.north.editor.cookie);
        expect([method, path, result.status < 300]).toEqual([method, path, true]);
        expect(await changed(meeting.id)).toEqual({
          type: "meeting.changed",
          meetingId: meeting.id,
        });
      }
    } finally {
      await events.close();
    }
  });
});
