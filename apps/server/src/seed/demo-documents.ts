import {
  addAction,
  addAmbition,
  addConstraint,
  addContribution,
  addDecision,
  addIssue,
  addKpi,
  addMeasurement,
  addObjective,
  setKpiTarget,
} from "@entente/schema";
import type * as Y from "yjs";
import { isoDay, type DemoCast } from "./demo-cast.js";
import type { AuthorOf, DemoHistory } from "./demo-history.js";

/** The ids of the demo's items that the feed and the votes point at. */
export interface DemoWork {
  objectives: { lowCarbon: string; producers: string; dataPlatform: string };
  actions: { lyonColdRooms: string; dataAgreement: string };
  issues: { legalReview: string };
  decisions: { threeDepots: string; fourthDepot: string; aggregatedVolumes: string };
}

/**
 * Objectives with their KPIs and actions. The story: the low-carbon cold chain piloted in
 * three depots (its on-time target raised after the pilot, as both sides agreed), the
 * producers' offer Southpeak leads, and a data platform stuck on Southpeak's confidentiality
 * constraint, whose agreement is the overdue action.
 */
function writeObjectives(doc: Y.Doc, cast: DemoCast, by: AuthorOf) {
  const { amara, ben, sofia, lucas, northwind, southpeak } = cast;
  const lowCarbon = addObjective(
    doc,
    {
      title: "Run the regional cold chain on low-carbon routes",
      description:
        "Move the producers' refrigerated deliveries from diesel trucks to the shared electric fleet, depot by depot, without losing a degree or a minute.",
      ownerOrganizationIds: [northwind, southpeak],
      governanceLevel: "tactical",
      status: "active",
      dueDate: isoDay(cast, 210),
    },
    by(ben, cast, 95),
  );
  const onTime = addKpi(
    doc,
    lowCarbon,
    {
      name: "On-time refrigerated deliveries",
      unit: "%",
      baseline: 94,
      target: 98,
      direction: "increase",
    },
    by(ben, cast, 95),
  );
  for (const [days, value] of [
    [62, 95.1],
    [34, 97.4],
    [21, 99.2],
    [3, 98.6],
  ] as const) {
    addMeasurement(
      doc,
      lowCarbon,
      onTime,
      { date: isoDay(cast, -days), value },
      by(ben, cast, days),
    );
  }
  setKpiTarget(
    doc,
    lowCarbon,
    onTime,
    99,
    by(amara, cast, 20),
    "Raised after the pilot's 99.2%: agreed by Amara Diallo (Northwind) and Sofia Marchetti (Southpeak) at the Q4 steering committee.",
  );
  const carbon = addKpi(
    doc,
    lowCarbon,
    {
      name: "CO₂ per pallet delivered",
      unit: "kg CO₂e",
      baseline: 12.4,
      target: 8,
      direction: "decrease",
    },
    by(lucas, cast, 95),
  );
  // Months of measurements, so the dashboard's chart tells the story: the three months
  // before the objective were entered with the KPI (recorded that day), the rest as measured.
  for (const [days, value] of [
    [180, 12.6],
    [150, 12.3],
    [120, 12.1],
    [90, 11.9],
    [75, 11.6],
    [62, 11.4],
    [48, 11.2],
    [34, 10.6],
    [21, 10.2],
    [2, 9.8],
  ] as const) {
    addMeasurement(
      doc,
      lowCarbon,
      carbon,
      { date: isoDay(cast, -days), value, note: days === 21 ? "End of the pilot: −18%" : null },
      by(lucas, cast, Math.min(days, 95)),
    );
  }
  const lyonColdRooms = addAction(
    doc,
    lowCarbon,
    {
      title: "Equip the Lyon depot with solar-powered cold rooms",
      ownerOrganizationId: southpeak,
      assigneeUserId: lucas.id,
      dueDate: isoDay(cast, -9),
      status: "done",
    },
    by(lucas, cast, 80),
  );
  addAction(
    doc,
    lowCarbon,
    {
      title: "Choose the site of the fourth depot",
      ownerOrganizationId: southpeak,
      assigneeUserId: lucas.id,
      dueDate: isoDay(cast, 10),
      status: "in_progress",
    },
    by(sofia, cast, 19),
  );
  addAction(
    doc,
    lowCarbon,
    {
      title: "Plan the routes of the fourth depot",
      ownerOrganizationId: northwind,
      assigneeUserId: ben.id,
      dueDate: isoDay(cast, 24),
      status: "todo",
    },
    by(ben, cast, 19),
  );

  const producers = addObjective(
    doc,
    {
      title: "Open the regional cold-chain offer to 40 producers",
      description:
        "One offer both partners sell: Northwind's routes, Southpeak's cold rooms and food-safety audits, at a price a small producer can pay.",
      ownerOrganizationIds: [southpeak],
      governanceLevel: "tactical",
      status: "active",
      dueDate: isoDay(cast, 180),
    },
    by(sofia, cast, 90),
  );
  const onboarded = addKpi(
    doc,
    producers,
    {
      name: "Producers on the shared offer",
      unit: "producers",
      baseline: 0,
      target: 40,
      direction: "increase",
    },
    by(sofia, cast, 90),
  );
  for (const [days, value] of [
    [85, 1],
    [71, 3],
    [64, 4],
    [50, 6],
    [36, 9],
    [22, 12],
    [11, 15],
    [4, 17],
  ] as const) {
    addMeasurement(
      doc,
      producers,
      onboarded,
      { date: isoDay(cast, -days), value },
      by(lucas, cast, days),
    );
  }
  addAction(
    doc,
    producers,
    {
      title: "Draft the price grid for small producers",
      ownerOrganizationId: northwind,
      assigneeUserId: amara.id,
      dueDate: isoDay(cast, 14),
      status: "blocked",
    },
    by(amara, cast, 30),
  );
  addAction(
    doc,
    producers,
    {
      title: "Prepare the producers' questions for the workshop",
      ownerOrganizationId: southpeak,
      assigneeUserId: lucas.id,
      dueDate: isoDay(cast, 7),
      status: "todo",
    },
    by(sofia, cast, 5),
  );

  const dataPlatform = addObjective(
    doc,
    {
      title: "Share one traceability platform for temperature and volumes",
      description:
        "Both sides read the same temperature logs and delivery volumes instead of exchanging spreadsheets.",
      ownerOrganizationIds: [northwind],
      governanceLevel: "operational",
      status: "proposed",
    },
    by(ben, cast, 40),
  );
  const dataAgreement = addAction(
    doc,
    dataPlatform,
    {
      title: "Sign the data-sharing agreement on producer volumes",
      ownerOrganizationId: southpeak,
      assigneeUserId: lucas.id,
      dueDate: isoDay(cast, -6),
      status: "in_progress",
    },
    by(ben, cast, 40),
  );
  return {
    objectives: { lowCarbon, producers, dataPlatform },
    actions: { lyonColdRooms, dataAgreement },
  };
}

