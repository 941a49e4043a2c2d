import { simpleParser, type ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { parseCalendar } from "../test/ical.js";
import { useMailingServer } from "../test/mail-fixture.js";

describe("meeting invitations by e-mail", () => {
  const ctx = useMailingServer();

  /** The e-mails received since `from`, parsed as a mail client would, once all were sent. */
  const mailsSince = async (from: number, count: number): Promise<ParsedMail[]> => {
    await ctx.sink.waitFor(from + count);
    await ctx.live.server.services.meetingInvitations.idle();
    expect(ctx.sink.received).toHaveLength(from + count);
    return Promise.all(ctx.sink.received.slice(from).map((mail) => simpleParser(mail.raw)));
  };

  const icsOf = (mail: ParsedMail) => {
    const [attachment] = mail.attachments;
    expect(attachment?.contentType).toBe("text/calendar");
    return parseCalendar(attachment!.content.toString("utf8"));
  };

  const recipient = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

  it("sends participants the .ics as a request on scheduling and each move, and a cancel on removal and on deletion, in their language", async () => {
    await ctx.live.api(
      "PUT",
      "/api/me/notification-preferences",
      { language: "fr" },
      ctx.cast.south.cookie,
    );
    const scheduled = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      {
        title: "Comité de pilotage",
        kind: "steering_committee",
        level: "strategic",
        startsAt: "2026-12-10T09:00:00Z",
        durationMinutes: 60,
        timeZone: "Europe/Paris",
        place: "Lyon",
        participantIds: [ctx.cast.south.id],
      },
      ctx.cast.north.cookie,
    );
    expect(scheduled.status).toBe(201);
    const meetingId = scheduled.body.meeting.id as string;
    const uid = `meeting-${meetingId}@entente.test`;

    const invitations = await mailsSince(0, 2);
    const toSam = invitations.find((mail) => mail.subject?.includes("Invitation :"));
    expect(toSam?.subject).toBe("[N × S] Invitation : Comité de pilotage");
    expect(toSam?.text).toContain("Quand : jeudi 10 décembre 2026 à 10:00 (Europe/Paris)");
    const samIcs = icsOf(toSam!);
    expect(samIcs.method).toBe("REQUEST");
    expect(samIcs.events[0]).toMatchObject({ uid, sequence: 0, location: "Lyon" });
    expect(samIcs.events[0]!.attendees).toEqual([`mailto:${recipient(toSam!)}`]);
    const toNora = invitations.find((mail) => mail !== toSam);
    expect(toNora?.subject).toBe("[N × S] Invitation: Comité de pilotage");

    const moved = await ctx.live.api(
      "PATCH",
      `/api/meetings/${meetingId}`,
      { startsAt: "2026-12-11T09:00:00Z" },
      ctx.cast.north.cookie,
    );
    expect(moved.status).toBe(200);
    const changes = await mailsSince(2, 2);
    for (const mail of changes) {
      const ics = icsOf(mail);
      expect(ics.method).toBe("REQUEST");
      expect(ics.events[0]).toMatchObject({ uid, sequence: 1 });
      expect(ics.events[0]!.start.toISOString()).toBe("2026-12-11T09:00:00.000Z");
    }

    // Sam is taken off the meeting: only Sam hears of it, with a cancellation.
    const narrowed = await ctx.live.api(
      "PATCH",
      `/api/meetings/${meetingId}`,
      { participantIds: [] },
      ctx.cast.north.cookie,
    );
    expect(narrowed.status).toBe(200);
    const [removed] = await mailsSince(4, 1);
    expect(removed!.subject).toBe("[N × S] Participation retirée : Comité de pilotage");
    expect(icsOf(removed!).method).toBe("CANCEL");
    expect(icsOf(removed!).events[0]).toMatchObject({ uid, status: "CANCELLED" });

    const deleted = await ctx.live.api(
      "DELETE",
      `/api/meetings/${meetingId}`,
      undefined,
      ctx.cast.north.cookie,
    );
    expect(deleted.status).toBe(204);
    const [cancellation] = await mailsSince(5, 1);
    expect(cancellation!.subject).toBe("[N × S] Cancelled: Comité de pilotage");
    const ics = icsOf(cancellation!);
    expect(ics.method).toBe("CANCEL");
    expect(ics.events[0]).toMatchObject({ uid, sequence: 2, status: "CANCELLED" });
  });
});
