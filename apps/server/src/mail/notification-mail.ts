import {
  notificationPath,
  type ActionStatusName,
  type IssueStatusName,
  type Language,
  type NotificationItem,
  type NotificationView,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { NotificationListener } from "../notifications/notification-service.js";
import type {
  MailRecipient,
  NotificationPreferences,
} from "../notifications/notification-preferences.js";
import type { Logger } from "../observability/logger.js";
import { escapeHtml, footer, footerHtml, paragraphsHtml } from "./compose.js";
import type { Mailer, MailMessage } from "./mailer.js";
import { replyAddressFor, type ReplyAddressing, type ReplyTarget } from "./reply-addresses.js";

/** How actions' and issues' statuses read in each language (as the web app shows them). */
const STATUS_WORDS: Record<
  Language,
  { action: Record<ActionStatusName, string>; issue: Record<IssueStatusName, string> }
> = {
  en: {
    action: {
      todo: "To do",
      in_progress: "In progress",
      blocked: "Blocked",
      done: "Done",
      cancelled: "Cancelled",
    },
    issue: { open: "Open", in_progress: "In progress", resolved: "Resolved", closed: "Closed" },
  },
  fr: {
    action: {
      todo: "À faire",
      in_progress: "En cours",
      blocked: "Bloquée",
      done: "Terminée",
      cancelled: "Annulée",
    },
    issue: { open: "Ouvert", in_progress: "En cours", resolved: "Résolu", closed: "Clos" },
  },
};

function statusWord(language: Language, item: NotificationItem): string {
  if (item.kind === "action") return STATUS_WORDS[language].action[item.status];
  if (item.kind === "issue") return STATUS_WORDS[language].issue[item.status];
  return "";
}

/**
 * Who proposed a decision: the actor (who recorded it, as the server knows), or whom the
 * decision names "proposed by X, recorded by Y" when that is someone else.
 */
function proposer(item: NotificationItem, actor: string, recordedBy: string): string {
  return "proposedBy" in item && item.proposedBy !== undefined
    ? `${item.proposedBy}, ${recordedBy} ${actor}`
    : actor;
}

/** What one notification says, in each language. */
const LINES: Record<Language, (n: NotificationView) => string> = {
  en: (n) => {
    const actor = n.actorUnknown ? "Someone" : n.actor.name;
    if ("item" in n && (n.item.kind === "action" || n.item.kind === "issue")) {
      const what = `${n.item.kind} “${n.item.title}”`;
      return n.kind === "item_overdue"
        ? `The ${what} is overdue (due ${n.item.dueDate ?? "?"})`
        : `${actor} changed the status of the ${what} to ${statusWord("en", n.item)}`;
    }
    if ("item" in n && n.item.kind === "trash") {
      return `${actor} deleted “${n.item.title}”, which your organization owns: it can be restored from the trash for 30 days`;
    }
    if ("item" in n && n.item.kind === "organization") {
      return `The organization “${n.item.title}” joined the partnership (invited with the approval of every organization)`;
    }
    if ("item" in n && n.item.kind === "member") {
      if (n.kind === "member_joined") return `${n.item.title} joined the partnership`;
      return n.actor.id === n.item.id
        ? `${n.item.title} left the partnership`
        : `${actor} removed ${n.item.title} from the partnership`;
    }
    if ("item" in n && n.item.kind === "health_check") {
      return n.kind === "health_check_results"
        ? `The results of the health check “${n.item.title}” are out`
        : `${actor} opened the health check “${n.item.title}”: your anonymous answer is welcome`;
    }
    if ("item" in n) {
      return n.kind === "decision_waiting"
        ? `The decision “${n.item.title}” (proposed by ${proposer(n.item, actor, "recorded by")}) waits for your organization's vote`
        : `The charter changed since your organization endorsed it (last edited by ${actor})`;
    }
    if ("postId" in n) {
      if (n.kind === "reply") return `${actor} replied to your post “${n.postTitle}”`;
      if (n.kind === "organization_mention")
        return `${actor} mentioned your organization in “${n.postTitle}”`;
      return `${actor} mentioned you in “${n.postTitle}”`;
    }
    if (n.kind === "reply") return `${actor} replied to your comment thread`;
    if (n.kind === "organization_mention")
      return `${actor} mentioned your organization in a comment`;
    return `${actor} mentioned you in a comment`;
  },
  fr: (n) => {
    const actor = n.actorUnknown ? "Quelqu’un" : n.actor.name;
    if ("item" in n && (n.item.kind === "action" || n.item.kind === "issue")) {
      const title = `« ${n.item.title} »`;
      if (n.kind === "item_overdue") {
        return n.item.kind === "action"
          ? `L’action ${title} est en retard (échéance ${n.item.dueDate ?? "?"})`
          : `Le point ouvert ${title} est en retard (échéance ${n.item.dueDate ?? "?"})`;
      }
      const status = statusWord("fr", n.item);
      return n.item.kind === "action"
        ? `${actor} a passé l’action ${title} au statut « ${status} »`
        : `${actor} a passé le point ouvert ${title} au statut « ${status} »`;
    }
    if ("item" in n && n.item.kind === "trash") {
      return `${actor} a supprimé « ${n.item.title} », qui appartient à votre organisation : il peut être restauré depuis la corbeille pendant 30 jours`;
    }
    if ("item" in n && n.item.kind === "organization") {
      return `L’organisation « ${n.item.title} » a rejoint le partenariat (avec l’accord de chaque organisation)`;
    }
    if ("item" in n && n.item.kind === "member") {
      if (n.kind === "member_joined") return `${n.item.title} a rejoint le partenariat`;
      return n.actor.id === n.item.id
        ? `${n.item.title} a quitté le partenariat`
        : `${actor} a retiré ${n.item.title} du partenariat`;
    }
    if ("item" in n && n.item.kind === "health_check") {
      return n.kind === "health_check_results"
        ? `Les résultats du bilan de santé « ${n.item.title} » sont disponibles`
        : `${actor} a ouvert le bilan de santé « ${n.item.title} » : votre réponse anonyme est attendue`;
    }
    if ("item" in n) {
      return n.kind === "decision_waiting"
        ? `La décision « ${n.item.title} » (proposée par ${proposer(n.item, actor, "enregistrée par")}) attend le vote de votre organisation`
        : `La charte a changé depuis que votre organisation l’a approuvée (dernière modification : ${actor})`;
    }
    if ("postId" in n) {
      if (n.kind === "reply") return `${actor} a répondu à votre message « ${n.postTitle} »`;
      if (n.kind === "organization_mention")
        return `${actor} a mentionné votre organisation dans « ${n.postTitle} »`;
      return `${actor} vous a mentionné dans « ${n.postTitle} »`;
    }
    if (n.kind === "reply") return `${actor} a répondu à votre fil de commentaires`;
    if (n.kind === "organization_mention")
      return `${actor} a mentionné votre organisation dans un commentaire`;
    return `${actor} vous a mentionné dans un commentaire`;
  },
};

const OPEN: Record<Language, string> = { en: "Open it:", fr: "Pour l’ouvrir :" };
const REPLY: Record<Language, string> = {
  en: "Reply to this e-mail to answer in the thread.",
  fr: "Répondez à cet e-mail pour répondre dans le fil.",
};

/** The thread an answer to the notification's e-mail goes to: a post's or a comment thread. */
export function replyTargetOf(n: NotificationView): ReplyTarget | null {
  if ("postId" in n) return { kind: "post", postId: n.postId };
  if ("threadId" in n) return { kind: "thread", threadId: n.threadId };
  return null;
}

/** Where the web app shows a notification's subject (the bell's own path, on `origin`). */
export function notificationLink(origin: string, n: NotificationView): string {
  return `${origin}${notificationPath(n)}`;
}

/** The e-mail telling `to` about one notification. */
export function notificationMessage(
  origin: string,
  partnershipName: string,
  to: MailRecipient,
  notification: NotificationView,
  replyTo?: string,
): MailMessage {
  const language = to.language;
  const line = LINES[language](notification);
  const link = notificationLink(origin, notification);
  const closing = footer(language, origin);
  const reply = replyTo ? REPLY[language] : null;
  return {
    to: { name: to.name, address: to.email },
    subject: `[${partnershipName}] ${line}`,
    text: `${line}\n\n${OPEN[language]} ${link}\n${reply ? `${reply}\n` : ""}\n-- \n${closing}\n`,
    html: paragraphsHtml([
      escapeHtml(line),
      `<a href="${escapeHtml(link)}">${escapeHtml(OPEN[language])} ${escapeHtml(link)}</a>`,
      ...(reply ? [escapeHtml(reply)] : []),
      footerHtml(language, origin),
    ]),
    ...(replyTo ? { replyTo } : {}),
  };
}

/**
 * E-mails notifications to the users who want their kind by e-mail. Sending happens after
 * the request that caused it has answered; a failure is logged, never thrown at the author.
 */
export class NotificationMailer implements NotificationListener {
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly preferences: NotificationPreferences,
    private readonly mailer: Mailer,
    private readonly origin: string,
    private readonly logger: Logger,
    /** With reply by e-mail on: who may answer gets a reply address bound to them and the thread. */
    private readonly replies?: ReplyAddressing | undefined,
  ) {}

  created(
    partnershipId: string,
    notifications: readonly { userId: string; notification: NotificationView }[],
  ): void {
    this.pending = this.pending
      .then(() => this.send(partnershipId, notifications))
      .catch((error: unknown) => this.logger.warn({ err: error }, "notification e-mail failed"));
  }

  /** Resolves once every e-mail asked for so far was handed over (or failed). */
  idle(): Promise<void> {
    return this.pending;
  }

  /** A reply address for editors and admins, who may answer; none for viewers. */
  private async replyAddress(
    userId: string,
    partnershipId: string,
    notification: NotificationView,
  ): Promise<string | undefined> {
    const target = replyTargetOf(notification);
    if (!this.replies || !target) return undefined;
    return replyAddressFor(this.replies, userId, partnershipId, target);
  }

  private async send(
    partnershipId: string,
    notifications: readonly { userId: string; notification: NotificationView }[],
  ): Promise<void> {
    const partnership = await this.db
      .selectFrom("partnerships")
      .select("name")
      .where("id", "=", partnershipId)
      .executeTakeFirst();
    if (!partnership) return;
    for (const { userId, notification } of notifications) {
      const [recipient] = await this.preferences.emailRecipients([userId], notification.kind);
      if (!recipient) continue;
      await this.mailer.send(
        notificationMessage(
          this.origin,
          partnership.name,
          recipient,
          notification,
          await this.replyAddress(userId, partnershipId, notification),
        ),
      );
    }
  }
}
