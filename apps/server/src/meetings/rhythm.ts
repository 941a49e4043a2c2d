import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import type { RhythmLevelView } from "@entente/protocol";

const DAY_MS = 24 * 60 * 60_000;

/** A meeting as the rhythm sees it. */
export interface RhythmMeeting {
  id: string;
  title: string;
  level: GovernanceLevel;
  /** Milliseconds since the epoch. */
  startsAt: number;
}

/**
 * Where each governance level stands against its rhythm, strategic first. For a level with
 * a rhythm: the last meeting is the latest that already started; the next meeting is due one
 * interval after it, or one interval after `since` (the partnership's start) if the level
 * never met, so a partnership that starts today with a weekly rhythm is due in a week, not
 * overdue on its first day; the level is overdue once that moment has come, whether or not a
 * meeting is scheduled later. The next meeting is the earliest that starts after now, shown
 * either way.
 */
export function rhythmLevels(
  intervals: ReadonlyMap<GovernanceLevel, number>,
  meetings: readonly RhythmMeeting[],
  now: number,
  since: number,
): RhythmLevelView[] {
  return GOVERNANCE_LEVELS.map((level) => {
    let last: number | null = null;
    let next: RhythmMeeting | null = null;
    for (const meeting of meetings) {
      if (meeting.level !== level) continue;
      if (meeting.startsAt <= now) {
        if (last === null || meeting.startsAt > last) last = meeting.startsAt;
      } else if (next === null || meeting.startsAt < next.startsAt) {
        next = meeting;
      }
    }
    const intervalDays = intervals.get(level) ?? null;
    const dueAt = intervalDays === null ? null : (last ?? since) + intervalDays * DAY_MS;
    return {
      level,
      intervalDays,
      lastMeetingAt: last === null ? null : new Date(last).toISOString(),
      nextMeeting: next && {
        id: next.id,
        title: next.title,
        startsAt: new Date(next.startsAt).toISOString(),
      },
      dueAt: dueAt === null ? null : new Date(dueAt).toISOString(),
      overdue: dueAt !== null && dueAt <= now,
    };
  });
}
