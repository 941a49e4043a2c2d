import type { VersionBlock, VersionChange, VersionSegment } from "@entente/protocol";
import * as Y from "yjs";

/** The rich-text fragment every versioned document's editor binds to. */
export const RICH_TEXT_FRAGMENT = "default";

/** Who made an inserted item, and who removed text (see `VersionSegment`). */
export interface CompareAttribution {
  organizationOfItem(id: Y.ID): string | null;
  removedBy: string | null;
}

function visible(item: Y.Item | null, snapshot: Y.Snapshot): boolean {
  if (!item) return true;
  const clock = snapshot.sv.get(item.id.client);
  return clock !== undefined && clock > item.id.clock && !Y.isDeleted(snapshot.ds, item.id);
}

function changeOf(item: Y.Item | null, older: Y.Snapshot, newer: Y.Snapshot): VersionChange | null {
  const before = visible(item, older);
  const after = visible(item, newer);
  if (before && after) return "same";
  if (after) return "added";
  if (before) return "removed";
  return null;
}

function snapshotOf(state: Uint8Array): Y.Snapshot {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  const snapshot = Y.snapshot(doc);
  doc.destroy();
  return snapshot;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: { ychange?: { type: "added" | "removed"; id: Y.ID } };
}

/**
 * Compares two versions' full Yjs states (`older` first) of the same document: every text
 * block visible in either, its runs of text marked same / added / removed by Yjs item
 * identity (not by a text diff: text typed again is new text). Both states are merged into
 * one document without garbage collection, older first, so text the newer state deleted
 * keeps its content.
 */
export function compareStates(
  older: Uint8Array,
  newer: Uint8Array,
  attribution: CompareAttribution,
  fragment: string = RICH_TEXT_FRAGMENT,
): VersionBlock[] {
  const olderSnapshot = snapshotOf(older);
  const newerSnapshot = snapshotOf(newer);
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, older);
  Y.applyUpdate(doc, newer);
  const blocks: VersionBlock[] = [];
  // Every child visible in either version: the newer one's clocks, the older one's deletions.
  const either = Y.createSnapshot(olderSnapshot.ds, newerSnapshot.sv);

  const segmentsOf = (text: Y.XmlText): VersionSegment[] => {
    const delta = text.toDelta(
      newerSnapshot,
      olderSnapshot,
      (type: "added" | "removed", id: Y.ID) => ({
        type,
        id,
      }),
    ) as DeltaOp[];
    const segments: VersionSegment[] = [];
    for (const op of delta) {
      if (typeof op.insert !== "string") continue;
      const ychange = op.attributes?.ychange;
      const change: VersionChange = ychange?.type ?? "same";
      const organizationId =
        change === "added" && ychange
          ? attribution.organizationOfItem(ychange.id)
          : change === "removed"
            ? attribution.removedBy
            : null;
      const last = segments.at(-1);
      if (last && last.change === change && last.organizationId === organizationId) {
        last.text += op.insert;
      } else {
        segments.push({ text: op.insert, change, organizationId });
      }
    }
    return segments;
  };

  const visit = (parent: Y.XmlFragment | Y.XmlElement, inherited: VersionChange) => {
    const children = Y.typeListToArraySnapshot(parent, either) as unknown[];
    const isTextBlock =
      parent instanceof Y.XmlElement &&
      children.every((child) => !(child instanceof Y.XmlElement) || child.nodeName === "hardBreak");
    if (isTextBlock) {
      const segments: VersionSegment[] = [];
      for (const child of children) {
        if (child instanceof Y.XmlText) segments.push(...segmentsOf(child));
        else if (child instanceof Y.XmlElement)
          segments.push({ text: "\n", change: "same", organizationId: null });
      }
      blocks.push({
        type: parent.nodeName,
        change: inherited,
        segments: segments.map((segment) =>
          inherited === "same"
            ? segment
            : {
                ...segment,
                change: inherited,
                organizationId:
                  inherited === "removed" ? attribution.removedBy : segment.organizationId,
              },
        ),
      });
      return;
    }
    for (const child of children) {
      if (!(child instanceof Y.XmlElement)) continue;
      const change = changeOf(child._item, olderSnapshot, newerSnapshot);
      if (change === null) continue;
      visit(child, inherited === "same" ? change : inherited);
    }
  };
  visit(doc.getXmlFragment(fragment), "same");
  doc.destroy();
  return blocks;
}
