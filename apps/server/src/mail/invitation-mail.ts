import type { Permission } from "@entente/domain";
import type { InvitationEmailDelivery, InvitationKind, Language } from "@entente/protocol";
import type { Kysely, SelectQueryBuilder } from "kysely";
import type { Database } from "../db/schema.js";
import type { Logger } from "../observability/logger.js";
import { escapeHtml, paragraphsHtml } from "./compose.js";
import type { Mailer, MailMessage } from "./mailer.js";

/** What an invitation e-mail says: who invites whom, to what, with which role, until when. */
export interface InvitationMailContent {
  to: { name: string; address: string };
  language: Language;
  kind: InvitationKind;
  role: Permission;
  inviter: { name: string; organizationName: string };
  partnershipName: string;
  url: string;
  expiresAt: Date;
}

const JOINING_AS: Record<Language, Record<Permission, string>> = {
  en: {
    admin: "as admin (can edit, invite and manage your side’s people)",
    editor: "as editor (can write and edit)",
    viewer: "as viewer (can read everything shared, never writes)",
  },
  fr: {
    admin: "en tant qu’administrateur (peut modifier, inviter et gérer les personnes de son côté)",
    editor: "en tant qu’éditeur (peut écrire et modifier)",
    viewer: "en tant que lecteur (lit tout ce qui est partagé, n’écrit jamais)",
  },
};

interface Wording {
  subject(c: InvitationMailContent): string;
  lines(c: InvitationMailContent, date: string): string[];
  date(d: Date): string;
}

const WORDING: Record<Language, Wording> = {
  en: {
    subject: (c) =>
      `${c.inviter.name} (${c.inviter.organizationName}) invites you to “${c.partnershipName}” on Entente`,
    lines: (c, date) => [
      c.kind === "organization"
        ? `${c.inviter.name} of ${c.inviter.organizationName} invites your organization into the partnership “${c.partnershipName}” on Entente, the workspace both sides share for the charter, objectives, issues and decisions.`
        : `${c.inviter.name} invites you to join ${c.inviter.organizationName} in the partnership “${c.partnershipName}” on Entente.`,
      `You would join ${JOINING_AS.en[c.role]}.`,
      `Open the invitation (you can create your account there): ${c.url}`,
      `The link works once and until ${date}. If you did not expect it, ignore this e-mail.`,
    ],
    date: (d) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(d),
  },
  fr: {
    subject: (c) =>
      `${c.inviter.name} (${c.inviter.organizationName}) vous invite à « ${c.partnershipName} » sur Entente`,
    lines: (c, date) => [
      c.kind === "organization"
        ? `${c.inviter.name}, de ${c.inviter.organizationName}, invite votre organisation dans le partenariat « ${c.partnershipName} » sur Entente, l’espace que les deux parties partagent pour la charte, les objectifs, les points ouverts et les décisions.`
        : `${c.inviter.name} vous invite à rejoindre ${c.inviter.organizationName} dans le partenariat « ${c.partnershipName} » sur Entente.`,
      `Vous rejoindriez le partenariat ${JOINING_AS.fr[c.role]}.`,
      `Ouvrez l’invitation (vous pourrez y créer votre compte) : ${c.url}`,
      `Le lien sert une seule fois, jusqu’au ${date}. Si vous ne l’attendiez pas, ignorez cet e-mail.`,
    ],
    date: (d) => new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(d),
  },
};

/** The e-mail of one invitation, in `content.language`. */
export function invitationMessage(content: InvitationMailContent): MailMessage {
  const wording = WORDING[content.language];
  const lines = wording.lines(content, wording.date(content.expiresAt));
  const link = escapeHtml(content.url);
  return {
    to: content.to,
    subject: wording.subject(content),
    text: `${lines.join("\n\n")}\n`,
    html: paragraphsHtml(
      lines.map((line) => escapeHtml(line).replace(link, `<a href="${link}">${link}</a>`)),
    ),
  };
}

/**
 * Sends the invitation e-mail and says what happened. An invitation stands without its
 * e-mail: a refused message is logged and reported, never an error of the request.
 */
export async function sendInvitationMail(
  mailer: Mailer,
  content: InvitationMailContent,
  logger: Logger,
): Promise<InvitationEmailDelivery> {
  const to = content.to.address;
  if (!mailer.delivers) {
    // The outbox keeps a copy on this machine for whoever runs it; nobody receives it.
    await mailer.send(invitationMessage(content)).catch(() => undefined);
    return { to, sent: false, reason: "smtp_not_configured" };
  }
  try {
    await mailer.send(invitationMessage(content));
    return { to, sent: true };
  } catch (err) {
    logger.warn({ err, to }, "invitation e-mail refused");
    return { to, sent: false, reason: "send_failed" };
  }
}

/** An invitation just made, to e-mail: names are read from the store, never from the client. */
export interface InvitationToEmail {
  address: string;
  /**
   * The language the inviter chose. An address that is an existing member's gets their own
   * e-mail language when known (chosen, or the app's); otherwise, when omitted, the inviter's.
   */
  language: Language | undefined;
  partnershipId: string;
  inviterId: string;
  inviterOrganizationId: string;
  kind: InvitationKind;
  role: Permission;
  url: string;
  expiresAt: string;
}

/** E-mails a new invitation to `invitation.address` and says whether it went out. */
export async function emailInvitation(
  db: Kysely<Database>,
  mailer: Mailer,
  logger: Logger,
  invitation: InvitationToEmail,
): Promise<InvitationEmailDelivery> {
  const [partnership, inviter, organization, inviterLanguage, recipient] = await Promise.all([
    db
      .selectFrom("partnerships")
      .select("name")
      .where("id", "=", invitation.partnershipId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("users")
      .select("name")
      .where("id", "=", invitation.inviterId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("organizations")
      .select("name")
      .where("id", "=", invitation.inviterOrganizationId)
      .executeTakeFirstOrThrow(),
    knownLanguage(db.selectFrom("users").where("users.id", "=", invitation.inviterId)),
    knownLanguage(
      db
        .selectFrom("users")
        .where((eb) =>
          eb(eb.fn("lower", ["users.email"]), "=", invitation.address.trim().toLowerCase()),
        ),
    ),
  ]);
  return sendInvitationMail(
    mailer,
    {
      // Nobody's name is known yet: the address is all the e-mail is sent to.
      to: { name: "", address: invitation.address },
      language: recipient ?? invitation.language ?? inviterLanguage ?? "en",
      kind: invitation.kind,
      role: invitation.role,
      inviter: { name: inviter.name, organizationName: organization.name },
      partnershipName: partnership.name,
      url: invitation.url,
      expiresAt: new Date(invitation.expiresAt),
    },
    logger,
  );
}

/** The e-mail language of the user the query selects, when they have one (chosen, or the app's). */
async function knownLanguage(
  users: SelectQueryBuilder<Database, "users", object>,
): Promise<Language | null> {
  const row = await users
    .leftJoin("user_preferences", "user_preferences.user_id", "users.id")
    .select(["users.app_language", "user_preferences.language"])
    .executeTakeFirst();
  return row?.language ?? row?.app_language ?? null;
}

/** `emailInvitation` over one store and one mailer, for the route that makes invitations. */
export class InvitationMailer {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly mailer: Mailer,
  ) {}

  /** E-mails a new invitation; failures are logged to the request's `logger`. */
  email(logger: Logger, invitation: InvitationToEmail): Promise<InvitationEmailDelivery> {
    return emailInvitation(this.db, this.mailer, logger, invitation);
  }
}
