import { NOTIFICATION_KINDS } from "@entente/protocol";
import type {
  DigestFrequency,
  Language,
  NotificationKind,
  NotificationPreferencesView,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import { partnershipIdsOfUser, partnershipsOfUser } from "../access/memberships.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { mailLanguage } from "../mail/mail-language.js";

/**
 * Which kinds go by e-mail for a user who never chose: being named or answered is worth an
 * e-mail, and so is governance waiting on one's organization, and news of an item one owns;
 * an `@Organization` mention reaches a whole team and stays in the app.
 */
export const EMAIL_DEFAULTS: Readonly<Record<NotificationKind, boolean>> = {
  mention: true,
  organization_mention: false,
  reply: true,
  decision_waiting: true,
  charter_changed: true,
  item_status_changed: true,
  item_overdue: true,
  item_deleted: true,
  organization_joined: true,
  // Who comes and goes shows in the members list and the bell; e-mail only if asked.
  member_joined: false,
  member_left: false,
  // Every member is asked, on both sides: the app tells them; e-mail only if they ask.
  health_check_opened: false,
  health_check_results: false,
};

export interface PreferenceChanges {
  language?: Language | null | undefined;
  email?: Partial<Record<NotificationKind, boolean>> | undefined;
  digests?: { partnershipId: string; frequency: DigestFrequency }[] | undefined;
}

/** Who gets an e-mail, in which language. */
export interface MailRecipient {
  userId: string;
  email: string;
  name: string;
  /** Their choice for e-mails, else the app's language (see `mailLanguage`). */
  language: Language;
}

/**
 * Per-user notification settings: every kind is shown in the app; each kind also goes by
 * e-mail or not; a digest per partnership the user is in (off by default: nobody gets a
 * periodic e-mail they did not ask for); the language of their e-mails.
 */
export class NotificationPreferences {
  constructor(private readonly db: Kysely<Database>) {}

  async get(userId: string): Promise<NotificationPreferencesView> {
    const [row, digests] = await Promise.all([this.row(userId), this.digestsOf(userId)]);
    const email = emailChoices(row?.email_kinds);
    return {
      language: row?.language ?? null,
      kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: true, email: email[kind] })),
      digests: digests.map((d) => ({
        partnershipId: d.id,
        partnershipName: d.name,
        frequency: d.frequency ?? "off",
      })),
    };
  }

  /** Applies the changes; a digest of a partnership the user is not in is a 404. */
  async update(userId: string, changes: PreferenceChanges): Promise<NotificationPreferencesView> {
    const digests = changes.digests ?? [];
    if (digests.length > 0) {
      const mine = await partnershipIdsOfUser(
        this.db,
        userId,
        digests.map((d) => d.partnershipId),
      ).execute();
      const member = new Set(mine.map((m) => m.partnership_id));
      if (digests.some((d) => !member.has(d.partnershipId))) {
        throw DomainError.notFound("No such partnership");
      }
    }
    await this.db.transaction().execute(async (trx) => {
      if (changes.language !== undefined || changes.email !== undefined) {
        const row = await trx
          .selectFrom("user_preferences")
          .selectAll()
          .where("user_id", "=", userId)
          .executeTakeFirst();
        const next = {
          language: changes.language === undefined ? (row?.language ?? null) : changes.language,
          email_kinds: JSON.stringify({ ...parseChoices(row?.email_kinds), ...changes.email }),
          updated_at: Date.now(),
        };
        await trx
          .insertInto("user_preferences")
          .values({ user_id: userId, ...next })
          .onConflict((conflict) => conflict.column("user_id").doUpdateSet(next))
          .execute();
      }
      for (const digest of digests) {
        await trx
          .insertInto("digest_subscriptions")
          .values({
            user_id: userId,
            partnership_id: digest.partnershipId,
            frequency: digest.frequency,
          })
          .onConflict((conflict) =>
            conflict
              .columns(["user_id", "partnership_id"])
              .doUpdateSet({ frequency: digest.frequency }),
          )
          .execute();
      }
    });
    return this.get(userId);
  }

  /** Of these users, those who want `kind` by e-mail, with their address and language. */
  async emailRecipients(
    userIds: readonly string[],
    kind: NotificationKind,
  ): Promise<MailRecipient[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("users")
      .leftJoin("user_preferences", "user_preferences.user_id", "users.id")
      .select([
        "users.id",
        "users.email",
        "users.name",
        "users.app_language",
        "user_preferences.language",
        "user_preferences.email_kinds",
      ])
      .where("users.id", "in", [...userIds])
      .execute();
    return rows
      .filter((row) => emailChoices(row.email_kinds)[kind])
      .map((row) => ({
        userId: row.id,
        email: row.email,
        name: row.name,
        language: mailLanguage(row.language, row.app_language),
      }));
  }

  /** The partnerships the user is in, oldest first, with their digest's frequency if any. */
  private async digestsOf(
    userId: string,
  ): Promise<{ id: string; name: string; frequency: DigestFrequency | null }[]> {
    const [partnerships, subscriptions] = await Promise.all([
      partnershipsOfUser(this.db, userId, "oldest first"),
      this.db
        .selectFrom("digest_subscriptions")
        .select(["partnership_id", "frequency"])
        .where("user_id", "=", userId)
        .execute(),
    ]);
    const frequencies = new Map(subscriptions.map((s) => [s.partnership_id, s.frequency]));
    return partnerships.map((p) => ({
      id: p.id,
      name: p.name,
      frequency: frequencies.get(p.id) ?? null,
    }));
  }

  private row(userId: string) {
    return this.db
      .selectFrom("user_preferences")
      .selectAll()
      .where("user_id", "=", userId)
      .executeTakeFirst();
  }
}

function parseChoices(json: string | null | undefined): Partial<Record<NotificationKind, boolean>> {
  if (!json) return {};
  const parsed = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(
    NOTIFICATION_KINDS.flatMap((kind) =>
      typeof parsed[kind] === "boolean" ? [[kind, parsed[kind]]] : [],
    ),
  );
}

function emailChoices(json: string | null | undefined): Record<NotificationKind, boolean> {
  return { ...EMAIL_DEFAULTS, ...parseChoices(json) };
}
