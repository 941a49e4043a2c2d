import {
  addAction,
  addDecision,
  addKpi,
  addMeasurement,
  addObjective,
  type Author,
} from "@entente/schema";
import type { ApiHarness } from "./api-harness.js";
import { changeDocument } from "./document-writes.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

const DAY = 86_400_000;

/** `YYYY-MM-DD`, `days` from `now` (negative: before). */
export const isoDay = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

/**
 * For tests: a week of a partnership, as of `now`. Posts (two wins and a difficulty in the
 * week; a win of last month and an information post that do not count); three decisions
 * (one proposed and unvoted, one Northwind already approved, a draft); actions (one overdue,
 * one due tomorrow, one overdue but done); a KPI measured before and during the week.
 */
export async function seedWeek(harness: ApiHarness, cast: Cast, now: Date) {
  const pid = cast.partnershipId;
  const post = async (
    user: typeof cast.north.admin,
    title: string,
    tag: string,
    daysAgo: number,
  ) => {
    const created = await harness.request<{ post: { id: string } }>(
      "POST",
      `/api/partnerships/${pid}/posts`,
      {
        cookie: user.cookie,
        body: {
          title,
          tag,
          body: {
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text: title }] }],
          },
        },
      },
    );
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    await harness.store.db
      .updateTable("posts")
      .set({ created_at: now.getTime() - daysAgo * DAY })
      .where("id", "=", created.body.post.id)
      .execute();
  };
  await post(cast.north.editor, "Pilot signed", "success", 2);
  await post(cast.south.admin, "First shared customer", "success", 0.5);
  await post(cast.south.editor, "Data export blocked", "difficulty", 3);
  await post(cast.north.admin, "Kick-off", "success", 30);
  await post(cast.north.admin, "New office", "information", 1);

  const north: Author = { userId: cast.north.admin.id, organizationId: cast.north.id };
  const ids: Record<string, string> = {};
  await changeDocument(harness.store, `${pid}/decisions`, (doc) => {
    ids.open = addDecision(doc, { title: "Extend the pilot", governanceLevel: "tactical" }, north);
    ids.northVoted = addDecision(
      doc,
      { title: "Hire a joint PM", governanceLevel: "strategic" },
      north,
    );
    ids.draft = addDecision(
      doc,
      { title: "Rename", governanceLevel: "operational", status: "draft" },
      north,
    );
  });
  const voted = await harness.request(
    "POST",
    `/api/partnerships/${pid}/decisions/${ids.northVoted}/votes`,
    {
      cookie: cast.north.admin.cookie,
      body: { vote: "approve" },
    },
  );
  if (voted.status !== 201) throw new Error(JSON.stringify(voted.body));

  await changeDocument(harness.store, `${pid}/objectives`, (doc) => {
    const objective = addObjective(
      doc,
      {
        title: "Grow the market",
        ownerOrganizationIds: [cast.north.id, cast.south.id],
        governanceLevel: "tactical",
        status: "active",
      },
      north,
    );
    addAction(
      doc,
      objective,
      {
        title: "Sign the data agreement",
        ownerOrganizationId: cast.south.id,
        assigneeUserId: cast.south.editor.id,
        dueDate: isoDay(now, -4),
        status: "in_progress",
      },
      north,
    );
    addAction(
      doc,
      objective,
      { title: "Plan the launch", ownerOrganizationId: cast.north.id, dueDate: isoDay(now, 1) },
      north,
    );
    addAction(
      doc,
      objective,
      {
        title: "Draft the brief",
        ownerOrganizationId: cast.north.id,
        dueDate: isoDay(now, -5),
        status: "done",
      },
      north,
    );
    const kpi = addKpi(
      doc,
      objective,
      { name: "Active pilots", unit: "sites", baseline: 0, target: 12, direction: "increase" },
      north,
    );
    addMeasurement(doc, objective, kpi, { date: isoDay(now, -10), value: 3 }, north);
    addMeasurement(doc, objective, kpi, { date: isoDay(now, -2), value: 5 }, north);
    const idle = addKpi(
      doc,
      objective,
      { name: "Churn", unit: "%", target: 2, direction: "decrease" },
      north,
    );
    addMeasurement(doc, objective, idle, { date: isoDay(now, -20), value: 4 }, north);
  });
  return ids;
}
