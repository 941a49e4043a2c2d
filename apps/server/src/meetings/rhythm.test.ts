import { describe, expect, it } from "vitest";
import { rhythmLevels, type RhythmMeeting } from "./rhythm.js";

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse("2026-11-26T12:00:00Z");
/** The partnership began long before these meetings. */
const SINCE = NOW - 365 * DAY;
const iso = (millis: number) => new Date(millis).toISOString();

const meeting = (id: string, level: RhythmMeeting["level"], startsAt: number): RhythmMeeting => ({
  id,
  title: `Meeting ${id}`,
  level,
  startsAt,
});

describe("rhythmLevels", () => {
  it("lists every level, strategic first; a level without a rhythm is never due nor overdue", () => {
    const levels = rhythmLevels(new Map(), [meeting("a", "tactical", NOW - DAY)], NOW, SINCE);
    expect(levels.map((l) => l.level)).toEqual(["strategic", "tactical", "operational"]);
    expect(levels[1]).toEqual({
      level: "tactical",
      intervalDays: null,
      lastMeetingAt: iso(NOW - DAY),
      nextMeeting: null,
      dueAt: null,
      overdue: false,
    });
  });

  it("counts a level that never met from the partnership's start: due one interval later, not overdue before", () => {
    const [, , newPartnership] = rhythmLevels(new Map([["operational", 7]]), [], NOW, NOW);
    expect(newPartnership).toMatchObject({
      lastMeetingAt: null,
      dueAt: iso(NOW + 7 * DAY),
      overdue: false,
    });
    const [, , weeksOld] = rhythmLevels(new Map([["operational", 7]]), [], NOW, NOW - 8 * DAY);
    expect(weeksOld).toMatchObject({ dueAt: iso(NOW - DAY), overdue: true });
  });

  it("is due one interval after the latest meeting that started, and not overdue before then", () => {
    const meetings = [
      meeting("older", "operational", NOW - 6 * DAY),
      meeting("latest", "operational", NOW - 2 * DAY),
      meeting("other level", "tactical", NOW - DAY / 2),
    ];
    const operational = rhythmLevels(new Map([["operational", 7]]), meetings, NOW, SINCE)[2];
    expect(operational).toMatchObject({
      intervalDays: 7,
      lastMeetingAt: iso(NOW - 2 * DAY),
      dueAt: iso(NOW + 5 * DAY),
      overdue: false,
    });
  });

  it("flags a level whose due date passed, and still shows the meeting scheduled after now", () => {
    const meetings = [
      meeting("last", "tactical", NOW - 40 * DAY),
      meeting("later", "tactical", NOW + 20 * DAY),
      meeting("soon", "tactical", NOW + 3 * DAY),
    ];
    const tactical = rhythmLevels(new Map([["tactical", 30]]), meetings, NOW, SINCE)[1];
    expect(tactical).toEqual({
      level: "tactical",
      intervalDays: 30,
      lastMeetingAt: iso(NOW - 40 * DAY),
      nextMeeting: { id: "soon", title: "Meeting soon", startsAt: iso(NOW + 3 * DAY) },
      dueAt: iso(NOW - 10 * DAY),
      overdue: true,
    });
  });

  it("counts a meeting that starts right now as met, and a future one only as the next", () => {
    const [strategic] = rhythmLevels(
      new Map([["strategic", 90]]),
      [meeting("now", "strategic", NOW), meeting("next", "strategic", NOW + 1)],
      NOW,
      SINCE,
    );
    expect(strategic).toMatchObject({
      lastMeetingAt: iso(NOW),
      nextMeeting: { id: "next" },
      dueAt: iso(NOW + 90 * DAY),
      overdue: false,
    });
  });
});