/** Four entries of the open-issues log, one of each kind; the legal review is escalated. */
function writeIssues(doc: Y.Doc, cast: DemoCast, objectives: DemoWork["objectives"], by: AuthorOf) {
  const { amara, ben, sofia, lucas, northwind, southpeak } = cast;
  const legalReview = addIssue(
    doc,
    {
      kind: "issue",
      title: "Data-sharing agreement stuck in Southpeak's legal review",
      description:
        "Producer volumes are covered by Southpeak's supply contracts; legal will not sign until the sharing is aggregated. Escalated to the steering committee.",
      raisedBy: ben.id,
      ownerOrganizationId: southpeak,
      assigneeUserId: sofia.id,
      severity: "high",
      status: "in_progress",
      dueDate: isoDay(cast, 7),
      linkedObjectiveId: objectives.dataPlatform,
      escalationLevel: "strategic",
    },
    by(ben, cast, 12),
  );
  addIssue(
    doc,
    {
      kind: "risk",
      title: "Grid connection of the fourth depot may slip to spring",
      description:
        "The grid operator quotes 14 weeks for the connection; without it, the cold rooms run on diesel generators.",
      raisedBy: lucas.id,
      ownerOrganizationId: southpeak,
      assigneeUserId: lucas.id,
      severity: "medium",
      status: "open",
      dueDate: isoDay(cast, 30),
      linkedObjectiveId: objectives.lowCarbon,
    },
    by(lucas, cast, 8),
  );
  addIssue(
    doc,
    {
      kind: "dependency",
      title: "Four electric trucks wait on the manufacturer's January slot",
      description:
        "The fourth depot's routes need them; Northwind's order is confirmed, the delivery date is not.",
      raisedBy: ben.id,
      ownerOrganizationId: northwind,
      assigneeUserId: ben.id,
      severity: "critical",
      status: "open",
      dueDate: isoDay(cast, 45),
      linkedObjectiveId: objectives.lowCarbon,
      escalationLevel: "operational",
    },
    by(ben, cast, 15),
  );
  addIssue(
    doc,
    {
      kind: "question",
      title: "Who pays for the temperature sensors at producers' sites?",
      description:
        "Answered at the Q4 steering committee: Southpeak buys them, Northwind installs them on its rounds.",
      raisedBy: lucas.id,
      ownerOrganizationId: northwind,
      assigneeUserId: amara.id,
      severity: "low",
      status: "resolved",
      dueDate: isoDay(cast, -20),
      linkedObjectiveId: objectives.producers,
    },
    by(lucas, cast, 33),
  );
  return { legalReview };
}

