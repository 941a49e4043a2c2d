import type { ActivityEntry } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import { appendPage, groupByDay, relativeDay } from "./activity-days";

const entry = (
  to: Date,
  over: Partial<ActivityEntry> & { minutes?: number } = {},
): ActivityEntry => {
  const { minutes = 1, ...rest } = over;
  return {
    user: { id: "u1", name: "Ana" },
    organization: { id: "o1", name: "Southpeak" },
    document: { name: "p/charter", kind: "charter", organizationId: null },
    updates: 1,
    from: new Date(to.getTime() - minutes * 60_000).toISOString(),
    to: to.toISOString(),
    summaryKey: "activity.edited.charter",
    summary: "Southpeak · Ana edited the charter (1 edit)",
    ...rest,
  };
};

/** Local time (days are the user's days). */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

describe("activity days", () => {
  it("groups newest-first entries under the local day of their last edit", () => {
    const entries = [
      entry(at(26, 15)),
      entry(at(26, 9), { user: { id: "u2", name: "Ben" } }),
      entry(at(25, 23, 30)),
      entry(at(20, 8)),
    ];
    const days = groupByDay(entries);
    expect(days.map((d) => [d.day, d.entries.length])).toEqual([
      ["2026-11-26", 2],
      ["2026-11-25", 1],
      ["2026-11-20", 1],
    ]);
    expect(days[0]?.entries[1]?.user?.name).toBe("Ben");
  });

  it("names today and yesterday", () => {
    const now = at(26, 10);
    expect(relativeDay("2026-11-26", now)).toBe("today");
    expect(relativeDay("2026-11-25", now)).toBe("yesterday");
    expect(relativeDay("2026-11-24", now)).toBeNull();
  });

  it("joins a run the server split across two pages, and only that", () => {
    // Page 1 ends with Ana's edits from 10:02 to 10:05; page 2 starts with hers of 9:51–9:58.
    // (UTC: the server's windows are aligned on the epoch, not on the local clock.)
    const at = (day: number, hour: number, minute = 0) =>
      new Date(Date.UTC(2026, 10, day, hour, minute));
    const shown = [entry(at(26, 11)), entry(at(26, 10, 5), { minutes: 3, updates: 4 })];
    const older = [
      entry(at(26, 9, 58), { minutes: 7, updates: 2 }),
      entry(at(26, 9, 57), { user: { id: "u2", name: "Ben" } }),
      entry(at(26, 8)),
    ];
    const merged = appendPage(shown, older);
    expect(merged).toHaveLength(4);
    expect(merged[1]).toMatchObject({
      updates: 6,
      from: at(26, 9, 51).toISOString(),
      to: at(26, 10, 5).toISOString(),
    });
    expect(merged.slice(2).map((e) => e.user?.name)).toEqual(["Ben", "Ana"]);
  });
});
