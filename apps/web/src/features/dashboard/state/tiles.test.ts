import type { CharterStatus, DecisionVotesView, PostView } from "@entente/protocol";
import type { Action, Decision, Issue, Kpi, Objective, ReadResult } from "@entente/schema";
import { describe, expect, it } from "vitest";
import { inLens } from "../../partnerships";
import {
  contributionTotals,
  kpiTrends,
  summarizeActions,
  summarizeIssues,
  waitingOn,
  winsAndDifficulties,
  type Shows,
} from "./tiles";

const N = "org-north";
const S = "org-south";
const stamp = { createdBy: "u1", organizationId: N, createdAt: "2026-01-01T00:00:00.000Z" };
const ok = <T>(value: T): ReadResult<T> => ({ ok: true, value });
const broken: ReadResult<never> = { ok: false, id: "x", problem: "bad", raw: null };
const lens =
  (which: "ours" | "theirs" | "both"): Shows =>
  (ids) =>
    inLens(which, N, typeof ids === "string" ? [ids] : ids);

function action(id: string, owner: string, patch: Partial<Action> = {}): ReadResult<Action> {
  return ok({
    ...stamp,
    id,
    objectiveId: "o1",
    title: id,
    ownerOrganizationId: owner,
    assigneeUserId: null,
    dueDate: null,
    status: "todo",
    meetingId: null,
    ...patch,
  });
}

function kpi(patch: Partial<Kpi>): ReadResult<Kpi> {
  return ok({
    ...stamp,
    id: "k1",
    objectiveId: "o1",
    name: "Empty km",
    unit: "%",
    baseline: 30,
    target: 20,
    direction: "decrease",
    targetHistory: [],
    measurements: [],
    ...patch,
  });
}

function objective(id: string, owners: string[], patch: Partial<Objective> = {}): Objective {
  return {
    ...stamp,
    id,
    title: id,
    description: "",
    ownerOrganizationIds: owners,
    governanceLevel: "tactical",
    status: "active",
    dueDate: null,
    actions: [],
    kpis: [],
    ...patch,
  };
}

describe("kpiTrends", () => {
  const measured = objective("o1", [N, S], {
    kpis: [
      kpi({
        targetHistory: [
          ok({
            target: 25,
            changedBy: "u1",
            organizationId: N,
            changedAt: "2026-01-01T09:00:00Z",
            note: null,
            proposalId: null,
          }),
          ok({
            target: 20,
            changedBy: "u2",
            organizationId: S,
            changedAt: "2026-03-01T09:00:00Z",
            note: null,
            proposalId: null,
          }),
        ],
        measurements: [
          ok({ ...stamp, id: "m3", date: "2026-03-15", value: 21, note: null }),
          ok({ ...stamp, id: "m1", date: "2026-01-15", value: 29, note: null }),
          broken,
          ok({ ...stamp, id: "m2", date: "2026-02-15", value: 24, note: null }),
        ],
      }),
    ],
  });

  it("orders measurements by date, each against the target in force that day", () => {
    const [trend] = kpiTrends([measured], lens("both"));
    expect(trend?.points).toEqual([
      { date: "2026-01-15", value: 29, target: 25 },
      { date: "2026-02-15", value: 24, target: 25 },
      { date: "2026-03-15", value: 21, target: 20 },
    ]);
    expect(trend?.targetChanges).toEqual([{ date: "2026-03-01", target: 20 }]);
    // A decrease KPI at 21 against 20 is not there yet.
    expect(trend?.onTrack).toBe(false);
  });

  it("says on track by the KPI's direction, nothing without measurements", () => {
    const up = objective("o2", [S], {
      kpis: [
        kpi({
          direction: "increase",
          target: 10,
          measurements: [ok({ ...stamp, id: "m", date: "2026-01-01", value: 12, note: null })],
        }),
      ],
    });
    expect(kpiTrends([up], lens("both"))[0]?.onTrack).toBe(true);
    const none = objective("o3", [N], { kpis: [kpi({})] });
    expect(kpiTrends([none], lens("both"))[0]).toMatchObject({ latest: null, onTrack: null });
  });

  it("follows the lens by the objective's owners", () => {
    const theirs = objective("o2", [S], { kpis: [kpi({ id: "k2" })] });
    expect(kpiTrends([measured, theirs], lens("ours")).map((t) => t.kpi.id)).toEqual(["k1"]);
    expect(kpiTrends([measured, theirs], lens("theirs")).map((t) => t.kpi.id)).toEqual([
      "k1",
      "k2",
    ]);
  });
});

describe("summarizeActions", () => {
  const objectives = [
    objective("o1", [N, S], {
      actions: [
        action("late-south", S, { dueDate: "2026-01-10" }),
        action("later-north", N, { dueDate: "2026-05-01", status: "in_progress" }),
        action("late-north", N, { dueDate: "2026-02-01", status: "blocked" }),
        action("done-north", N, { dueDate: "2026-01-01", status: "done" }),
        action("undated", S),
        broken,
      ],
    }),
  ];

  it("counts by status and owner, lists the open ones overdue first", () => {
    const summary = summarizeActions(objectives, [N, S], lens("both"), "2026-03-01");
    expect(summary.byOrganization).toEqual([
      { organizationId: N, counts: { todo: 0, in_progress: 1, blocked: 1, done: 1, cancelled: 0 } },
      { organizationId: S, counts: { todo: 2, in_progress: 0, blocked: 0, done: 0, cancelled: 0 } },
    ]);
    expect(summary.open.map((a) => [a.action.id, a.overdue])).toEqual([
      ["late-south", true],
      ["late-north", true],
      ["later-north", false],
      ["undated", false],
    ]);
    expect(summary.overdueCount).toBe(2);
  });

  it("keeps only the lens's owners", () => {
    const summary = summarizeActions(objectives, [N, S], lens("theirs"), "2026-03-01");
    expect(summary.byOrganization.map((r) => r.organizationId)).toEqual([S]);
    expect(summary.open.map((a) => a.action.id)).toEqual(["late-south", "undated"]);
  });
});

