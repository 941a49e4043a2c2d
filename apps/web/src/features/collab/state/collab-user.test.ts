import { describe, expect, it } from "vitest";
import { parseCollabUser } from "./collab-user";

const amara = {
  id: "user-amara",
  name: "Amara Diallo",
  color: "#1d4ed8",
  organizationId: "org-north",
  organizationName: "Northwind",
};

describe("parseCollabUser: what another client publishes as its presence", () => {
  it("keeps a well-formed user, and only its known fields", () => {
    expect(parseCollabUser({ ...amara, isAdmin: true })).toEqual(amara);
  });

  it("drops anything that is not a user, or names no one", () => {
    for (const hostile of [null, undefined, "amara", 42, [], { ...amara, name: "   " }]) {
      expect(parseCollabUser(hostile)).toBeNull();
    }
    expect(parseCollabUser({ ...amara, organizationId: 7 })).toBeNull();
  });

  it("replaces a colour that is not a 6-digit hex (no CSS injection through a caret)", () => {
    expect(parseCollabUser({ ...amara, color: "red; background: url(x)" })?.color).toBe("#475569");
    expect(parseCollabUser({ ...amara, color: "#abc" })?.color).toBe("#475569");
  });
});
