import {
  addIssue,
  addKpi,
  addObjective,
  setKpiTarget,
  updateIssue,
  type Author,
} from "@entente/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { RoomEntries } from "./applied-entries.js";
import { refuseContent } from "./content-guard.js";
import { changedPaths, listEntryChanges } from "./entry-diff.js";

const ana: Author = { userId: "ana", organizationId: "north" };
const ben: Author = { userId: "ben", organizationId: "south" };

/** A peer holding `base`, whose next edits are collected as one update. */
function peer(base: Y.Doc, clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return { doc, take: () => Y.mergeUpdates(updates.splice(0)) };
}

/** What the room does with a client's update: preview, decide, apply. */
function receive(room: Y.Doc, entries: RoomEntries, update: Uint8Array, sender: Author) {
  const preview = entries.preview(update);
  const refusal = refuseContent(
    preview,
    { userId: sender.userId, organizationId: sender.organizationId },
    Date.now(),
  );
  if (refusal === null) Y.applyUpdate(room, update);
  else entries.discard();
  return { refusal, changes: preview.changes };
}

describe("entry-diff", () => {
  it("lists the same changes from the touched paths as from a full comparison", () => {
    const before = new Y.Doc();
    const id = addIssue(
      before,
      { kind: "risk", title: "A", ownerOrganizationId: "north", severity: "low" },
      ana,
    );
    const after = new Y.Doc();
    Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
    const touched = changedPaths(after, () => {
      updateIssue(after, id, { title: "B", description: "longer" });
      addIssue(
        after,
        { kind: "issue", title: "C", ownerOrganizationId: "south", severity: "high" },
        ben,
      );
    });
    const fromPaths = listEntryChanges("issues", before, after, touched);
    const full = listEntryChanges("issues", before, after);
    expect(fromPaths).toEqual(full);
    expect(fromPaths.map((change) => [change.kind, change.fields.includes("title")])).toEqual([
      ["updated", true],
      ["created", true],
    ]);
    expect(listEntryChanges("charter", before, after)).toEqual([]);
  });
});

describe("the content guard on concurrent genuine edits", () => {
  it("refuses target changes appended by clients of either organization, in either order (only the server appends)", () => {
    for (const [first, second] of [
      [1, 2],
      [2, 1],
    ] as const) {
      const room = new Y.Doc();
      const entries = new RoomEntries(room, "p/objectives");
      const a = peer(room, 100 * first);
      const objectiveId = addObjective(
        a.doc,
        { title: "O", ownerOrganizationIds: ["north"], governanceLevel: "strategic" },
        ana,
      );
      const kpiId = addKpi(
        a.doc,
        objectiveId,
        { name: "K", unit: "t", target: 10, direction: "increase" },
        ana,
      );
      expect(receive(room, entries, a.take(), ana).refusal).toBeNull();
      const b = peer(room, 100 * second);
      // Both append without having seen the other's change.
      setKpiTarget(a.doc, objectiveId, kpiId, 20, ana);
      setKpiTarget(b.doc, objectiveId, kpiId, 30, ben);
      expect(receive(room, entries, a.take(), ana).refusal).not.toBeNull();
      expect(receive(room, entries, b.take(), ben).refusal).not.toBeNull();
      entries.destroy();
    }
  });
});
