import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields";

describe("changedFields", () => {
  it("keeps only what changed; lists compare as sets", () => {
    expect(
      changedFields(
        { title: "A", owners: ["x", "y"], due: null as string | null },
        { title: "B", owners: ["y", "x"], due: null as string | null },
      ),
    ).toEqual({ title: "B" });
    expect(changedFields({ owners: ["x"] }, { owners: ["x", "z"] })).toEqual({
      owners: ["x", "z"],
    });
    const before: { due: string | null } = { due: "2026-01-01" };
    expect(changedFields(before, { due: null })).toEqual({ due: null });
  });
});
