import { describe, expect, it } from "vitest";
import type { StickyNoteView, WorkshopView } from "@entente/protocol";
import { facilitatorView, lookersByFocus, lookView, parseView, workshopPeople } from "./presence";

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

describe("lookView", () => {
  const note = (id: string, revealed: boolean): StickyNoteView => ({
    id,
    author: { id: "ben", name: "Ben", organizationId: "org-Northwind" },
    organizationId: "org-Northwind",
    text: `note ${id}`,
    columnId: "col-1",
    groupId: null,
    revealed,
    createdAt: "2026-11-26T14:00:00.000Z",
    updatedAt: "2026-11-26T14:00:00.000Z",
    conversion: null,
  });
  // Ben's board in a private phase after an earlier reveal: one note revealed, one hidden.
  const board = (phase: WorkshopView["phase"]): Pick<WorkshopView, "phase" | "notes"> => ({
    phase,
    notes: [note("shown", true), note("secret", false)],
  });
  const look = (focusId: string | null, composing = false) =>
    ({ area: "board", focusId, composing }) as const;

  it("never points at the caller's hidden note", () => {
    expect(lookView(look("secret"), board("private"))).toEqual({ area: "board", focusId: null });
    expect(lookView(look("shown"), board("private"))).toEqual({
      area: "board",
      focusId: "shown",
    });
  });

  it("keeps the column of a note being written in the private phase to oneself", () => {
    expect(lookView(look("col-1", true), board("private"))).toEqual({
      area: "board",
      focusId: null,
    });
    // Clicking the column itself, or writing once notes show as they are added, is fine.
    expect(lookView(look("col-1"), board("private")).focusId).toBe("col-1");
    expect(lookView(look("col-1", true), board("revealed")).focusId).toBe("col-1");
  });

  it("passes clusters, columns and the results through", () => {
    expect(
      lookView({ area: "results", focusId: "g1", composing: false }, board("private")),
    ).toEqual({ area: "results", focusId: "g1" });
    expect(lookView(look(null), board("revealed"))).toEqual({ area: "board", focusId: null });
  });
});