/**
 * Three decisions, all still `proposed` in the document as the product leaves them: their
 * outcome is the server's, from the votes (see demo-feed.ts). The fourth depot supersedes
 * the original three-depot pilot (both approved).
 */
function writeDecisions(doc: Y.Doc, cast: DemoCast, by: AuthorOf) {
  const threeDepots = addDecision(
    doc,
    {
      title: "Run the cold-chain pilot in three depots",
      context:
        "Lyon, Grenoble and Valence have the producers and the cold rooms. A season in three depots shows whether shared rounds cut empty kilometres.",
      governanceLevel: "strategic",
    },
    by(cast.amara, cast, 40),
  );
  const fourthDepot = addDecision(
    doc,
    {
      title: "Extend the pilot to a fourth depot",
      context:
        "The pilot beat its targets in the three depots. Options weighed: wait a season, extend to one depot, extend to three. One depot keeps the risk within the 2027 budget.",
      governanceLevel: "strategic",
      supersedes: threeDepots,
    },
    by(cast.sofia, cast, 21),
  );
  const aggregatedVolumes = addDecision(
    doc,
    {
      title: "Share producer volumes monthly, aggregated by depot",
      context:
        "Northwind needs volumes to size routes; Southpeak's contracts forbid sharing them per producer. Aggregated monthly figures per depot meet both needs.",
      governanceLevel: "strategic",
    },
    by(cast.amara, cast, 3),
  );
  return { threeDepots, fourthDepot, aggregatedVolumes };
}

/** What Northwind brings, where it is limited, what it wants from the partnership. */
function writeNorthwindProfile(
  doc: Y.Doc,
  cast: DemoCast,
  objectives: DemoWork["objectives"],
  by: AuthorOf,
) {
  const { amara, ben } = cast;
  const period = { periodStart: isoDay(cast, -120), periodEnd: isoDay(cast, 245) };
  addContribution(
    doc,
    {
      kind: "people",
      description: "Two route engineers full time on the shared fleet.",
      unit: "FTE",
      promisedAmount: 2,
      deliveredAmount: 2,
      ...period,
    },
    by(amara, cast, 110),
  );
  addContribution(
    doc,
    {
      kind: "technology",
      description: "Electric refrigerated trucks for the pilot routes.",
      unit: "trucks",
      promisedAmount: 12,
      deliveredAmount: 8,
      ...period,
    },
    by(ben, cast, 110),
  );
  addContribution(
    doc,
    {
      kind: "network",
      description: "Northwind's regional depots and their night delivery slots.",
      unit: "depots",
      promisedAmount: 3,
      deliveredAmount: 3,
    },
    by(amara, cast, 110),
  );
  addConstraint(
    doc,
    {
      kind: "capacity",
      description:
        "Few of our drivers are certified on electric refrigerated trucks; new routes wait for the next training sessions.",
      severity: "high",
      affectedObjectiveIds: [objectives.lowCarbon],
    },
    by(ben, cast, 60),
  );
  addConstraint(
    doc,
    {
      kind: "budget",
      description: "The 2027 fleet budget is frozen until our board approves it in February.",
      severity: "medium",
      affectedObjectiveIds: [objectives.lowCarbon, objectives.producers],
    },
    by(amara, cast, 25),
  );
  addAmbition(
    doc,
    { statement: "Become the low-carbon logistics partner of the region's food producers." },
    by(amara, cast, 110),
  );
}

