import { formatDocumentName, type DocumentRef } from "@entente/domain";
import { charterPlainText, resolveCharterAnchor } from "@entente/editor";
import type {
  ActivityResponse,
  CommentThreadListResponse,
  DecisionVotesResponse,
  KpiTargetsResponse,
  DigestResponse,
  HealthCheckListResponse,
  HealthCheckResponse,
  MeetingListResponse,
  NotificationListResponse,
  PartnershipResponse,
  PostListResponse,
  PostThreadResponse,
  RichTextNode,
  DocumentVersionView,
  VersionCompareResponse,
  WorkshopResponse,
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
import { DEMO_CHARTER_PHRASE } from "./demo-feed.js";
import { LIVE_WORKSHOP_TITLE } from "./demo-workshop.js";

const DAY_MS = 24 * 60 * 60_000;
const WEEK_MS = 7 * DAY_MS;

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
  let seedingMs: number;

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
    seedingMs = Date.now() - seededAt;
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

  it("shows meetings out of the box: past minutes signed off by both sides, and no level overdue on the first day", async () => {
    const response = await harness.request<MeetingListResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/meetings`,
      { cookie: cookieOf("Sofia Marchetti") },
    );
    expect(response.status).toBe(200);
    const { meetings, rhythm } = response.body;
    // The workshop under way first, with the meetings ahead; then those held.
    expect(meetings.map((m) => [m.kind, m.level])).toEqual([
      ["workshop", "operational"],
      ["tactical_review", "tactical"],
      ["workshop", "operational"],
      ["steering_committee", "strategic"],
      ["tactical_review", "tactical"],
    ]);
    expect(meetings[0]!.title).toBe(LIVE_WORKSHOP_TITLE);
    const steering = meetings[3]!;
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
      ["operational", 7, false],
    ]);
    expect(rhythm[1]!.nextMeeting?.id).toBe(meetings[1]!.id);
    expect(rhythm[2]!.nextMeeting?.id).toBe(meetings[2]!.id);
  });

  it("holds a workshop in full swing: both sides' notes revealed, clustered, and a dot vote both took part in", async () => {
    const list = await harness.request<MeetingListResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/meetings`,
      { cookie: cookieOf("Amara Diallo") },
    );
    const live = list.body.meetings.find((m) => m.title === LIVE_WORKSHOP_TITLE)!;
    expect(live.facilitator.name).toBe("Lucas Bernard");
    expect(Date.parse(live.startsAt)).toBeLessThan(Date.now());
    expect(Date.parse(live.startsAt) + live.durationMinutes * 60_000).toBeGreaterThan(Date.now());

    // A viewer sees what everyone sees once the notes are revealed.
    const response = await harness.request<WorkshopResponse>(
      "GET",
      `/api/meetings/${live.id}/workshop`,
      { cookie: cookieOf("Chen Wei") },
    );
    expect(response.status).toBe(200);
    const { workshop } = response.body;
    expect(workshop.facilitatorId).toBe(members.get("Lucas Bernard"));
    expect(workshop.phase).toBe("revealed");
    expect(workshop.hidden).toEqual([]);
    expect(workshop.columns.map((c) => c.title)).toEqual(["Ideas", "Concerns", "Next steps"]);
    expect(workshop.notes.length).toBeGreaterThanOrEqual(6);
    expect(workshop.notes.every((n) => n.revealed)).toBe(true);
    const sides = new Set(workshop.notes.map((n) => n.organizationId));
    expect(sides).toEqual(
      new Set([organizations.get("Northwind"), organizations.get("Southpeak")]),
    );
    // Every note's author sits for the organization the note is stamped with.
    for (const note of workshop.notes) {
      expect(members.get(note.author.name)).toBe(note.author.id);
      expect(note.author.organizationId).toBe(note.organizationId);
    }
    expect(workshop.groups.map((g) => g.title)).toEqual(["Shared slots"]);
    expect(workshop.notes.filter((n) => n.groupId === workshop.groups[0]!.id)).toHaveLength(2);

    // The vote is closed: totals for all, each voter's own dots to them alone.
    const vote = workshop.vote;
    expect(vote.status).toBe("closed");
    if (vote.status !== "closed") return;
    expect(vote.voterCount).toBe(4);
    expect(vote.myVotes).toEqual({});
    expect(vote.results[0]).toEqual({
      target: { kind: "group", id: workshop.groups[0]!.id },
      votes: 4,
    });
    const dots = await harness.store.db
      .selectFrom("workshop_votes")
      .innerJoin("partnership_members", "partnership_members.user_id", "workshop_votes.user_id")
      .select(["partnership_members.organization_id as organizationId", "workshop_votes.count"])
      .where("workshop_votes.meeting_id", "=", live.id)
      .where("partnership_members.partnership_id", "=", partnershipId)
      .execute();
    const byOrganization = new Map<string, number>();
    for (const dot of dots) {
      byOrganization.set(
        dot.organizationId,
        (byOrganization.get(dot.organizationId) ?? 0) + dot.count,
      );
    }
    expect(Object.fromEntries(byOrganization)).toEqual({
      [organizations.get("Northwind")!]: 6,
      [organizations.get("Southpeak")!]: 6,
    });
    const amara = await harness.request<WorkshopResponse>(
      "GET",
      `/api/meetings/${live.id}/workshop`,
      { cookie: cookieOf("Amara Diallo") },
    );
    const mine = amara.body.workshop.vote;
    expect(mine.status === "closed" && Object.values(mine.myVotes).reduce((a, b) => a + b, 0)).toBe(
      3,
    );
  });

  it("has a workshop ahead whose facilitator has not set it up: it opens with a default column", async () => {
    const list = await harness.request<MeetingListResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/meetings`,
      { cookie: cookieOf("Ben Carter") },
    );
    const ahead = list.body.meetings.filter(
      (m) => m.kind === "workshop" && m.title !== LIVE_WORKSHOP_TITLE,
    );
    expect(ahead).toHaveLength(1);
    const response = await harness.request<WorkshopResponse>(
      "GET",
      `/api/meetings/${ahead[0]!.id}/workshop`,
      { cookie: cookieOf("Ben Carter") },
    );
    expect(response.body.workshop.columns.map((c) => c.title)).toEqual(["Ideas"]);
    expect(response.body.workshop.notes).toEqual([]);
  });

  it("has one KPI target change waiting for the partner, recorded by the server", async () => {
    const response = await harness.request<KpiTargetsResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/kpis/targets`,
      { cookie: cookieOf("Amara Diallo") },
    );
    expect(response.status).toBe(200);
    const waiting = Object.values(response.body.kpis).filter((kpi) => kpi.pending !== null);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      agreedTarget: 8,
      pending: {
        target: 7.5,
        proposedBy: { userName: "Sofia Marchetti", organizationId: organizations.get("Southpeak") },
        agreements: [{ organizationId: organizations.get("Southpeak") }],
        awaitingOrganizationIds: [organizations.get("Northwind")],
      },
    });
    // Proposed yesterday in the story, not at seeding time.
    expect(Date.parse(waiting[0]!.pending!.proposedAt)).toBeLessThan(seededAt - DAY_MS / 2);
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

  it("has a decision superseded by one in effect (both keys turned) and one waiting for Southpeak", async () => {
    const all = allOk(
      await read({ kind: "decisions", partnershipId }, (doc) => readDecisions(doc)),
    );
    expect(all.map((d) => [d.title, d.status])).toEqual([
      ["Run the cold-chain pilot in three depots", "proposed"],
      ["Extend the pilot to a fourth depot", "proposed"],
      ["Share producer volumes monthly, aggregated by depot", "proposed"],
    ]);
    const [superseded, ...decisions] = all;
    expect(decisions[0]?.supersedes).toBe(superseded?.id);
    const votes = await harness.request<DecisionVotesResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/decisions/votes`,
      { cookie: cookieOf("Ben Carter") },
    );
    expect(votes.status).toBe(200);
    const [inEffect, waiting] = decisions.map((d) => votes.body.decisions[d.id]);
    const old = votes.body.decisions[superseded?.id ?? ""];
    expect(old?.outcome).toBe("approved");
    expect(old?.agreed?.title).toBe("Run the cold-chain pilot in three depots");
    expect(inEffect?.agreed?.title).toBe("Extend the pilot to a fourth depot");
    expect(inEffect?.votes.every((v) => v.current)).toBe(true);
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
    // The charter both endorsed was amended since (its history): Ben was told.
    expect((await unread("Ben Carter")).sort()).toEqual(["charter_changed", "mention"]);
    // The overdue action is no news to announce: it was late before the watch first looked.
    expect((await unread("Lucas Bernard")).sort()).toEqual([
      "charter_changed",
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

  it("keeps the charter's text, written by Amara and amended by Sofia", async () => {
    const text = await read({ kind: "charter", partnershipId }, (doc) => charterPlainText(doc));
    expect(text).toBe(
      [
        "Purpose",
        "Northwind and Southpeak join forces to bring low-carbon cold-chain logistics to regional food producers, sharing means, expertise and risk.",
        "Shared values",
        "Trust, transparency about constraints, and sharing difficulties as openly as successes.",
        "Governance",
        "A steering committee each quarter, a tactical review each month, an operational sync each week.",
        "Exit terms",
        "Either partner may leave with six months' notice; jointly developed assets stay available to both.",
      ].join("\n"),
    );
    const authors = await harness.store.db
      .selectFrom("document_updates")
      .select(["user_id", "organization_id", "created_at"])
      .where("document_name", "=", formatDocumentName({ kind: "charter", partnershipId }))
      .orderBy("id")
      .execute();
    expect(authors.map((a) => [a.user_id, a.organization_id])).toEqual([
      ...Array.from({ length: 4 }, () => [
        members.get("Amara Diallo"),
        organizations.get("Northwind"),
      ]),
      [members.get("Sofia Marchetti"), organizations.get("Southpeak")],
    ]);
    for (const { created_at } of authors) expect(Number(created_at)).toBeLessThan(seededAt);
  });

  it("gives the charter a history: a named draft, both endorsements, then Sofia's amendment", async () => {
    const path = `/api/partnerships/${partnershipId}/charter/versions`;
    const cookie = cookieOf("Amara Diallo");
    const { body } = await harness.request("GET", path, { cookie });
    const versions = body.versions as DocumentVersionView[];
    expect(versions.map((v) => [v.number, v.kind, v.label, v.endorsedBy])).toEqual([
      [3, "endorsement", "Southpeak", [organizations.get("Southpeak")]],
      [2, "endorsement", "Northwind", [organizations.get("Northwind")]],
      [1, "named", "Draft for review", []],
    ]);
    for (const v of versions) expect(Date.parse(v.createdAt)).toBeLessThan(seededAt);
    // Since Northwind endorsed: Sofia's amendment, coloured Southpeak.
    const northwind = versions[1]?.id ?? "";
    const since = await harness.request("GET", `${path}/${northwind}/compare/current`, { cookie });
    expect(since.status).toBe(200);
    const changed = (since.body as VersionCompareResponse).blocks.flatMap((block) =>
      block.segments.filter((s) => s.change !== "same"),
    );
    expect(changed).toContainEqual({
      text: "; jointly developed assets stay available to both",
      change: "added",
      organizationId: organizations.get("Southpeak"),
    });
    const status = await harness.request(
      "GET",
      `/api/partnerships/${partnershipId}/charter/status`,
      {
        cookie,
      },
    );
    expect(status.body.status.changedSinceEndorsement).toBe(true);
  });

  it("shows a past week of edits by members of both organizations in the activity", async () => {
    const activityOf = async (organizationId?: string) => {
      const query = organizationId ? `&organizationId=${organizationId}` : "";
      const response = await harness.request<ActivityResponse>(
        "GET",
        `/api/partnerships/${partnershipId}/activity?limit=100${query}`,
        { cookie: cookieOf("Ben Carter") },
      );
      expect(response.status).toBe(200);
      return response.body.entries;
    };
    const all = await activityOf();
    // The charter's governance entries (endorsed, endorsement lost) are not edits.
    const entries = all.filter((e) => !e.charter);
    // Every stored edit is a member's: nothing is left to "Entente (set-up)".
    expect(entries.filter((e) => e.user === null)).toEqual([]);
    const lastWeek = entries.filter((e) => Date.parse(e.to) > seededAt - WEEK_MS);
    for (const entry of entries) expect(Date.parse(entry.to)).toBeLessThan(seededAt);
    expect(new Set(lastWeek.map((e) => e.organization?.name))).toEqual(
      new Set(["Northwind", "Southpeak"]),
    );
    expect(
      new Set(lastWeek.map((e) => Math.floor((seededAt - Date.parse(e.to)) / DAY_MS))).size,
    ).toBeGreaterThan(1);
    expect(new Set(entries.map((e) => e.user?.name))).toEqual(
      new Set(["Amara Diallo", "Ben Carter", "Sofia Marchetti", "Lucas Bernard"]),
    );
    expect(new Set(entries.map((e) => e.document.kind))).toEqual(
      new Set(["charter", "objectives", "issues", "decisions", "profile"]),
    );
    // Sofia's amendment of the charter, two days ago.
    expect(
      entries.find((e) => e.document.kind === "charter" && e.user?.name === "Sofia Marchetti")
        ?.summary,
    ).toBe("Southpeak · Sofia Marchetti edited the charter (1 edit)");
    // One sitting of several edits is one entry.
    expect(
      entries.find((e) => e.document.kind === "charter" && e.user?.name === "Amara Diallo")
        ?.updates,
    ).toBe(4);

    for (const [name, organizationId] of organizations) {
      const own = await activityOf(organizationId);
      expect(own.length, name).toBeGreaterThan(0);
      expect(own.filter((e) => Date.parse(e.to) > seededAt - WEEK_MS).length, name).toBeGreaterThan(
        0,
      );
      expect(new Set(own.map((e) => e.organization?.name)), name).toEqual(new Set([name]));
    }
  });

  it("has an open question on the charter's text and a resolved one on the overdue action", async () => {
    const threadsOf = async (query: string) => {
      const response = await harness.request<CommentThreadListResponse>(
        "GET",
        `/api/partnerships/${partnershipId}/comment-threads?${query}`,
        { cookie: cookieOf("Lucas Bernard") },
      );
      expect(response.status).toBe(200);
      return response.body.threads;
    };
    const onCharter = await threadsOf("status=all&targetKind=charter");
    expect(onCharter.map((t) => t.status)).toEqual(["open"]);
    const [question] = onCharter;
    if (question?.target.kind !== "charter") throw new Error("no thread on the charter");
    expect(question.target.anchor.quote).toBe(DEMO_CHARTER_PHRASE);
    const range = await read({ kind: "charter", partnershipId }, (doc) =>
      resolveCharterAnchor(
        doc,
        question.target.kind === "charter" ? question.target.anchor : { start: "", end: "" },
      ),
    );
    expect(range?.text).toBe(DEMO_CHARTER_PHRASE);
    expect(question.comments.map((c) => [c.author.name, c.author.organizationId])).toEqual([
      ["Sofia Marchetti", organizations.get("Southpeak")],
      ["Amara Diallo", organizations.get("Northwind")],
    ]);

    const overdue = await read({ kind: "objectives", partnershipId }, (doc) =>
      readValues(readObjectives(doc))
        .flatMap((o) => readValues(o.actions))
        .find((a) => a.title === "Sign the data-sharing agreement on producer volumes"),
    );
    const onAction = await threadsOf(`status=all&targetKind=action&targetId=${overdue?.id}`);
    expect(onAction.map((t) => [t.status, t.resolvedBy?.name])).toEqual([
      ["resolved", "Amara Diallo"],
    ]);
    expect(onAction[0]!.comments.map((c) => c.author.name)).toEqual([
      "Amara Diallo",
      "Lucas Bernard",
    ]);
    expect(await threadsOf("status=open")).toHaveLength(1);

    // Back-dated within the week, each comment after the one it answers.
    for (const thread of [...onCharter, ...onAction]) {
      const times = [thread.createdAt, ...thread.comments.map((c) => c.createdAt)].map(Date.parse);
      expect(times[0]).toBeGreaterThan(seededAt - WEEK_MS);
      expect(times.at(-1)).toBeLessThan(seededAt);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      if (thread.resolvedAt) expect(Date.parse(thread.resolvedAt)).toBeLessThan(seededAt);
    }
  });

  it("holds two closed health checks whose results show and differ, and one open", async () => {
    const list = await harness.request<HealthCheckListResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/health-checks`,
      { cookie: cookieOf("Chen Wei") },
    );
    expect(list.body.healthChecks.map((h) => [h.title, h.status])).toEqual([
      ["Q3 health check", "open"],
      ["Q2 health check", "closed"],
      ["Q1 health check", "closed"],
    ]);
    for (const cycle of list.body.healthChecks.filter((h) => h.status === "closed")) {
      const { body } = await harness.request<HealthCheckResponse>(
        "GET",
        `/api/health-checks/${cycle.id}`,
        { cookie: cookieOf("Inès Moreau") },
      );
      expect(body.answered).toBe(true);
      expect(body.results.map((r) => [r.respondents, r.hidden])).toEqual([
        [3, false],
        [3, false],
      ]);
      expect(body.results[0]?.averages).not.toEqual(body.results[1]?.averages);
    }
  });

  it("seeds quickly, and once", async () => {
    expect(seedingMs).toBeLessThan(10_000);
    const count = async (table: "meetings" | "posts" | "comment_threads" | "document_updates") =>
      (
        await harness.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await Promise.all(
      (["meetings", "posts", "comment_threads", "document_updates"] as const).map(count),
    );
    await seedDemo(harness.store, createLogger({ level: "silent" }));
    const after = await Promise.all(
      (["meetings", "posts", "comment_threads", "document_updates"] as const).map(count),
    );
    expect(after).toEqual(before);
    expect(after.slice(0, 3).map(Number)).toEqual([5, 4, 2]);
  });
});
