import type { GovernanceLevel } from "@entente/domain";
import type {
  AgendaItemView,
  MeetingKind,
  MeetingParticipantView,
  MeetingView,
  RhythmLevelView,
} from "@entente/protocol";

/** The governance level a kind of meeting usually sits at (a workshop: any). */
export function defaultLevelOf(kind: MeetingKind): GovernanceLevel | null {
  switch (kind) {
    case "steering_committee":
      return "strategic";
    case "tactical_review":
      return "tactical";
    case "operational_sync":
      return "operational";
    case "workshop":
      return null;
  }
}

/** When a meeting ends. */
export function meetingEnd(meeting: Pick<MeetingView, "startsAt" | "durationMinutes">): Date {
  return new Date(new Date(meeting.startsAt).getTime() + meeting.durationMinutes * 60_000);
}

/**
 * Upcoming (not over yet, the soonest first) and past (over, the latest first). A meeting
 * under way is upcoming: people still open it to take notes.
 */
export function splitMeetings(
  meetings: readonly MeetingView[],
  now: Date,
): { upcoming: MeetingView[]; past: MeetingView[] } {
  const upcoming: MeetingView[] = [];
  const past: MeetingView[] = [];
  for (const meeting of meetings) {
    (meetingEnd(meeting).getTime() > now.getTime() ? upcoming : past).push(meeting);
  }
  const start = (m: MeetingView) => new Date(m.startsAt).getTime();
  upcoming.sort((a, b) => start(a) - start(b));
  past.sort((a, b) => start(b) - start(a));
  return { upcoming, past };
}

/**
 * Participants by organization, in the partnership's organization order; organizations
 * nobody comes from are left out, and those the page does not know come last.
 */
export function participantsByOrganization(
  participants: readonly MeetingParticipantView[],
  organizationOrder: readonly string[],
): { organizationId: string; participants: MeetingParticipantView[] }[] {
  const groups = new Map<string, MeetingParticipantView[]>();
  for (const participant of participants) {
    const group = groups.get(participant.organizationId) ?? [];
    group.push(participant);
    groups.set(participant.organizationId, group);
  }
  const rank = (id: string) => {
    const index = organizationOrder.indexOf(id);
    return index === -1 ? organizationOrder.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([organizationId, members]) => ({
      organizationId,
      participants: members.sort((a, b) => a.name.localeCompare(b.name)),
    }));
}

/** The agenda in its order. */
export function orderedAgenda(agenda: readonly AgendaItemView[]): AgendaItemView[] {
  return [...agenda].sort((a, b) => a.position - b.position);
}

/** The position an item moves to one step up (-1) or down (+1); `null` at either end. */
export function movedPosition(
  agenda: readonly AgendaItemView[],
  itemId: string,
  step: -1 | 1,
): number | null {
  const ordered = orderedAgenda(agenda);
  const index = ordered.findIndex((item) => item.id === itemId);
  const target = ordered[index + step];
  return index === -1 || target === undefined ? null : target.position;
}

/** The levels whose meeting is overdue. */
export function overdueLevels(rhythm: readonly RhythmLevelView[] | null): GovernanceLevel[] {
  return (rhythm ?? []).filter((level) => level.overdue).map((level) => level.level);
}

/** An `<input type="date">` and `<input type="time">` pair for a local date-time. */
export interface LocalDateTime {
  date: string;
  time: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local date and time inputs of an instant. */
export function toLocalInputs(iso: string | Date): LocalDateTime {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return {
    date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`,
    time: `${pad(date.getHours())}:${pad(date.getMinutes())}`,
  };
}

/** The instant the user means by a local date and time (their time zone); `null` if incomplete. */
export function fromLocalInputs({ date, time }: LocalDateTime): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})/.exec(time);
  if (!day || !clock) return null;
  const [y, m, d] = day.slice(1).map(Number);
  const [h, min] = clock.slice(1).map(Number);
  if (y === undefined || m === undefined || d === undefined) return null;
  if (h === undefined || min === undefined) return null;
  const local = new Date(y, m - 1, d, h, min);
  return Number.isNaN(local.getTime()) ? null : local.toISOString();
}

/** The next full hour from `now`: where a new meeting's time starts. */
export function nextFullHour(now: Date): Date {
  const next = new Date(now);
  next.setMinutes(0, 0, 0);
  next.setHours(next.getHours() + 1);
  return next;
}

/** A `meeting.changed` event of the partnership's stream. */
export function changedMeetingId(event: unknown): string | null {
  if (typeof event !== "object" || event === null) return null;
  const { type, meetingId } = event as { type?: unknown; meetingId?: unknown };
  return type === "meeting.changed" && typeof meetingId === "string" ? meetingId : null;
}