/** What Southpeak brings, where it is limited, what it wants from the partnership. */
function writeSouthpeakProfile(
  doc: Y.Doc,
  cast: DemoCast,
  objectives: DemoWork["objectives"],
  by: AuthorOf,
) {
  const { sofia, lucas } = cast;
  const period = { periodStart: isoDay(cast, -120), periodEnd: isoDay(cast, 245) };
  addContribution(
    doc,
    {
      kind: "funding",
      description: "Southpeak's share of the pilot and extension budget.",
      unit: "EUR",
      promisedAmount: 450_000,
      deliveredAmount: 150_000,
      ...period,
    },
    by(sofia, cast, 110),
  );
  addContribution(
    doc,
    {
      kind: "expertise",
      description:
        "Cold-chain know-how: temperature protocols and food-safety audits of the cold rooms.",
      unit: "audits",
      promisedAmount: 6,
      deliveredAmount: 4,
      ...period,
    },
    by(lucas, cast, 110),
  );
  addContribution(
    doc,
    {
      kind: "network",
      description: "Introductions to the region's food producers.",
      unit: "producers",
      promisedAmount: 40,
      deliveredAmount: 17,
      ...period,
    },
    by(sofia, cast, 110),
  );
  addContribution(
    doc,
    {
      kind: "data",
      description: "Producer volumes of last season, to size the routes.",
      unit: "datasets",
      promisedAmount: 1,
      deliveredAmount: 0,
    },
    by(lucas, cast, 40),
  );
  addConstraint(
    doc,
    {
      kind: "confidentiality",
      description:
        "Producer volumes are confidential under our supply contracts: we can share them only aggregated, never per producer.",
      severity: "high",
      affectedObjectiveIds: [objectives.dataPlatform, objectives.producers],
    },
    by(sofia, cast, 38),
  );
  addConstraint(
    doc,
    {
      kind: "regulatory",
      description:
        "A cold room must pass its food-safety audit before any producer's goods go through it.",
      severity: "medium",
      affectedObjectiveIds: [objectives.lowCarbon],
    },
    by(lucas, cast, 70),
  );
  addConstraint(
    doc,
    {
      kind: "timeline",
      description: "No change to a depot's operations during the harvest, June to September.",
      severity: "low",
      affectedObjectiveIds: [objectives.lowCarbon],
    },
    by(lucas, cast, 70),
  );
  addAmbition(
    doc,
    {
      statement:
        "Offer every regional producer a cold chain they can afford, with a carbon footprint they can show their buyers.",
    },
    by(sofia, cast, 110),
  );
}

/**
 * The demo's structured documents: objectives (KPIs, measurements, a target change,
 * actions), the open-issues log, decisions, and both organizations' profiles, each stored as
 * the edits of the members who wrote them, when they wrote them.
 */
export async function seedWork(history: DemoHistory, cast: DemoCast): Promise<DemoWork> {
  const { partnershipId } = cast;
  const { objectives, actions } = await history.write(
    { kind: "objectives", partnershipId },
    cast,
    (doc, by) => writeObjectives(doc, cast, by),
  );
  const issues = await history.write({ kind: "issues", partnershipId }, cast, (doc, by) =>
    writeIssues(doc, cast, objectives, by),
  );
  const decisions = await history.write({ kind: "decisions", partnershipId }, cast, (doc, by) =>
    writeDecisions(doc, cast, by),
  );
  await history.write(
    { kind: "profile", partnershipId, organizationId: cast.northwind },
    cast,
    (doc, by) => writeNorthwindProfile(doc, cast, objectives, by),
  );
  await history.write(
    { kind: "profile", partnershipId, organizationId: cast.southpeak },
    cast,
    (doc, by) => writeSouthpeakProfile(doc, cast, objectives, by),
  );
  return { objectives, actions, issues, decisions };
}
