import type { AgendaItemView, MeetingView, RhythmLevelView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import {
  changedMeetingId,
  fromLocalInputs,
  movedPosition,
  nextFullHour,
  overdueLevels,
  participantsByOrganization,
  splitMeetings,
  toLocalInputs,
} from "./meetings-state";

function meeting(id: string, startsAt: string, durationMinutes = 60): MeetingView {
  const person = { id: "u1", name: "Amara", organizationId: "o1" };
  return {
    id,
    partnershipId: "p1",
    title: id,
    kind: "operational_sync",
    level: "operational",
    startsAt,
    durationMinutes,
    facilitator: person,
    participants: [person],
    agenda: [],
    createdBy: person,
    createdAt: "2026-01-01T00:00:00.000Z",
    timeZone: "UTC",
    place: "",
    videoUrl: null,
    calendarSequence: 0,
  };
}

function item(id: string, position: number): AgendaItemView {
  return {
    id,
    title: id,
    ownerOrganizationId: "o1",
    timeboxMinutes: 10,
    position,
    signOffs: [],
    version: "",
  };
}

describe("meetings state", () => {
  it("splits upcoming (soonest first, under way included) from past (latest first)", () => {
    const now = new Date("2026-03-10T10:30:00.000Z");
    const { upcoming, past } = splitMeetings(
      [
        meeting("later", "2026-03-20T09:00:00.000Z"),
        meeting("old", "2026-01-01T09:00:00.000Z"),
        meeting("running", "2026-03-10T10:00:00.000Z", 60),
        meeting("over", "2026-03-10T09:00:00.000Z", 60),
        meeting("soon", "2026-03-11T09:00:00.000Z"),
      ],
      now,
    );
    expect(upcoming.map((m) => m.id)).toEqual(["running", "soon", "later"]);
    expect(past.map((m) => m.id)).toEqual(["over", "old"]);
  });

  it("groups participants by organization in the partnership's order", () => {
    const groups = participantsByOrganization(
      [
        { id: "b", name: "Sofia", organizationId: "south" },
        { id: "c", name: "Ben", organizationId: "north" },
        { id: "d", name: "Amara", organizationId: "north" },
        { id: "e", name: "Zed", organizationId: "gone" },
      ],
      ["north", "south"],
    );
    expect(groups.map((g) => [g.organizationId, g.participants.map((p) => p.name)])).toEqual([
      ["north", ["Amara", "Ben"]],
      ["south", ["Sofia"]],
      ["gone", ["Zed"]],
    ]);
  });

  it("moves an agenda item to its neighbour's position, not past either end", () => {
    const agenda = [item("c", 2), item("a", 0), item("b", 1)];
    expect(movedPosition(agenda, "b", -1)).toBe(0);
    expect(movedPosition(agenda, "b", 1)).toBe(2);
    expect(movedPosition(agenda, "a", -1)).toBeNull();
    expect(movedPosition(agenda, "c", 1)).toBeNull();
    expect(movedPosition(agenda, "missing", 1)).toBeNull();
  });

  it("round-trips local date and time inputs through an instant", () => {
    const iso = fromLocalInputs({ date: "2026-05-04", time: "14:30" });
    expect(iso).not.toBeNull();
    expect(toLocalInputs(iso ?? "")).toEqual({ date: "2026-05-04", time: "14:30" });
    expect(fromLocalInputs({ date: "", time: "14:30" })).toBeNull();
    expect(fromLocalInputs({ date: "2026-05-04", time: "" })).toBeNull();
  });

  it("starts new meetings at the next full hour", () => {
    const next = nextFullHour(new Date(2026, 4, 4, 14, 12, 30));
    expect([next.getHours(), next.getMinutes(), next.getSeconds()]).toEqual([15, 0, 0]);
  });

  it("lists overdue levels and recognises meeting events", () => {
    const level = (l: RhythmLevelView["level"], overdue: boolean): RhythmLevelView => ({
      level: l,
      intervalDays: 7,
      lastMeetingAt: null,
      nextMeeting: null,
      dueAt: null,
      overdue,
    });
    expect(overdueLevels([level("strategic", true), level("tactical", false)])).toEqual([
      "strategic",
    ]);
    expect(overdueLevels(null)).toEqual([]);
    expect(changedMeetingId({ type: "meeting.changed", meetingId: "m1" })).toBe("m1");
    expect(changedMeetingId({ type: "workshop.changed", meetingId: "m1" })).toBeNull();
    expect(changedMeetingId("nope")).toBeNull();
  });
});