describe("summarizeIssues", () => {
  const issue = (id: string, owner: string, patch: Partial<Issue>): Issue =>
    ({
      ...stamp,
      id,
      ownerOrganizationId: owner,
      status: "open",
      severity: "low",
      escalationLevel: "operational",
      ...patch,
    }) as Issue;
  const issues = [
    issue("a", N, { severity: "high", escalationLevel: "strategic" }),
    issue("b", S, { severity: "high", status: "in_progress" }),
    issue("c", S, { severity: "critical", status: "resolved" }),
    issue("d", N, { severity: "low", status: "closed" }),
  ];

  it("counts open and in-progress issues by severity and escalation level", () => {
    const summary = summarizeIssues(issues, lens("both"));
    expect(summary.open.map((i) => i.id)).toEqual(["a", "b"]);
    expect(summary.bySeverity).toEqual({ low: 0, medium: 0, high: 2, critical: 0 });
    expect(summary.byLevel).toEqual({ strategic: 1, tactical: 0, operational: 1 });
    expect(summarizeIssues(issues, lens("ours")).open.map((i) => i.id)).toEqual(["a"]);
  });
});

describe("waitingOn", () => {
  const decision = (id: string, status: Decision["status"]): Decision =>
    ({ ...stamp, id, title: id, status }) as Decision;
  const votes: Record<string, DecisionVotesView> = {
    d1: {
      outcome: "pending",
      contentVersion: "v",
      votes: [
        {
          decisionId: "d1",
          organizationId: N,
          userId: "u",
          userName: "U",
          vote: "approve",
          comment: null,
          votedAt: "",
          current: true,
        },
      ],
    },
    d2: {
      outcome: "pending",
      contentVersion: "v",
      votes: [
        {
          decisionId: "d2",
          organizationId: S,
          userId: "u",
          userName: "U",
          vote: "approve",
          comment: null,
          votedAt: "",
          current: false,
        },
      ],
    },
  };
  const votesOf = (id: string) =>
    votes[id] ?? { outcome: "pending" as const, contentVersion: "", votes: [] };
  const charter = {
    empty: false,
    endorsements: [
      { organizationId: N, current: true },
      { organizationId: S, current: false },
    ],
  } as unknown as CharterStatus;

  it("lists proposed decisions without a current vote of the organization, and a stale endorsement", () => {
    const decisions = [
      decision("d1", "proposed"),
      decision("d2", "proposed"),
      decision("d3", "draft"),
    ];
    const waiting = waitingOn(decisions, votesOf, charter, [N, S], lens("both"));
    expect(waiting.map((w) => [w.organizationId, w.decisions.map((d) => d.id), w.charter])).toEqual(
      [
        [N, ["d2"], false],
        [S, ["d1", "d2"], true],
      ],
    );
    expect(
      waitingOn(decisions, votesOf, charter, [N, S], lens("theirs")).map((w) => w.organizationId),
    ).toEqual([S]);
  });
});

describe("contributionTotals", () => {
  it("sums per organization and unit, never across units", () => {
    const c = (unit: string, promised: number | null, delivered: number | null) =>
      ok({
        ...stamp,
        id: unit,
        kind: "money",
        description: "",
        unit,
        promisedAmount: promised,
        deliveredAmount: delivered,
        periodStart: null,
        periodEnd: null,
      } as never);
    const totals = contributionTotals(
      [
        {
          organizationId: N,
          contributions: [c("EUR", 100, 40), c("EUR", 50, 50), c("FTE", 2, 1), c("x", null, null)],
        },
        { organizationId: S, contributions: [c("EUR", 80, null)] },
      ],
      lens("both"),
    );
    expect(totals).toEqual([
      { organizationId: N, unit: "EUR", promised: 150, delivered: 90 },
      { organizationId: N, unit: "FTE", promised: 2, delivered: 1 },
      { organizationId: S, unit: "EUR", promised: 80, delivered: 0 },
    ]);
  });
});

describe("winsAndDifficulties", () => {
  it("keeps the latest successes and difficulties of the lens's organizations", () => {
    const post = (id: string, tag: PostView["tag"], org: string, at: string, deleted = false) =>
      ({
        id,
        tag,
        author: { id: "u", name: "U", organizationId: org },
        createdAt: at,
        deletedAt: deleted ? at : null,
      }) as PostView;
    const posts = [
      post("old-win", "success", N, "2026-01-01"),
      post("info", "information", N, "2026-03-01"),
      post("hard", "difficulty", S, "2026-02-01"),
      post("gone", "success", S, "2026-04-01", true),
    ];
    expect(winsAndDifficulties(posts, lens("both")).map((p) => p.id)).toEqual(["hard", "old-win"]);
    expect(winsAndDifficulties(posts, lens("ours")).map((p) => p.id)).toEqual(["old-win"]);
  });
});
