import { describe, expect, it } from "vitest";
import { formatDocumentName, parseDocumentName, type DocumentRef } from "./document-names.js";

describe("document names", () => {
  const refs: DocumentRef[] = [
    { kind: "charter", partnershipId: "p1" },
    { kind: "objectives", partnershipId: "p1" },
    { kind: "issues", partnershipId: "p1" },
    { kind: "decisions", partnershipId: "p1" },
    { kind: "profile", partnershipId: "p1", organizationId: "o-2" },
    { kind: "private", partnershipId: "p1", organizationId: "o_3" },
    { kind: "meeting", partnershipId: "p1", meetingId: "m9" },
  ];

  it.each(refs)("round-trips $kind", (ref) => {
    expect(parseDocumentName(formatDocumentName(ref))).toEqual(ref);
  });

  it("uses the contract's scheme", () => {
    expect(formatDocumentName({ kind: "charter", partnershipId: "abc" })).toBe("abc/charter");
    expect(formatDocumentName({ kind: "private", partnershipId: "abc", organizationId: "o" })).toBe(
      "abc/org/o/private",
    );
  });

  it.each([
    "",
    "abc",
    "abc/",
    "abc/unknown",
    "abc/charter/extra",
    "../charter",
    "abc/org/o",
    "abc/org/o/secret",
    "abc/meeting/",
    "a b/charter",
    `${"x".repeat(65)}/charter`,
  ])("rejects %j", (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });
});
