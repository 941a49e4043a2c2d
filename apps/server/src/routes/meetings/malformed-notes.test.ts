import { agendaNotesFragment, type MeetingView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument } from "../../test/document-writes.js";
import { meetingDocument } from "../../test/live-meetings.js";

/**
 * One stored entry no client of ours writes (stored before the update guard refused such
 * values, or by an older server) must not break the meeting for both sides: the readers
 * that serve everyone show it, or show it as malformed, and never answer 500.
 */
describe("meeting notes holding values no client of ours writes", () => {
  const ctx = usePartnershipHarness();

  it("keeps sign-off, the meeting, the meetings list and the export working", async () => {
    const created = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      {
        cookie: ctx.cast.north.editor.cookie,
        body: {
          title: "Steering committee Q4",
          kind: "steering_committee",
          level: "strategic",
          // Held already: its minutes can be signed off.
          startsAt: "2026-11-26T09:00:00.000Z",
          durationMinutes: 90,
          agenda: [{ title: "Pilot", ownerOrganizationId: ctx.cast.north.id, timeboxMinutes: 20 }],
        },
      },
    );
    expect(created.status).toBe(201);
    const meeting = created.body.meeting as MeetingView;
    const itemId = meeting.agenda[0]!.id;
    await changeDocument(
      ctx.harness.store,
      meetingDocument(ctx.cast.partnershipId, meeting),
      (doc) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.setAttribute("weight", 12n as unknown as string);
        paragraph.setAttribute("nested", new Y.Map() as unknown as string);
        const text = new Y.XmlText();
        text.insert(0, "Pilot ran in three depots.");
        paragraph.insert(0, [text]);
        doc.getXmlFragment(agendaNotesFragment(itemId)).push([paragraph]);
      },
    );

    const signOff = await ctx.harness.request("POST", `/api/agenda-items/${itemId}/sign-off`, {
      cookie: ctx.cast.south.editor.cookie,
      body: {},
    });
    expect(signOff.status).toBe(200);
    const one = await ctx.harness.request("GET", `/api/meetings/${meeting.id}`, {
      cookie: ctx.cast.north.viewer.cookie,
    });
    expect(one.status).toBe(200);
    const list = await ctx.harness.request(
      "GET",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      {
        cookie: ctx.cast.south.viewer.cookie,
      },
    );
    expect(list.status).toBe(200);
    const exported = await ctx.harness.app.request(
      `/api/partnerships/${ctx.cast.partnershipId}/export.md`,
      { headers: { cookie: ctx.cast.north.viewer.cookie } },
    );
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain("Pilot ran in three depots.");
  });
});
