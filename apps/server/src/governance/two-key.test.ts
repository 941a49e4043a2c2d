import { CHARTER_FRAGMENT } from "@entente/editor";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  charterStanding,
  charterVersion,
  decisionState,
  latestByOrganization,
  tally,
  xmlFragmentVersion,
  type RecordedVote,
} from "./two-key.js";

const N = "northwind";
const S = "southpeak";
const E = "eastgate";

describe("xmlFragmentVersion", () => {
  const paragraph = (text: string, attributes: Record<string, string> = {}) => {
    const element = new Y.XmlElement("paragraph");
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };

  it("is the same for the same content however it was typed, and moves on any edit", () => {
    const a = new Y.Doc();
    a.getXmlFragment("agenda:1").push([paragraph("hello world", { textAlign: "left" })]);
    const b = new Y.Doc();
    b.getXmlFragment("agenda:1").push([paragraph("hello")]);
    const text = (b.getXmlFragment("agenda:1").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(5, " world");
    (b.getXmlFragment("agenda:1").get(0) as Y.XmlElement).setAttribute("textAlign", "left");
    const version = xmlFragmentVersion(a.getXmlFragment("agenda:1"));
    expect(version).toMatch(/^[0-9a-f]{64}$/);
    expect(xmlFragmentVersion(b.getXmlFragment("agenda:1"))).toBe(version);

    // A deletion the state vector ignores still moves it; so do marks and attributes.
    const vector = Y.encodeStateVector(b);
    text.delete(0, 6);
    expect(Buffer.from(Y.encodeStateVector(b)).equals(Buffer.from(vector))).toBe(true);
    const deleted = xmlFragmentVersion(b.getXmlFragment("agenda:1"));
    expect(deleted).not.toBe(version);
    text.format(0, 2, { bold: true });
    const bold = xmlFragmentVersion(b.getXmlFragment("agenda:1"));
    expect(bold).not.toBe(deleted);
    (b.getXmlFragment("agenda:1").get(0) as Y.XmlElement).setAttribute("textAlign", "right");
    expect(xmlFragmentVersion(b.getXmlFragment("agenda:1"))).not.toBe(bold);
  });

  it("versions one fragment only: the document's other fragments leave it as it is", () => {
    const doc = new Y.Doc();
    doc.getXmlFragment("agenda:1").push([paragraph("first item")]);
    const before = xmlFragmentVersion(doc.getXmlFragment("agenda:1"));
    doc.getXmlFragment("agenda:2").push([paragraph("second item")]);
    expect(xmlFragmentVersion(doc.getXmlFragment("agenda:1"))).toBe(before);
  });

  it("never takes text for an element", () => {
    const element = new Y.Doc();
    element.getXmlFragment("f").push([paragraph("x")]);
    const text = new Y.Doc();
    text.getXmlFragment("f").push([new Y.XmlText("<paragraph>x</paragraph>")]);
    expect(element.getXmlFragment("f").toJSON()).toBe(text.getXmlFragment("f").toJSON());
    expect(xmlFragmentVersion(text.getXmlFragment("f"))).not.toBe(
      xmlFragmentVersion(element.getXmlFragment("f")),
    );
  });

  it("versions the charter by its fragment", () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph("Purpose")]);
    expect(charterVersion(doc)).toBe(xmlFragmentVersion(doc.getXmlFragment(CHARTER_FRAGMENT)));
  });
});

describe("charterStanding", () => {
  const standing = (latest: [string, string][], organizations = [N, S]) =>
    charterStanding("v2", new Map(latest), organizations);

  it.each([
    ["nobody endorsed", [], { ratified: false, changedSinceEndorsement: false }],
    [
      "one side endorsed the current version",
      [[N, "v2"]],
      { ratified: false, changedSinceEndorsement: false },
    ],
    [
      "both endorsed the current version",
      [
        [N, "v2"],
        [S, "v2"],
      ],
      { ratified: true, changedSinceEndorsement: false },
    ],
    [
      "both endorsed, one an older version",
      [
        [N, "v2"],
        [S, "v1"],
      ],
      { ratified: false, changedSinceEndorsement: true },
    ],
    [
      "one endorsed an older version",
      [[S, "v1"]],
      { ratified: false, changedSinceEndorsement: true },
    ],
  ] as [string, [string, string][], object][])("%s", (_, latest, expected) => {
    expect(standing(latest)).toEqual(expected);
  });

  it("needs every organization of the partnership, and two at least", () => {
    expect(
      standing(
        [
          [N, "v2"],
          [S, "v2"],
        ],
        [N, S, E],
      ).ratified,
    ).toBe(false);
    expect(standing([[N, "v2"]], [N]).ratified).toBe(false);
  });
});

describe("tally", () => {
  const outcome = (votes: [string, "approve" | "reject"][], organizations = [N, S]) =>
    tally(new Map(votes), organizations);

  it("approves when every organization approved, rejects on one rejection, waits otherwise", () => {
    expect(outcome([])).toBe("pending");
    expect(outcome([[N, "approve"]])).toBe("pending");
    expect(
      outcome([
        [N, "approve"],
        [S, "approve"],
      ]),
    ).toBe("approved");
    expect(
      outcome([
        [N, "approve"],
        [S, "reject"],
      ]),
    ).toBe("rejected");
    expect(outcome([[S, "reject"]])).toBe("rejected");
  });

  it("ignores votes of organizations outside the partnership, and never approves alone", () => {
    expect(
      outcome([
        [N, "approve"],
        [E, "approve"],
      ]),
    ).toBe("pending");
    expect(
      outcome([
        [N, "approve"],
        [E, "reject"],
      ]),
    ).toBe("pending");
    expect(outcome([[N, "approve"]], [N])).toBe("pending");
  });
});

describe("decisionState", () => {
  const vote = (organizationId: string, v: "approve" | "reject", outcome = "pending") =>
    ({ organizationId, vote: v, outcome }) as RecordedVote;

  it("counts each organization's latest vote while pending", () => {
    const state = decisionState([vote(N, "reject"), vote(N, "approve")], [N, S]);
    // The rejection was recorded as pending, so it was replaced before it decided anything.
    expect(state.outcome).toBe("pending");
    expect(state.counted).toEqual([vote(N, "approve")]);
  });

  it("is final at the vote that decided, whatever comes after or joins later", () => {
    const history = [
      vote(N, "approve"),
      vote(S, "approve", "approved"),
      vote(S, "reject", "rejected"),
    ];
    const state = decisionState(history, [N, S, E]);
    expect(state.outcome).toBe("approved");
    expect(state.counted).toEqual([vote(N, "approve"), vote(S, "approve", "approved")]);
  });

  it("lists organizations in the order of their latest vote", () => {
    const rows = [vote(N, "approve"), vote(S, "approve"), vote(N, "approve")];
    expect([...latestByOrganization(rows).keys()]).toEqual([S, N]);
  });
});
