import { writeCharterContent } from "@entente/editor";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { compareStates } from "./version-compare.js";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

/** Runs of one kind of change, with the organization the attribution gave them. */
function runs(blocks: ReturnType<typeof compareStates>, change: string) {
  return blocks.flatMap((b) =>
    b.segments.filter((s) => s.change === change).map((s) => [s.text, s.organizationId]),
  );
}

describe("compareStates", () => {
  it("marks text by Yjs item: same, added (by its author's organization), removed, in nested blocks", () => {
    // A garbage-collected document, like a server room: deleted content is gone from `newer`.
    const doc = new Y.Doc({ gc: true });
    const north = doc.clientID;
    writeCharterContent(doc, {
      type: "doc",
      content: [
        paragraph("Keep this. Drop this."),
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [paragraph("First point")] }],
        },
      ],
    });
    const older = Y.encodeStateAsUpdate(doc);

    // Another client (another organization) edits: deletes a sentence, adds a list item.
    const other = new Y.Doc({ gc: true });
    Y.applyUpdate(other, older);
    const south = other.clientID;
    const fragment = other.getXmlFragment("default");
    const first = fragment.get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).delete("Keep this.".length, " Drop this.".length);
    const list = fragment.get(1) as Y.XmlElement;
    const item = new Y.XmlElement("listItem");
    const text = new Y.XmlElement("paragraph");
    text.insert(0, [new Y.XmlText("Second point")]);
    item.insert(0, [text]);
    list.push([item]);
    const newer = Y.encodeStateAsUpdate(other);

    const blocks = compareStates(older, newer, {
      organizationOfItem: (id) =>
        id.client === south ? "southpeak" : id.client === north ? "northwind" : null,
      removedBy: "southpeak",
    });
    expect(blocks.map((b) => [b.type, b.change])).toEqual([
      ["paragraph", "same"],
      ["paragraph", "same"],
      ["paragraph", "added"],
    ]);
    expect(runs(blocks, "same")).toEqual([
      ["Keep this.", null],
      ["First point", null],
    ]);
    expect(runs(blocks, "removed")).toEqual([[" Drop this.", "southpeak"]]);
    expect(runs(blocks, "added")).toEqual([["Second point", "southpeak"]]);

    // A state compared with itself: nothing changed.
    expect(
      compareStates(older, older, { organizationOfItem: () => null, removedBy: null }),
    ).toEqual([
      {
        type: "paragraph",
        change: "same",
        segments: [{ text: "Keep this. Drop this.", change: "same", organizationId: null }],
      },
      {
        type: "paragraph",
        change: "same",
        segments: [{ text: "First point", change: "same", organizationId: null }],
      },
    ]);
    doc.destroy();
    other.destroy();
  });
});
