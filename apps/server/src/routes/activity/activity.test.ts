import { beforeEach, describe, expect, it } from "vitest";
import { ACTIVITY_WINDOW_MS } from "../../activity/activity-service.js";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

const MINUTE = 60_000;

describe("activity route", () => {
  const ctx = usePartnershipHarness();
  /** The start of a 10-minute window an hour ago. */
  const base = Math.floor(Date.now() / ACTIVITY_WINDOW_MS) * ACTIVITY_WINDOW_MS - 60 * MINUTE;

  beforeEach(async () => {
    const pid = ctx.cast.partnershipId;
    const stamp = async (
      document: string,
      by: { user: TestUser; organizationId: string } | null,
      minutes: number[],
    ) => {
      for (const minute of minutes) {
        await ctx.harness.store.db
          .insertInto("document_updates")
          .values({
            document_name: `${pid}/${document}`,
            update: new Uint8Array([0, 0]),
            user_id: by?.user.id ?? null,
            organization_id: by?.organizationId ?? null,
            created_at: base + minute * MINUTE,
          })
          .execute();
      }
    };
    const southEditor = { user: ctx.cast.south.editor, organizationId: ctx.cast.south.id };
    await stamp("charter", southEditor, [1, 3, 9, 12]); // one run across two windows
    await stamp("charter", southEditor, [45]);
    await stamp(
      "objectives",
      { user: ctx.cast.north.editor, organizationId: ctx.cast.north.id },
      [5, 6],
    );
    await stamp(
      `org/${ctx.cast.north.id}/private`,
      { user: ctx.cast.north.admin, organizationId: ctx.cast.north.id },
      [20],
    );
    await stamp(
      `org/${ctx.cast.south.id}/profile`,
      { user: ctx.cast.south.admin, organizationId: ctx.cast.south.id },
      [30],
    );
    await stamp("decisions", null, [-24 * 60]);
  });

  const activity = (user: TestUser | undefined, query = "", pid = ctx.cast.partnershipId) =>
    ctx.harness.request("GET", `/api/partnerships/${pid}/activity${query}`, {
      cookie: user?.cookie,
    });
  const at = (minute: number) => new Date(base + minute * MINUTE).toISOString();

  it("groups who changed what into entries, newest first, with a summary", async () => {
    const response = await activity(ctx.cast.south.viewer);
    expect(response.status).toBe(200);
    expect(response.body.nextCursor).toBeNull();
    const southEditor = { id: ctx.cast.south.editor.id, name: "South Editor" };
    const south = { id: ctx.cast.south.id, name: "Southpeak" };
    expect(response.body.entries).toEqual([
      {
        user: southEditor,
        organization: south,
        document: {
          name: `${ctx.cast.partnershipId}/charter`,
          kind: "charter",
          organizationId: null,
        },
        updates: 1,
        from: at(45),
        to: at(45),
        summaryKey: "activity.edited.charter",
        summary: "Southpeak · South Editor edited the charter (1 edit)",
      },
      expect.objectContaining({
        user: { id: ctx.cast.south.admin.id, name: "South Admin" },
        document: {
          name: `${ctx.cast.partnershipId}/org/${ctx.cast.south.id}/profile`,
          kind: "profile",
          organizationId: ctx.cast.south.id,
        },
        summary: "Southpeak · South Admin edited Southpeak's profile (1 edit)",
      }),
      expect.objectContaining({
        user: southEditor,
        updates: 4,
        from: at(1),
        to: at(12),
        summary: "Southpeak · South Editor edited the charter (4 edits)",
      }),
      expect.objectContaining({
        organization: { id: ctx.cast.north.id, name: "Northwind" },
        updates: 2,
        summaryKey: "activity.edited.objectives",
        summary: "Northwind · North Editor edited objectives and KPIs (2 edits)",
      }),
      expect.objectContaining({
        user: null,
        organization: null,
        summary: "Entente edited decisions (1 edit)",
      }),
    ]);
  });

  it("shows an organization's private notes to that organization only, and filters by organization", async () => {
    const north = (await activity(ctx.cast.north.viewer)).body.entries;
    expect(north.map((e: any) => e.document.kind)).toEqual([
      "charter",
      "profile",
      "private",
      "charter",
      "objectives",
      "decisions",
    ]);
    expect(north[2].summary).toBe(
      "Northwind · North Admin edited Northwind's private notes (1 edit)",
    );
    const southOnly = (
      await activity(ctx.cast.north.viewer, `?organizationId=${ctx.cast.south.id}`)
    ).body.entries;
    expect(southOnly.map((e: any) => e.organization.id)).toEqual([
      ctx.cast.south.id,
      ctx.cast.south.id,
      ctx.cast.south.id,
    ]);
    const northBySouth = (
      await activity(ctx.cast.south.admin, `?organizationId=${ctx.cast.north.id}`)
    ).body.entries;
    expect(northBySouth.map((e: any) => e.document.kind)).toEqual(["objectives"]);
  });

  it("names deletions and restorations alone when they are all a run holds, after the edits otherwise", async () => {
    const trash = (
      document: string,
      deleted: { by: TestUser; organizationId: string; minute: number },
      restored: { by: TestUser; minute: number } | null = null,
    ) =>
      ctx.harness.store.db
        .insertInto("entry_trash")
        .values({
          id: `trash-${deleted.minute}`,
          partnership_id: ctx.cast.partnershipId,
          document_name: `${ctx.cast.partnershipId}/${document}`,
          collection: JSON.stringify(["entries"]),
          entry_id: `entry-${deleted.minute}`,
          title: `Entry ${deleted.minute}`,
          owner_organization_id: deleted.organizationId,
          entry: "{}",
          deleted_by_user_id: deleted.by.id,
          deleted_by_organization_id: deleted.organizationId,
          deleted_at: base + deleted.minute * MINUTE,
          expires_at: base + deleted.minute * MINUTE + 30 * 24 * 60 * MINUTE,
          restored_by_user_id: restored?.by.id ?? null,
          restored_at: restored ? base + restored.minute * MINUTE : null,
        })
        .execute();
    // North Editor's run has two updates: one deleted an entry, the other made another.
    await trash("objectives", {
      by: ctx.cast.north.editor,
      organizationId: ctx.cast.north.id,
      minute: 6,
    });
    // South Admin's run is the deletion alone; North Admin's the restoration alone (of an
    // entry deleted long before).
    await trash(`org/${ctx.cast.south.id}/profile`, {
      by: ctx.cast.south.admin,
      organizationId: ctx.cast.south.id,
      minute: 30,
    });
    await trash(
      `org/${ctx.cast.north.id}/private`,
      { by: ctx.cast.north.editor, organizationId: ctx.cast.north.id, minute: -200 },
      { by: ctx.cast.north.admin, minute: 20 },
    );

    const entries = (await activity(ctx.cast.north.viewer)).body.entries as any[];
    const of = (kind: string) => entries.find((e) => e.document.kind === kind);
    expect(of("objectives")).toMatchObject({
      updates: 2,
      deleted: [{ title: "Entry 6" }],
      summaryKey: "activity.edited.objectives",
      summary: "Northwind · North Editor edited objectives and KPIs (2 edits), deleted “Entry 6”",
    });
    expect(of("profile")).toMatchObject({
      updates: 1,
      deleted: [{ title: "Entry 30" }],
      summaryKey: "activity.deleted",
      summary: "Southpeak · South Admin deleted “Entry 30” from Southpeak's profile",
    });
    expect(of("private")).toMatchObject({
      updates: 1,
      restored: [{ title: "Entry -200" }],
      summaryKey: "activity.restored",
      summary: "Northwind · North Admin restored “Entry -200” in Northwind's private notes",
    });
  });

  it("pages by window without losing or repeating updates", async () => {
    let cursor: string | null = null;
    const pages: any[][] = [];
    do {
      const response: any = await activity(
        ctx.cast.north.admin,
        `?limit=1${cursor ? `&before=${cursor}` : ""}`,
      );
      expect(response.status).toBe(200);
      pages.push(response.body.entries);
      cursor = response.body.nextCursor;
    } while (cursor !== null && pages.length < 20);
    expect(pages.length).toBeGreaterThan(3);
    const total = pages.flat().reduce((sum, e) => sum + e.updates, 0);
    expect(total).toBe(4 + 1 + 2 + 1 + 1 + 1);
    expect(pages[0]!.map((e) => e.to)).toEqual([at(45)]);
  });

  it("is for members only, and checks its query", async () => {
    expect((await activity(undefined)).status).toBe(401);
    const outsider = await ctx.harness.signup("Outsider");
    const org = await ctx.harness.createOrganization(outsider, "Elsewhere");
    const theirs = await ctx.harness.createPartnership(outsider, org);
    const refused = await activity(outsider);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("not_found");
    expect((await activity(ctx.cast.north.admin, "", theirs)).status).toBe(404);
    expect((await activity(outsider, "", theirs)).body).toEqual({ entries: [], nextCursor: null });
    for (const query of ["?before=yesterday", "?limit=0", "?organizationId=a/b", "?other=1"]) {
      const bad = await activity(ctx.cast.north.admin, query);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.code).toBe("invalid_input");
    }
  });
});
