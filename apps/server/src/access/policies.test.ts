import type { DocumentRef, PartnershipSeat, Permission } from "@entente/domain";
import { describe, expect, it } from "vitest";
import { DomainError } from "../domain-error.js";
import { accessTo, can, requireAdmin, requireWriter } from "./policies.js";

const NORTH = "org-north";
const SOUTH = "org-south";
const PARTNERSHIP = "p-1";

const seat = (permission: Permission, organizationId = NORTH): PartnershipSeat => ({
  organizationId,
  permission,
});

const charter: DocumentRef = { kind: "charter", partnershipId: PARTNERSHIP };
const northProfile: DocumentRef = {
  kind: "profile",
  partnershipId: PARTNERSHIP,
  organizationId: NORTH,
};
const northPrivate: DocumentRef = {
  kind: "private",
  partnershipId: PARTNERSHIP,
  organizationId: NORTH,
};

describe("can (PRODUCT.md's access rules)", () => {
  it.each([
    ["admin", true, true],
    ["editor", true, false],
    ["viewer", false, false],
  ] as const)(
    "a partnership %s: writes %s, runs the partnership %s",
    (permission, writes, runs) => {
      expect(can(seat(permission), "write")).toBe(writes);
      expect(can(seat(permission), "administer")).toBe(runs);
      expect(can(seat(permission), "facilitate")).toBe(writes);
      expect(can(seat(permission), "start a partnership")).toBe(writes);
      expect(can(seat(permission), "run the organization")).toBe(runs);
    },
  );

  it("shared documents: everyone reads, editors and admins write", () => {
    for (const permission of ["admin", "editor"] as const) {
      expect(accessTo(seat(permission, SOUTH), charter)).toBe("write");
    }
    expect(accessTo(seat("viewer", SOUTH), charter)).toBe("read");
  });

  it("an organization's profile: its own writers write, partners only read", () => {
    expect(accessTo(seat("editor", NORTH), northProfile)).toBe("write");
    expect(accessTo(seat("viewer", NORTH), northProfile)).toBe("read");
    expect(accessTo(seat("admin", SOUTH), northProfile)).toBe("read");
    expect(can(seat("admin", SOUTH), "write document", northProfile)).toBe(false);
  });

  it("private notes: the partner organization, even its admin, neither reads nor writes", () => {
    expect(accessTo(seat("viewer", NORTH), northPrivate)).toBe("read");
    expect(accessTo(seat("editor", NORTH), northPrivate)).toBe("write");
    expect(can(seat("admin", SOUTH), "read document", northPrivate)).toBe(false);
    expect(can(seat("admin", SOUTH), "write document", northPrivate)).toBe(false);
    expect(accessTo(seat("admin", SOUTH), northPrivate)).toBe("none");
  });

  it("a member is removed by an admin of their own organization, or leaves by themself", () => {
    const northMember = { organizationId: NORTH, leaving: false };
    expect(can(seat("admin", NORTH), "remove member", northMember)).toBe(true);
    // The partner's admin runs the partnership, not the other organization's people.
    expect(can(seat("admin", SOUTH), "remove member", northMember)).toBe(false);
    expect(can(seat("editor", NORTH), "remove member", northMember)).toBe(false);
    expect(
      can(seat("viewer", NORTH), "remove member", { organizationId: NORTH, leaving: true }),
    ).toBe(true);
  });

  it("the facilitation is handed over by the facilitator or an admin, not another editor", () => {
    expect(can(seat("editor"), "hand over facilitation", { byFacilitator: true })).toBe(true);
    expect(can(seat("admin"), "hand over facilitation", { byFacilitator: false })).toBe(true);
    expect(can(seat("editor"), "hand over facilitation", { byFacilitator: false })).toBe(false);
  });
});

function refusal(check: () => void): unknown {
  try {
    check();
  } catch (error) {
    return error;
  }
  return null;
}

describe("requireWriter and requireAdmin", () => {
  it("answer 403 with the reason, and let the right seats through", () => {
    const viewerPosts = refusal(() => requireWriter(seat("viewer"), "post"));
    expect(viewerPosts).toBeInstanceOf(DomainError);
    expect(viewerPosts).toMatchObject({
      code: "forbidden",
      message: "Only an editor or admin can post",
    });
    expect(() => requireWriter(seat("editor"), "post")).not.toThrow();
    expect(
      refusal(() => requireAdmin(seat("editor"), "Only a partnership admin can invite")),
    ).toMatchObject({ code: "forbidden", message: "Only a partnership admin can invite" });
    expect(() => requireAdmin(seat("admin"), "Only a partnership admin can invite")).not.toThrow();
  });
});
