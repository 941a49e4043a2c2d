import { formatDocumentName, type DocumentRef } from "@entente/domain";
import type {
  DecisionVotesResponse,
  DigestResponse,
  MeetingListResponse,
  NotificationListResponse,
  PartnershipResponse,
  PostListResponse,
  PostThreadResponse,
  RichTextNode,
} from "@entente/protocol";
import {
  ISSUE_KINDS,
  readDecisions,
  readIssues,
  readObjectives,
  readProfile,
  readValues,
  type ReadResult,
} from "@entente/schema";
import type * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger.js";
import { ApiHarness, sessionCookieFrom } from "../test/api-harness.js";
import { DEMO_PARTNERSHIP, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./demo.js";

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** Every entry of a document read back well-formed: the seed wrote nothing the schema refuses. */
function allOk<T>(entries: ReadResult<T>[]): T[] {
  expect(entries.filter((e) => !e.ok)).toEqual([]);
  return readValues(entries);
}

function mentionsOf(node: RichTextNode | null): string[] {
  if (!node) return [];
  const own = node.type === "mention" ? [String(node.attrs?.label)] : [];
  return [...own, ...(node.content ?? []).flatMap(mentionsOf)];
}

describe("the demo seed", () => {
  let harness: ApiHarness;
  let partnershipId: string;
  const cookies = new Map<string, string>();
  const cookieOf = (name: string) => cookies.get(name) ?? "";
  let organizations: Map<string, string>;
  let members: Map<string, string>;
  let seededAt: number;

  async function read<T>(ref: DocumentRef, reader: (doc: Y.Doc) => T): Promise<T> {
    const doc = await harness.services.documents.readDocument(formatDocumentName(ref));
    try {
      return reader(doc);
    } finally {
      doc.destroy();
    }
  }

  beforeAll(async () => {
    harness = await ApiHarness.create();
    seededAt = Date.now();
    await seedDemo(harness.store, createLogger({ level: "silent" }));
    for (const user of DEMO_USERS) {
      const login = await harness.request("POST", "/api/auth/login", {
        body: { email: user.email, password: DEMO_PASSWORD },
      });
      expect(login.status).toBe(200);
      cookies.set(user.name, sessionCookieFrom(login.headers));
    }
    const me = await harness.request("GET", "/api/me", { cookie: cookieOf("Sofia Marchetti") });
    const partnership = me.body.partnerships.find(
      (p: { name: string }) => p.name === DEMO_PARTNERSHIP,
    );
    partnershipId = partnership.id as string;
    const details = await harness.request<PartnershipResponse>(
      "GET",
      `/api/partnerships/${partnershipId}`,
      { cookie: cookieOf("Sofia Marchetti") },
    );
    organizations = new Map(details.body.organizations.map((o) => [o.name, o.id]));
    members = new Map(details.body.members.map((m) => [m.name, m.id]));
  });

  afterAll(async () => {
    await harness.close();
  });

  it("shows meetings out of the box: past minutes signed off by both sides, and an overdue level", async () => {
    const response = await harness.request<MeetingListResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/meetings`,
      { cookie: cookieOf("Sofia Marchetti") },
    );
    expect(response.status).toBe(200);
    const { meetings, rhythm } = response.body;
    expect(meetings.map((m) => [m.kind, m.level])).toEqual([
      ["tactical_review", "tactical"],
      ["workshop", "operational"],
      ["steering_committee", "strategic"],
      ["tactical_review", "tactical"],
    ]);
    const steering = meetings[2]!;
    expect(steering.agenda).toHaveLength(3);
    expect(steering.participants).toHaveLength(4);
    // The signed versions are those of the stored notes: nothing changed since.
    for (const item of steering.agenda) {
      expect(item.signOffs.map((s) => [s.organizationName, s.changedSince])).toEqual([
        ["Northwind", false],
        ["Southpeak", false],
      ]);
    }
    expect(rhythm.map((r) => [r.level, r.intervalDays, r.overdue])).toEqual([
      ["strategic", 90, false],
      ["tactical", 30, false],
      ["operational", 7, true],
    ]);
    expect(rhythm[1]!.nextMeeting?.id).toBe(meetings[0]!.id);
    expect(rhythm[2]!.nextMeeting?.id).toBe(meetings[1]!.id);
  });

  it("has objectives with owners, KPIs that moved (one target changed, with who agreed) and actions", async () => {
    const objectives = allOk(
      await read({ kind: "objectives", partnershipId }, (doc) => readObjectives(doc)),
    );
    const northwind = organizations.get("Northwind");
    const southpeak = organizations.get("Southpeak");
    expect(objectives.map((o) => [o.title, o.ownerOrganizationIds.length, o.status])).toEqual([
      ["Run the regional cold chain on low-carbon routes", 2, "active"],
      ["Open the regional cold-chain offer to 40 producers", 1, "active"],
      ["Share one traceability platform for temperature and volumes", 1, "proposed"],
    ]);
    expect(objectives[0]!.ownerOrganizationIds.sort()).toEqual([northwind, southpeak].sort());

    const kpis = objectives.flatMap((o) => allOk(o.kpis));
    expect(kpis.length).toBeGreaterThanOrEqual(3);
    for (const kpi of kpis) {
      expect(kpi.baseline).not.toBeNull();
      expect(allOk(kpi.measurements).length).toBeGreaterThanOrEqual(2);
    }
    const onTime = kpis.find((k) => k.name === "On-time refrigerated deliveries")!;
    expect([onTime.baseline, onTime.target, onTime.direction]).toEqual([94, 99, "increase"]);
    const history = allOk(onTime.targetHistory);
    expect(history.map((h) => h.target)).toEqual([98, 99]);
    expect(history[1]).toMatchObject({
      changedBy: members.get("Amara Diallo"),
      organizationId: northwind,
    });
    expect(history[1]!.note).toContain("Sofia Marchetti");
    expect(allOk(onTime.measurements).map((m) => m.value)).toEqual([95.1, 97.4, 99.2, 98.6]);

    const actions = objectives.flatMap((o) => allOk(o.actions));
    const memberIds = new Set(members.values());
    for (const action of actions) {
      expect(memberIds).toContain(action.assigneeUserId);
      expect([northwind, southpeak]).toContain(action.ownerOrganizationId);
      expect(action.dueDate).not.toBeNull();
    }
    const today = new Date().toISOString().slice(0, 10);
    const overdue = actions.filter(
      (a) => a.dueDate! < today && a.status !== "done" && a.status !== "cancelled",
    );
    expect(overdue.map((a) => a.title)).toEqual([
      "Sign the data-sharing agreement on producer volumes",
    ]);
    expect(actions.filter((a) => a.status === "done").map((a) => a.title)).toEqual([
      "Equip the Lyon depot with solar-powered cold rooms",
    ]);
  });

  it("has an issues log of every kind, with one entry escalated", async () => {
    const issues = allOk(await read({ kind: "issues", partnershipId }, (doc) => readIssues(doc)));
    expect(issues.map((i) => i.kind).sort()).toEqual([...ISSUE_KINDS].sort());
    expect(new Set(issues.map((i) => i.severity)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(issues.map((i) => i.status)).size).toBeGreaterThanOrEqual(3);
    const escalated = issues.filter((i) => i.escalationLevel !== "operational");
    expect(escalated.map((i) => [i.title, i.escalationLevel])).toEqual([
      ["Data-sharing agreement stuck in Southpeak's legal review", "strategic"],
    ]);
    const objectiveIds = await read({ kind: "objectives", partnershipId }, (doc) =>
      readValues(readObjectives(doc)).map((o) => o.id),
    );
    for (const issue of issues) expect(objectiveIds).toContain(issue.linkedObjectiveId);
  });

  it("has one decision in effect (both keys turned) and one waiting for Southpeak", async () => {
    const decisions = allOk(
      await read({ kind: "decisions", partnershipId }, (doc) => readDecisions(doc)),
    );
    expect(decisions.map((d) => [d.title, d.status])).toEqual([
      ["Extend the pilot to a fourth depot", "proposed"],
      ["Share producer volumes monthly, aggregated by depot", "proposed"],
    ]);
    const votes = await harness.request<DecisionVotesResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/decisions/votes`,
      { cookie: cookieOf("Ben Carter") },
    );
    expect(votes.status).toBe(200);
    const [inEffect, waiting] = decisions.map((d) => votes.body.decisions[d.id]);
    expect(inEffect?.outcome).toBe("approved");
    expect(inEffect?.votes.map((v) => [v.userName, v.vote])).toEqual([
      ["Amara Diallo", "approve"],
      ["Sofia Marchetti", "approve"],
    ]);
    expect(waiting?.outcome).toBe("pending");
    expect(waiting?.votes.map((v) => [v.organizationId, v.vote])).toEqual([
      [organizations.get("Northwind"), "approve"],
    ]);
  });

  it("has each organization's contributions (promised vs delivered) and constraints", async () => {
    const objectiveIds = await read({ kind: "objectives", partnershipId }, (doc) =>
      readValues(readObjectives(doc)).map((o) => o.id),
    );
    for (const [name, organizationId] of organizations) {
      const profile = await read({ kind: "profile", partnershipId, organizationId }, (doc) =>
        readProfile(doc),
      );
      const contributions = allOk(profile.contributions);
      const constraints = allOk(profile.constraints);
      expect(contributions.length, name).toBeGreaterThanOrEqual(3);
      expect(constraints.length, name).toBeGreaterThanOrEqual(2);
      expect(allOk(profile.ambitions), name).toHaveLength(1);
      for (const item of [...contributions, ...constraints]) {
        expect(item.organizationId, name).toBe(organizationId);
      }
      for (const contribution of contributions) expect(contribution.promisedAmount).not.toBeNull();
      // Some promises are kept, some are not yet.
      expect(
        contributions.some((c) => (c.deliveredAmount ?? 0) < (c.promisedAmount ?? 0)),
        name,
      ).toBe(true);
      for (const constraint of constraints) {
        expect(constraint.affectedObjectiveIds.length).toBeGreaterThan(0);
        for (const id of constraint.affectedObjectiveIds) expect(objectiveIds).toContain(id);
      }
    }
  });

  it("has a week of updates: every tag, a reply, reactions, mentions and who has seen them", async () => {
    const list = await harness.request<PostListResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/posts`,
      { cookie: cookieOf("Lucas Bernard") },
    );
    expect(list.status).toBe(200);
    const { posts } = list.body;
    expect(posts.map((p) => p.tag)).toEqual(["information", "request", "difficulty", "success"]);
    for (const post of posts) {
      const at = Date.parse(post.createdAt);
      expect(at).toBeLessThan(seededAt);
      expect(at).toBeGreaterThan(seededAt - WEEK_MS);
      expect(post.seenBy.organizations.length).toBeGreaterThan(0);
      for (const organization of post.seenBy.organizations) {
        expect(organization.members.map((m) => m.id)).not.toContain(post.author.id);
      }
    }
    expect(posts.flatMap((p) => mentionsOf(p.body))).toEqual(["Lucas Bernard", "Southpeak"]);
    expect(posts.some((p) => p.reactions.length > 0)).toBe(true);
    expect(posts.map((p) => p.replyCount)).toEqual([0, 1, 1, 0]);

    const difficulty = posts[2]!;
    const thread = await harness.request<PostThreadResponse>("GET", `/api/posts/${difficulty.id}`, {
      cookie: cookieOf("Lucas Bernard"),
    });
    expect(thread.status).toBe(200);
    const [reply] = thread.body.replies;
    expect(reply?.author.name).toBe("Lucas Bernard");
    expect(mentionsOf(reply?.body ?? null)).toEqual(["Ben Carter"]);
    expect(reply?.reactions.map((r) => [r.name, r.userIds])).toEqual([
      ["pray", [members.get("Ben Carter")]],
    ]);
    expect(Date.parse(reply!.createdAt)).toBeGreaterThan(Date.parse(difficulty.createdAt));
  });

  it("gives each organization's digest preview something to say", async () => {
    const digestOf = async (name: string) => {
      const response = await harness.request<DigestResponse>(
        "GET",
        `/api/partnerships/${partnershipId}/digest?period=week`,
        { cookie: cookieOf(name) },
      );
      expect(response.status).toBe(200);
      return response.body.digest;
    };
    const north = await digestOf("Amara Diallo");
    expect(north.wins.map((p) => p.title)).toEqual(["Lyon's cold rooms now run on solar power"]);
    expect(north.difficulties.map((p) => p.title)).toEqual(["Driver training slips by two weeks"]);
    expect(north.decisionsWaiting).toEqual([]);
    expect(north.overdueActions.map((a) => [a.title, a.assigneeName])).toEqual([
      ["Sign the data-sharing agreement on producer volumes", "Lucas Bernard"],
    ]);
    expect(north.kpiMoves.length).toBeGreaterThanOrEqual(3);
    const south = await digestOf("Sofia Marchetti");
    expect(south.decisionsWaiting.map((d) => d.title)).toEqual([
      "Share producer volumes monthly, aggregated by depot",
    ]);
  });

  it("leaves the strategic leads nothing unread, and the others what they were told", async () => {
    const unread = async (name: string) => {
      const response = await harness.request<NotificationListResponse>(
        "GET",
        "/api/notifications",
        { cookie: cookieOf(name) },
      );
      expect(response.status).toBe(200);
      return response.body.notifications.filter((n) => n.readAt === null).map((n) => n.kind);
    };
    expect(await unread("Amara Diallo")).toEqual([]);
    expect(await unread("Sofia Marchetti")).toEqual([]);
    expect(await unread("Ben Carter")).toEqual(["mention"]);
    // The overdue action is no news to announce: it was late before the watch first looked.
    expect((await unread("Lucas Bernard")).sort()).toEqual([
      "decision_waiting",
      "mention",
      "organization_mention",
    ]);

    // The server's periodic watches find nothing left to tell: the seed already told it.
    const count = async () =>
      (await harness.store.db.selectFrom("notifications").select("id").execute()).length;
    const before = await count();
    await harness.services.governanceWatch.check(partnershipId);
    await harness.services.itemWatch.check(partnershipId);
    expect(await count()).toBe(before);
  });

  it("seeds once", async () => {
    await seedDemo(harness.store, createLogger({ level: "silent" }));
    const meetings = await harness.store.db.selectFrom("meetings").select("id").execute();
    expect(meetings).toHaveLength(4);
    const posts = await harness.store.db.selectFrom("posts").select("id").execute();
    expect(posts).toHaveLength(4);
    const updates = await harness.store.db
      .selectFrom("document_updates")
      .select("document_name")
      .execute();
    expect(updates.filter((u) => u.document_name.endsWith("/objectives"))).toHaveLength(1);
  });
});
