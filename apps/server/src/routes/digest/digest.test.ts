import { beforeEach, describe, expect, it } from "vitest";
import { isoDay, seedWeek } from "../../test/seeded-week.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

describe("digest route", () => {
  const ctx = usePartnershipHarness();
  let ids: Record<string, string>;
  const now = new Date();

  beforeEach(async () => {
    ids = await seedWeek(ctx.harness, ctx.cast, now);
  });

  const preview = (
    cookie: string | undefined,
    query = "?period=week",
    pid = ctx.cast.partnershipId,
  ) => ctx.harness.request("GET", `/api/partnerships/${pid}/digest${query}`, { cookie });

  it("gathers the week for the caller's organization: exact sections, text and subject", async () => {
    const response = await preview(ctx.cast.south.viewer.cookie);
    expect(response.status).toBe(200);
    const digest = response.body.digest;
    expect(digest.organization).toEqual({ id: ctx.cast.south.id, name: "Southpeak" });
    expect(digest.period.kind).toBe("week");
    expect(digest.wins.map((p: any) => [p.title, p.organizationName, p.authorName])).toEqual([
      ["Pilot signed", "Northwind", "North Editor"],
      ["First shared customer", "Southpeak", "South Admin"],
    ]);
    expect(digest.difficulties.map((p: any) => p.title)).toEqual(["Data export blocked"]);
    // Southpeak has voted on neither; Northwind approved the second one.
    expect(digest.decisionsWaiting.map((d: any) => d.id)).toEqual([ids.open, ids.northVoted]);
    expect(digest.overdueActions).toEqual([
      expect.objectContaining({
        title: "Sign the data agreement",
        objectiveTitle: "Grow the market",
        ownerOrganizationName: "Southpeak",
        assigneeName: "South Editor",
        dueDate: isoDay(now, -4),
        status: "in_progress",
      }),
    ]);
    expect(digest.kpiMoves).toEqual([
      expect.objectContaining({ name: "Active pilots", from: 3, to: 5, unit: "sites", target: 12 }),
    ]);

    const day = (iso: string) => iso.slice(0, 10);
    const d = (offset: number) => isoDay(now, offset);
    expect(digest.language).toBe("en");
    expect(digest.subject).toBe("[North × South] Weekly digest for Southpeak");
    expect(digest.text).toBe(
      [
        "North × South · Weekly digest for Southpeak",
        `${day(digest.period.from)} – ${day(digest.period.to)}`,
        "",
        "Wins (2)",
        `- Pilot signed (Northwind, North Editor, ${d(-2)})`,
        `- First shared customer (Southpeak, South Admin, ${d(-0.5)})`,
        "",
        "Difficulties (1)",
        `- Data export blocked (Southpeak, South Editor, ${d(-3)})`,
        "",
        "Decisions waiting on Southpeak (2)",
        "- Extend the pilot (tactical)",
        "- Hire a joint PM (strategic)",
        "",
        "Overdue actions (1)",
        `- Sign the data agreement (due ${d(-4)}, Southpeak, South Editor; objective: Grow the market)`,
        "",
        "KPI moves (1)",
        `- Active pilots: 3 → 5 sites (target 12, ${d(-2)})`,
        "",
      ].join("\n"),
    );
    expect(digest.html).toContain(
      "<h2>Decisions waiting on Southpeak (2)</h2><ul><li>Extend the pilot (tactical)</li>",
    );

    // Northwind's: only the decision it has not voted on waits on it.
    const north = (await preview(ctx.cast.north.admin.cookie)).body.digest;
    expect(north.decisionsWaiting.map((x: any) => x.id)).toEqual([ids.open]);
  });

  it("speaks the caller's language, covers a day when asked, and says when there is nothing", async () => {
    await ctx.harness.request("PUT", "/api/me/notification-preferences", {
      cookie: ctx.cast.south.viewer.cookie,
      body: { language: "fr" },
    });
    const daily = (await preview(ctx.cast.south.viewer.cookie, "?period=day")).body.digest;
    expect(daily.subject).toBe("[North × South] Résumé quotidien pour Southpeak");
    expect(daily.wins.map((p: any) => p.title)).toEqual(["First shared customer"]);
    expect(daily.difficulties).toEqual([]);
    expect(daily.text).toContain("Difficultés (0)\n- Rien sur la période\n");
    expect(daily.kpiMoves).toEqual([]);
  });

  it("is for members only, and checks its query", async () => {
    expect((await preview(undefined)).status).toBe(401);
    const outsider = await ctx.harness.signup("Outsider");
    const org = await ctx.harness.createOrganization(outsider, "Elsewhere");
    const theirs = await ctx.harness.createPartnership(outsider, org);
    const refused = await preview(outsider.cookie);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("not_found");
    expect((await preview(ctx.cast.north.admin.cookie, "", theirs)).status).toBe(404);
    expect((await preview(outsider.cookie, "", theirs)).status).toBe(200);
    for (const query of ["?period=month", "?period=week&extra=1"]) {
      const bad = await preview(ctx.cast.north.admin.cookie, query);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("invalid_input");
    }
  });
});
