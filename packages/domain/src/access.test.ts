import { describe, expect, it } from "vitest";
import { documentAccess } from "./access.js";
import type { DocumentRef } from "./document-names.js";
import { PERMISSIONS } from "./membership.js";

const own = "org-own";
const partner = "org-partner";
const p = "p1";

describe("documentAccess", () => {
  const shared: DocumentRef[] = [
    { kind: "charter", partnershipId: p },
    { kind: "objectives", partnershipId: p },
    { kind: "issues", partnershipId: p },
    { kind: "decisions", partnershipId: p },
    { kind: "meeting", partnershipId: p, meetingId: "m" },
  ];

  it.each(shared)("$kind: editors and admins write, viewers read", (ref) => {
    expect(documentAccess(ref, { organizationId: own, permission: "admin" })).toBe("write");
    expect(documentAccess(ref, { organizationId: own, permission: "editor" })).toBe("write");
    expect(documentAccess(ref, { organizationId: own, permission: "viewer" })).toBe("read");
  });

  it("profile: own editors write, partners only read", () => {
    const ref: DocumentRef = { kind: "profile", partnershipId: p, organizationId: own };
    expect(documentAccess(ref, { organizationId: own, permission: "editor" })).toBe("write");
    expect(documentAccess(ref, { organizationId: own, permission: "viewer" })).toBe("read");
    for (const permission of PERMISSIONS) {
      expect(documentAccess(ref, { organizationId: partner, permission })).toBe("read");
    }
  });

  it("private notes: no access at all for partners, even admins", () => {
    const ref: DocumentRef = { kind: "private", partnershipId: p, organizationId: own };
    expect(documentAccess(ref, { organizationId: own, permission: "admin" })).toBe("write");
    expect(documentAccess(ref, { organizationId: own, permission: "viewer" })).toBe("read");
    for (const permission of PERMISSIONS) {
      expect(documentAccess(ref, { organizationId: partner, permission })).toBe("none");
    }
  });
});
