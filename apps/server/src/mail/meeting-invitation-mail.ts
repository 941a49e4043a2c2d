import type { Language } from "@entente/protocol";
import type { MeetingCalendar } from "../meetings/meeting-calendar.js";
import { meetingPageUrl, type CalendarMeeting } from "../meetings/meeting-ical.js";
import type { MeetingCalendarListener } from "../meetings/meeting-service.js";
import type { Logger } from "../observability/logger.js";
import { escapeHtml, paragraphsHtml } from "./compose.js";
import type { Mailer, MailMessage } from "./mailer.js";
import { replyAddressFor, type ReplyAddressing } from "./reply-addresses.js";

type Occasion = "invited" | "cancelled" | "uninvited";

const SUBJECTS: Record<Language, Record<Occasion, (title: string) => string>> = {
  en: {
    invited: (title) => `Invitation: ${title}`,
    cancelled: (title) => `Cancelled: ${title}`,
    uninvited: (title) => `Removed from: ${title}`,
  },
  fr: {
    invited: (title) => `Invitation : ${title}`,
    cancelled: (title) => `Annulée : ${title}`,
    uninvited: (title) => `Participation retirée : ${title}`,
  },
};

const LINES: Record<Language, Record<Occasion, string>> = {
  en: {
    invited: "The meeting is in the attached invitation; add it to your calendar.",
    cancelled: "This meeting was deleted: the attached cancellation removes it from your calendar.",
    uninvited:
      "You no longer take part in this meeting: the attached cancellation removes it from your calendar.",
  },
  fr: {
    invited: "La réunion est dans l’invitation jointe ; ajoutez-la à votre agenda.",
    cancelled: "Cette réunion a été supprimée : l’annulation jointe la retire de votre agenda.",
    uninvited:
      "Vous ne participez plus à cette réunion : l’annulation jointe la retire de votre agenda.",
  },
};

const WHEN: Record<Language, string> = { en: "When:", fr: "Quand :" };
const WHERE: Record<Language, string> = { en: "Where:", fr: "Lieu :" };
const OPEN: Record<Language, string> = { en: "Open it:", fr: "Pour l’ouvrir :" };
const REPLY: Record<Language, string> = {
  en: "Reply to this e-mail to discuss the meeting in the partnership’s updates.",
  fr: "Répondez à cet e-mail pour en discuter dans les actualités du partenariat.",
};

/** The start in the meeting's own time zone, as people of that language write it. */
function when(meeting: CalendarMeeting, language: Language): string {
  const format = new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: meeting.timeZone,
  });
  return `${format.format(meeting.startsAt)} (${meeting.timeZone})`;
}

/**
 * E-mails participants a meeting's invitation (METHOD:REQUEST) when it is scheduled or moves,
 * and a cancellation (METHOD:CANCEL) when it is deleted or they are removed from it, with
 * the `.ics` attached, in each person's language. Sending happens after the request that
 * caused it answered; a failure is logged, never thrown at the author.
 */
export class MeetingInvitationMailer implements MeetingCalendarListener {
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly calendar: MeetingCalendar,
    private readonly mailer: Mailer,
    private readonly origin: string,
    private readonly logger: Logger,
    /** With reply by e-mail on: editors and admins get a reply address bound to them and the meeting. */
    private readonly replies?: ReplyAddressing | undefined,
  ) {}

  scheduled(meetingId: string, people: { invite: string[]; uninvite: string[] }): void {
    this.queue(async () => {
      const meeting = await this.calendar.meeting(meetingId);
      if (!meeting) return;
      await this.send(meeting, people.invite, "invited");
      await this.send({ ...meeting, cancelled: true }, people.uninvite, "uninvited");
    });
  }

  cancelled(meetingId: string, participantIds: string[]): void {
    this.queue(async () => {
      const meeting = await this.calendar.cancelledMeeting(meetingId);
      if (meeting) await this.send(meeting, participantIds, "cancelled");
    });
  }

  /** Resolves once every e-mail asked for so far was handed over (or failed). */
  idle(): Promise<void> {
    return this.pending;
  }

  private queue(work: () => Promise<void>): void {
    this.pending = this.pending
      .then(work)
      .catch((error: unknown) => this.logger.warn({ err: error }, "meeting invitation failed"));
  }

  private async send(
    meeting: CalendarMeeting,
    userIds: readonly string[],
    occasion: Occasion,
  ): Promise<void> {
    const method = occasion === "invited" ? "request" : "cancel";
    for (const { userId, reader } of await this.calendar.readers(userIds)) {
      const ics = this.calendar.write([meeting], method, reader);
      const replyTo = occasion === "invited" ? await this.replyAddress(userId, meeting) : undefined;
      await this.mailer.send(this.message(meeting, reader, occasion, ics, method, replyTo));
    }
  }

  /** Answers to an invitation go to the meeting's discussion; only those who may post get an address. */
  private async replyAddress(
    userId: string,
    meeting: CalendarMeeting,
  ): Promise<string | undefined> {
    if (!this.replies) return undefined;
    return replyAddressFor(this.replies, userId, meeting.partnershipId, {
      kind: "meeting",
      meetingId: meeting.meetingId,
    });
  }

  private message(
    meeting: CalendarMeeting,
    reader: { name: string; email: string; language: Language },
    occasion: Occasion,
    ics: string,
    method: "request" | "cancel",
    replyTo: string | undefined,
  ): MailMessage {
    const { language } = reader;
    const link = meetingPageUrl(this.origin, meeting);
    const lines = [
      LINES[language][occasion],
      `${WHEN[language]} ${when(meeting, language)}`,
      ...(meeting.place ? [`${WHERE[language]} ${meeting.place}`] : []),
    ];
    const open = occasion === "cancelled" ? [] : [`${OPEN[language]} ${link}`];
    const reply = replyTo ? [REPLY[language]] : [];
    return {
      to: { name: reader.name, address: reader.email },
      subject: `[${meeting.partnershipName}] ${SUBJECTS[language][occasion](meeting.title)}`,
      text: [...lines, ...open, ...reply].join("\n\n") + "\n",
      html: paragraphsHtml([
        ...lines.map(escapeHtml),
        ...(occasion === "cancelled"
          ? []
          : [
              `<a href="${escapeHtml(link)}">${escapeHtml(OPEN[language])} ${escapeHtml(link)}</a>`,
            ]),
        ...reply.map(escapeHtml),
      ]),
      ...(replyTo ? { replyTo } : {}),
      attachments: [
        {
          filename: method === "cancel" ? "cancel.ics" : "invite.ics",
          content: ics,
          contentType: `text/calendar; charset=utf-8; method=${method.toUpperCase()}`,
        },
      ],
    };
  }
}
