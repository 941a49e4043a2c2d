import type { Language } from "@entente/protocol";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";

/** One meeting as a calendar sees it: live, or cancelled (deleted, kept 30 days). */
export interface CalendarMeeting {
  meetingId: string;
  partnershipId: string;
  partnershipName: string;
  title: string;
  /** Milliseconds since the epoch. */
  startsAt: number;
  durationMinutes: number;
  timeZone: string;
  place: string;
  videoUrl: string | null;
  /** Raised whenever time, place or title moved (and once more at cancellation). */
  sequence: number;
  /** Agenda item titles, in order; empty for a cancelled meeting. */
  agenda: string[];
  facilitatorName: string;
  cancelled: boolean;
  /** When the meeting was created or last changed (DTSTAMP); the cancellation for a cancelled one. */
  stampedAt: number;
}

/** Who the calendar is for: named as the one attendee (other people's e-mails are never shown). */
export interface CalendarReader {
  name: string;
  email: string;
  language: Language;
}

export type CalendarMethod = "publish" | "request" | "cancel";

const METHODS: Record<CalendarMethod, ICalCalendarMethod> = {
  publish: ICalCalendarMethod.PUBLISH,
  request: ICalCalendarMethod.REQUEST,
  cancel: ICalCalendarMethod.CANCEL,
};

const WORDS: Record<
  Language,
  { agenda: string; page: string; video: string; zone: string; feed: string }
> = {
  en: {
    agenda: "Agenda:",
    page: "Meeting page:",
    video: "Video call:",
    zone: "Time zone of the meeting:",
    feed: "Entente meetings",
  },
  fr: {
    agenda: "Ordre du jour :",
    page: "Page de la réunion :",
    video: "Visioconférence :",
    zone: "Fuseau horaire de la réunion :",
    feed: "Réunions Entente",
  },
};

/** The page of a meeting in the web app. */
export function meetingPageUrl(
  origin: string,
  meeting: Pick<CalendarMeeting, "partnershipId" | "meetingId">,
) {
  return `${origin}/p/${meeting.partnershipId}/meetings/${meeting.meetingId}`;
}

/**
 * The UID of a meeting's calendar event: the same for every copy (download, feed, e-mail) and
 * for the meeting's whole life, so calendars update the event instead of adding another.
 */
export function meetingUid(origin: string, meetingId: string): string {
  return `meeting-${meetingId}@${new URL(origin).host}`;
}

function description(origin: string, meeting: CalendarMeeting, language: Language): string {
  const words = WORDS[language];
  const lines: string[] = [];
  if (meeting.agenda.length > 0) {
    lines.push(words.agenda, ...meeting.agenda.map((title, i) => `${i + 1}. ${title}`), "");
  }
  lines.push(`${words.zone} ${meeting.timeZone}`);
  if (meeting.videoUrl) lines.push(`${words.video} ${meeting.videoUrl}`);
  lines.push(`${words.page} ${meetingPageUrl(origin, meeting)}`);
  return lines.join("\n");
}

/**
 * An RFC 5545 calendar of meetings. Times are written in UTC (the meeting's own zone is named in
 * the description), so no VTIMEZONE is needed and every client shows them in its own zone.
 */
export function meetingCalendar(
  origin: string,
  meetings: readonly CalendarMeeting[],
  options: { method: CalendarMethod; reader: CalendarReader; organizerEmail: string },
): string {
  const { reader } = options;
  const calendar = ical({
    prodId: { company: "Entente", product: "Meetings", language: reader.language.toUpperCase() },
    method: METHODS[options.method],
    name: WORDS[reader.language].feed,
  });
  for (const meeting of meetings) {
    calendar.createEvent({
      id: meetingUid(origin, meeting.meetingId),
      sequence: meeting.sequence,
      stamp: new Date(meeting.stampedAt),
      start: new Date(meeting.startsAt),
      end: new Date(meeting.startsAt + meeting.durationMinutes * 60_000),
      summary: `${meeting.title} (${meeting.partnershipName})`,
      description: description(origin, meeting, reader.language),
      location: meeting.place || null,
      url: meeting.videoUrl ?? meetingPageUrl(origin, meeting),
      status: meeting.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: meeting.facilitatorName || "Entente", email: options.organizerEmail },
      attendees: [
        {
          name: reader.name,
          email: reader.email,
          role: ICalAttendeeRole.REQ,
          status: ICalAttendeeStatus.NEEDSACTION,
          rsvp: false,
        },
      ],
    });
  }
  return calendar.toString();
}
