import { formatDocumentName } from "@entente/domain";
import {
  addAction,
  addIssue,
  addKpi,
  addMeasurement,
  addObjective,
  removeIssue,
  updateIssue,
} from "@entente/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendParagraph } from "../test/charter-text.js";
import { eventually, LiveServer } from "../test/live-server.js";
import type { AppliedChange, DocumentObserver, ObserverContext } from "./document-observers.js";

/** Records what it is told; may answer with a server change. */
class Recorder implements DocumentObserver {
  readonly seen: AppliedChange[] = [];
  answer: ((change: AppliedChange, context: ObserverContext) => void) | null = null;

  afterApplied(change: AppliedChange, context: ObserverContext): void {
    this.seen.push(change);
    this.answer?.(change, context);
  }

  entryChanges(documentName: string) {
    return this.seen
      .filter((change) => change.documentName === documentName)
      .flatMap((change) => change.changes.map((entry) => ({ ...entry, applied: change })));
  }
}

describe("document observers, told by the server of what each stored update changed", () => {
  let live: LiveServer;
  let cast: Awaited<ReturnType<LiveServer["twoOrganizations"]>>;
  let recorder: Recorder;
  let failing: string[];

  beforeEach(async () => {
    recorder = new Recorder();
    failing = [];
    // One observer that always throws: the room carries on and the others are told.
    const broken: DocumentObserver = {
      afterApplied: (change) => {
        failing.push(change.documentName);
        throw new Error("observer bug");
      },
    };
    live = await LiveServer.start({ observers: [broken, recorder] });
    cast = await live.twoOrganizations();
  });

  afterEach(async () => {
    await live.close();
  });

  it("reports an issue created, updated and deleted by a stock client, stamped with the socket's user", async () => {
    const issues = formatDocumentName({ kind: "issues", partnershipId: cast.partnershipId });
    const south = live.connect(issues, cast.south.cookie);
    await south.synced;
    const by = { userId: cast.south.id, organizationId: cast.southOrg };
    const id = addIssue(
      south.doc,
      {
        kind: "risk",
        title: "Cold chain gaps",
        description: "Two trucks short",
        ownerOrganizationId: cast.southOrg,
        severity: "high",
      },
      by,
    );
    await eventually(() => recorder.entryChanges(issues).length === 1, 5000, "created");
    const [created] = recorder.entryChanges(issues);
    expect(created).toMatchObject({
      collection: ["issues"],
      entryId: id,
      kind: "created",
      before: null,
      after: { title: "Cold chain gaps", description: "Two trucks short", createdBy: by.userId },
    });
    expect(created?.fields).toEqual(expect.arrayContaining(["title", "createdBy", "createdAt"]));
    expect(created?.applied).toMatchObject({ source: "client", stamp: by });
    expect(Math.abs((created?.applied.at ?? 0) - Date.now())).toBeLessThan(60_000);

    updateIssue(south.doc, id, { title: "Cold chain gaps (north)", description: "Three trucks" });
    await eventually(() => recorder.entryChanges(issues).length === 2, 5000, "updated");
    const updated = recorder.entryChanges(issues)[1];
    expect(updated?.kind).toBe("updated");
    expect([...(updated?.fields ?? [])].sort()).toEqual(["description", "title"]);
    expect(updated?.before).toMatchObject({ title: "Cold chain gaps" });
    expect(updated?.after).toMatchObject({ title: "Cold chain gaps (north)" });

    removeIssue(south.doc, id);
    await eventually(() => recorder.entryChanges(issues).length === 3, 5000, "deleted");
    expect(recorder.entryChanges(issues)[2]).toMatchObject({
      kind: "deleted",
      entryId: id,
      after: null,
      before: { title: "Cold chain gaps (north)" },
    });
    // The broken observer was told as often, and the room still answers.
    expect(failing.filter((name) => name === issues)).toHaveLength(
      recorder.seen.filter((change) => change.documentName === issues).length,
    );
  });

  it("reports nested entries on their own paths, and a deleted objective with everything in it", async () => {
    const objectives = formatDocumentName({
      kind: "objectives",
      partnershipId: cast.partnershipId,
    });
    const north = live.connect(objectives, cast.north.cookie);
    await north.synced;
    const by = { userId: cast.north.id, organizationId: cast.northOrg };
    const objectiveId = addObjective(
      north.doc,
      {
        title: "Halve food waste",
        description: "",
        ownerOrganizationIds: [cast.northOrg],
        governanceLevel: "strategic",
        status: "active",
      },
      by,
    );
    const actionId = addAction(
      north.doc,
      objectiveId,
      { title: "Map the cold chain", ownerOrganizationId: cast.northOrg, status: "todo" },
      by,
    );
    const kpiId = addKpi(
      north.doc,
      objectiveId,
      { name: "Waste", unit: "t", baseline: 100, direction: "decrease", target: 50 },
      by,
    );
    const measurementId = addMeasurement(
      north.doc,
      objectiveId,
      kpiId,
      { date: "2026-12-01", value: 90 },
      by,
    );
    await eventually(() => recorder.entryChanges(objectives).length === 4, 5000, "4 entries");
    const created = recorder.entryChanges(objectives);
    expect(created.map(({ collection, entryId, kind }) => ({ collection, entryId, kind }))).toEqual(
      [
        { collection: ["objectives"], entryId: objectiveId, kind: "created" },
        { collection: ["objectives", objectiveId, "actions"], entryId: actionId, kind: "created" },
        { collection: ["objectives", objectiveId, "kpis"], entryId: kpiId, kind: "created" },
        {
          collection: ["objectives", objectiveId, "kpis", kpiId, "measurements"],
          entryId: measurementId,
          kind: "created",
        },
      ],
    );
    // Nested collections are entries of their own, not fields of their parent.
    expect(created[0]?.after).not.toHaveProperty("actions");
    expect(created[0]?.after).not.toHaveProperty("kpis");
    expect(created[2]?.after).toHaveProperty("targetHistory");
    expect(created[2]?.after).not.toHaveProperty("measurements");

    north.doc.getMap("objectives").delete(objectiveId);
    await eventually(() => recorder.entryChanges(objectives).length === 8, 5000, "cascade");
    const deleted = recorder.entryChanges(objectives).slice(4);
    expect(deleted.every((change) => change.kind === "deleted")).toBe(true);
    expect(deleted.map((change) => change.entryId).sort()).toEqual(
      [objectiveId, actionId, kpiId, measurementId].sort(),
    );
    expect(deleted.find((change) => change.entryId === measurementId)?.before).toMatchObject({
      value: 90,
    });
  });

  it("reports a server-side write to a document no room holds, with the stamp it was written with", async () => {
    const issues = formatDocumentName({ kind: "issues", partnershipId: cast.partnershipId });
    const by = { userId: cast.north.id, organizationId: cast.northOrg };
    const id = await live.server.services.documentWriter.writeDocument(issues, by, (doc) =>
      addIssue(
        doc,
        {
          kind: "issue",
          title: "From a workshop",
          ownerOrganizationId: cast.northOrg,
          severity: "low",
        },
        by,
      ),
    );
    expect(live.server.rooms.get(issues)).toBeUndefined();
    const told = recorder.entryChanges(issues);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      entryId: id,
      kind: "created",
      after: { title: "From a workshop" },
    });
    expect(told[0]?.applied).toMatchObject({ source: "server", stamp: by });
  });

  it("reports server-side changes an observer queues, with their stamp, and rich-text changes with no entries", async () => {
    const decisions = formatDocumentName({ kind: "decisions", partnershipId: cast.partnershipId });
    const serverStamp = { userId: cast.north.id, organizationId: cast.northOrg };
    recorder.answer = (change, context) => {
      const created = change.changes.find((entry) => entry.kind === "created");
      if (change.source !== "client" || !created) return;
      // Not awaited: it runs on the room's queue after this task.
      void context.applyServerChange(serverStamp, (doc) => {
        const entry = doc.getMap("decisions").get(created.entryId);
        if (entry instanceof Y.Map) entry.set("status", "proposed");
      });
    };
    const south = live.connect(decisions, cast.south.cookie);
    await south.synced;
    const id = crypto.randomUUID().replaceAll("-", "");
    south.doc.transact(() => {
      const entry = new Y.Map<unknown>();
      south.doc.getMap("decisions").set(id, entry);
      entry.set("title", "Share the fleet");
      entry.set("status", "draft");
      entry.set("createdBy", cast.south.id);
      entry.set("organizationId", cast.southOrg);
      entry.set("createdAt", new Date().toISOString());
    });
    await eventually(() => recorder.entryChanges(decisions).length === 2, 5000, "server answer");
    const answer = recorder.entryChanges(decisions)[1];
    expect(answer).toMatchObject({
      entryId: id,
      kind: "updated",
      fields: ["status"],
      before: { status: "draft" },
      after: { status: "proposed" },
    });
    expect(answer?.applied).toMatchObject({ source: "server", stamp: serverStamp });
    // Every client sees the server's change.
    await eventually(
      () => (south.doc.getMap("decisions").get(id) as Y.Map<unknown>).get("status") === "proposed",
      5000,
      "relayed",
    );

    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    const writer = live.connect(charter, cast.north.cookie);
    await writer.synced;
    appendParagraph(writer.doc, "We share the fleet.");
    await eventually(
      () => recorder.seen.some((change) => change.documentName === charter),
      5000,
      "charter",
    );
    const charterChange = recorder.seen.find((change) => change.documentName === charter);
    expect(charterChange).toMatchObject({ source: "client", stamp: serverStamp, changes: [] });
  });
});
