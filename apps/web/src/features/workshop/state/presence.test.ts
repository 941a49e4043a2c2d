import { describe, expect, it } from "vitest";
import { facilitatorView, lookersByFocus, parseView, workshopPeople } from "./presence";

const user = (id: string, name: string, organizationName: string) => ({
  id,
  name,
  color: "#1d4ed8",
  organizationId: `org-${organizationName}`,
  organizationName,
});

describe("workshopPeople", () => {
  const states = new Map<number, Record<string, unknown>>([
    [
      1,
      {
        user: user("amara", "Amara", "Northwind"),
        view: { area: "board", focusId: "col-1" },
        facilitating: true,
      },
    ],
    [
      2,
      {
        user: user("ben", "Ben", "Northwind"),
        view: { area: "results", focusId: null },
        facilitating: false,
      },
    ],
    [3, { user: user("sofia", "Sofia", "Southpeak") }],
    [4, { user: { name: "no id" } }],
    [5, { user: user("ben", "Ben", "Northwind"), view: { area: "board", focusId: "n1" } }],
  ]);

  it("lists each person once, yourself first, skipping malformed users", () => {
    const people = workshopPeople(states, 5);
    expect(people.map((p) => [p.user.id, p.isSelf])).toEqual([
      ["ben", true],
      ["amara", false],
      ["sofia", false],
    ]);
    expect(people[0]?.view).toEqual({ area: "board", focusId: "n1" });
    expect(people[2]?.view).toBeNull();
  });

  it("follows only the facilitator who says so, never oneself", () => {
    const people = workshopPeople(states, 2);
    expect(facilitatorView(people, "amara")).toEqual({ area: "board", focusId: "col-1" });
    expect(facilitatorView(people, "ben")).toBeNull();
    const amaraHerself = workshopPeople(states, 1);
    expect(facilitatorView(amaraHerself, "amara")).toBeNull();
  });

  it("groups the others by what they look at", () => {
    const lookers = lookersByFocus(workshopPeople(states, 5));
    expect(lookers.get("col-1")?.map((p) => p.user.id)).toEqual(["amara"]);
    // Oneself is not among the lookers.
    expect(lookers.get("n1")).toBeUndefined();
    const fromSofia = lookersByFocus(
      workshopPeople(new Map([...states].filter(([id]) => id !== 2)), 3),
    );
    expect(fromSofia.get("n1")?.map((p) => p.user.id)).toEqual(["ben"]);
  });
});

describe("parseView", () => {
  it("keeps known areas and safe ids only", () => {
    expect(parseView({ area: "agenda", focusId: "item_1" })).toEqual({
      area: "agenda",
      focusId: "item_1",
    });
    expect(parseView({ area: "elsewhere", focusId: "x" })).toBeNull();
    expect(parseView({ area: "board", focusId: '"] , body' })).toEqual({
      area: "board",
      focusId: null,
    });
    expect(parseView("board")).toBeNull();
  });
});
