import { describe, expect, it } from "vitest";
import { signOffViews, type SignOffRecord } from "./sign-offs.js";

const record = (
  organizationId: string,
  userName: string,
  version: string,
  createdAt: number,
): SignOffRecord => ({
  organizationId,
  organizationName: organizationId.toUpperCase(),
  userId: userName.toLowerCase(),
  userName,
  version,
  createdAt,
});

describe("signOffViews", () => {
  it("keeps each organization's latest sign-off, in the partnership's order, others last", () => {
    const views = signOffViews(
      [
        record("south", "Sam", "v1", 1),
        record("gone", "Gil", "v2", 2),
        record("north", "Nora", "v1", 3),
        record("south", "Sue", "v2", 4),
      ],
      "v2",
      ["north", "south"],
    );
    expect(views).toEqual([
      {
        organizationId: "north",
        organizationName: "NORTH",
        signedBy: { id: "nora", name: "Nora" },
        signedAt: new Date(3).toISOString(),
        changedSince: true,
      },
      {
        organizationId: "south",
        organizationName: "SOUTH",
        signedBy: { id: "sue", name: "Sue" },
        signedAt: new Date(4).toISOString(),
        changedSince: false,
      },
      {
        organizationId: "gone",
        organizationName: "GONE",
        signedBy: { id: "gil", name: "Gil" },
        signedAt: new Date(2).toISOString(),
        changedSince: false,
      },
    ]);
  });

  it("has nothing to show before anyone signed", () => {
    expect(signOffViews([], "v1", ["north", "south"])).toEqual([]);
  });
});
