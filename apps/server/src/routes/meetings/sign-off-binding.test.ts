import type { MeetingView } from "@entente/protocol";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { storeNotes } from "../../test/live-meetings.js";

/**
 * A sign-off binds to everything shown as signed (the item's title, owner and notes, the
 * meeting's title and date), and outlives the item and the meeting it signed.
 */
describe("sign-offs bound to what was signed", () => {
  const ctx = usePartnershipHarness();
  let meeting: MeetingView;
  let itemId: string;

  const signOff = (user: TestUser, body: unknown = {}) =>
    ctx.harness.call("POST", `/api/agenda-items/${itemId}/sign-off`, user, body);
  const item = async () =>
    (await ctx.harness.call("GET", `/api/meetings/${meeting.id}`, ctx.cast.north.viewer)).body
      .meeting.agenda[0] as MeetingView["agenda"][number];
  const notes = (text: string) =>
    storeNotes(ctx.harness.store, ctx.cast.partnershipId, meeting, itemId, text);

  beforeEach(async () => {
    const created = await ctx.harness.call(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      ctx.cast.north.editor,
      {
        title: "Steering committee Q4",
        kind: "steering_committee",
        level: "strategic",
        // Held already: minutes are signed off once the meeting started.
        startsAt: "2026-11-26T09:00:00.000Z",
        durationMinutes: 90,
        agenda: [
          {
            title: "Northwind pays 30%",
            ownerOrganizationId: ctx.cast.north.id,
            timeboxMinutes: 20,
          },
        ],
      },
    );
    meeting = created.body.meeting as MeetingView;
    itemId = meeting.agenda[0]!.id;
    await notes("Costs split 30/70.");
  });

  it.each([
    [
      "the item's title",
      () =>
        ctx.harness.call("PATCH", `/api/agenda-items/${itemId}`, ctx.cast.south.editor, {
          title: "Northwind pays 70%",
        }),
    ],
    [
      "the item's owner",
      () =>
        ctx.harness.call("PATCH", `/api/agenda-items/${itemId}`, ctx.cast.south.editor, {
          ownerOrganizationId: ctx.cast.south.id,
        }),
    ],
    ["the notes", () => notes("Amended after the meeting.")],
    [
      "the meeting's title",
      () =>
        ctx.harness.call("PATCH", `/api/meetings/${meeting.id}`, ctx.cast.south.editor, {
          title: "Renamed",
        }),
    ],
    [
      "the meeting's date",
      () =>
        ctx.harness.call("PATCH", `/api/meetings/${meeting.id}`, ctx.cast.south.editor, {
          startsAt: "2026-11-27T09:00:00.000Z",
        }),
    ],
  ] as [string, () => Promise<unknown>][])(
    "makes a sign-off stale when %s changes, and current again after signing anew",
    async (_, change) => {
      const signed = await signOff(ctx.cast.north.editor);
      expect(signed.status).toBe(200);
      const version = (await item()).version;
      expect(version).toMatch(/^[0-9a-f]{64}$/);
      expect((await item()).signOffs.map((s) => s.changedSince)).toEqual([false]);

      await change();
      const after = await item();
      expect(after.version).not.toBe(version);
      expect(after.signOffs).toEqual([
        expect.objectContaining({ organizationId: ctx.cast.north.id, changedSince: true }),
      ]);

      await signOff(ctx.cast.north.editor, { version: after.version });
      expect((await item()).signOffs.map((s) => s.changedSince)).toEqual([false]);
    },
  );

  it("answers 409 to a sign-off of a version that is no longer the item's, and records nothing", async () => {
    const read = (await item()).version;
    await ctx.harness.call("PATCH", `/api/agenda-items/${itemId}`, ctx.cast.south.editor, {
      title: "Northwind pays 70%",
    });
    const refused = await signOff(ctx.cast.north.editor, { version: read });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: { code: "conflict", message: expect.any(String) } });
    expect(await ctx.harness.store.db.selectFrom("agenda_sign_offs").selectAll().execute()).toEqual(
      [],
    );

    expect((await signOff(ctx.cast.north.editor, { version: "nope" })).status).toBe(400);
    const current = (await item()).version;
    expect((await signOff(ctx.cast.north.editor, { version: current })).status).toBe(200);
  });

  it("keeps sign-offs and the signed text when the item is deleted; says who deleted it", async () => {
    await signOff(ctx.cast.north.editor);
    await signOff(ctx.cast.south.admin);
    const deleted = await ctx.harness.call(
      "DELETE",
      `/api/agenda-items/${itemId}`,
      ctx.cast.south.editor,
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body.meeting.agenda).toEqual([]);

    const list = await ctx.harness.call(
      "GET",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      ctx.cast.north.viewer,
    );
    expect(list.body.deletedSignedItems).toEqual([
      {
        meetingId: meeting.id,
        itemId,
        signOffs: [
          expect.objectContaining({
            organizationName: "Northwind",
            signedBy: { id: ctx.cast.north.editor.id, name: "North Editor" },
            signed: {
              meetingTitle: "Steering committee Q4",
              meetingStartsAt: "2026-11-26T09:00:00.000Z",
              title: "Northwind pays 30%",
              ownerOrganizationId: ctx.cast.north.id,
              notes: {
                type: "doc",
                content: [
                  { type: "paragraph", content: [{ type: "text", text: "Costs split 30/70." }] },
                ],
              },
            },
          }),
          expect.objectContaining({ organizationName: "Southpeak" }),
        ],
        deletedAt: expect.any(String),
        deletedBy: {
          id: ctx.cast.south.editor.id,
          name: "South Editor",
          organizationId: ctx.cast.south.id,
          organizationName: "Southpeak",
        },
      },
    ]);
  });

  it("keeps them when the whole meeting is deleted, and the export tells the story", async () => {
    await signOff(ctx.cast.north.editor);
    expect(
      (await ctx.harness.call("DELETE", `/api/meetings/${meeting.id}`, ctx.cast.south.admin))
        .status,
    ).toBe(204);
    const list = await ctx.harness.call(
      "GET",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      ctx.cast.south.viewer,
    );
    expect(list.body.meetings).toEqual([]);
    expect(list.body.deletedSignedItems).toHaveLength(1);
    expect(list.body.deletedSignedItems[0].deletedBy.name).toBe("South Admin");

    const exported = await ctx.harness.app.request(
      `/api/partnerships/${ctx.cast.partnershipId}/export.md`,
      { headers: { cookie: ctx.cast.north.viewer.cookie } },
    );
    expect(exported.status).toBe(200);
    const markdown = await exported.text();
    expect(markdown).toContain("Northwind pays 30%");
    expect(markdown).toContain("Signed by Northwind, then deleted by South Admin, Southpeak");
    expect(markdown).toContain("Costs split 30/70.");
  });

  it("takes the signer and the deleter from the session and seat, never from the body", async () => {
    const forged = await signOff(ctx.cast.north.editor, { organizationId: ctx.cast.south.id });
    expect(forged.status).toBe(400);
    const viewer = await signOff(ctx.cast.north.viewer);
    expect(viewer.status).toBe(403);
    await signOff(ctx.cast.north.editor);
    const rows = await ctx.harness.store.db
      .selectFrom("agenda_sign_offs")
      .select(["organization_id", "user_id", "partnership_id", "meeting_id"])
      .execute();
    expect(rows).toEqual([
      {
        organization_id: ctx.cast.north.id,
        user_id: ctx.cast.north.editor.id,
        partnership_id: ctx.cast.partnershipId,
        meeting_id: meeting.id,
      },
    ]);
  });
});
