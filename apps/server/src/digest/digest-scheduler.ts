import type { DigestContent, DigestFrequency, DigestPeriodKind } from "@entente/protocol";
import type { Kysely } from "kysely";
import { innerJoinSeat } from "../access/memberships.js";
import type { Database } from "../db/schema.js";
import { footer, footerHtml } from "../mail/compose.js";
import { mailLanguage } from "../mail/mail-language.js";
import type { Mailer } from "../mail/mailer.js";
import { replyAddressFor, type ReplyAddressing } from "../mail/reply-addresses.js";
import type { Logger } from "../observability/logger.js";
import { PeriodicTask } from "../scheduling/periodic-task.js";
import { DigestService } from "./digest-service.js";
import { renderDigest } from "./render-digest.js";

const KIND: Record<Exclude<DigestFrequency, "off">, DigestPeriodKind> = {
  daily: "day",
  weekly: "week",
};

/**
 * The period a digest sent at `now` belongs to: the UTC day (`day:2026-11-26`) or the ISO
 * week (`week:2026-W48`). A digest is sent at most once per key.
 */
export function periodKey(kind: DigestPeriodKind, now: Date): string {
  const date = now.toISOString().slice(0, 10);
  if (kind === "day") return `day:${date}`;
  // ISO 8601 week: the week of the Thursday of this Monday-to-Sunday week.
  const thursday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((thursday.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `week:${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * Sends the digests that are due: at the first check of each UTC day (daily) or ISO week
 * (weekly), each subscriber who is still a member gets the digest of the period just ended
 * for their organization. A row per (user, partnership, period) is inserted before sending,
 * so with several instances checking at once only the one whose insert lands sends it; a
 * digest whose sending fails is logged and not retried (at most once, never twice). A
 * digest with nothing to say is not sent.
 */
export class DigestScheduler {
  private readonly checks: PeriodicTask;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly digests: DigestService,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
    /** The web app's origin: the footer links to the notification settings there. */
    private readonly origin: string,
    /** With reply by e-mail on: each post of a digest gets the reader's reply address. */
    private readonly replies?: ReplyAddressing | undefined,
  ) {
    this.checks = new PeriodicTask(() => this.sendDue(new Date()), logger, "digest check failed");
  }

  /** Checks now and then every `intervalMs`. */
  start(intervalMs: number): void {
    this.checks.start(intervalMs);
  }

  /** Stops checking and waits for a check under way. */
  stop(): Promise<void> {
    return this.checks.stop();
  }

  /** The reader's reply address for each post of the digest (none when they may not answer). */
  private async replyAddresses(
    userId: string,
    digest: DigestContent,
  ): Promise<Map<string, string>> {
    const addresses = new Map<string, string>();
    if (!this.replies) return addresses;
    for (const post of [...digest.wins, ...digest.difficulties]) {
      const address = await replyAddressFor(this.replies, userId, digest.partnership.id, {
        kind: "post",
        postId: post.id,
      });
      if (address) addresses.set(post.id, address);
    }
    return addresses;
  }

  /** Sends every digest due at `now`; returns how many this call sent. */
  async sendDue(now: Date): Promise<number> {
    const subscriptions = await innerJoinSeat(
      this.db.selectFrom("digest_subscriptions"),
      "digest_subscriptions.partnership_id",
      "digest_subscriptions.user_id",
    )
      .innerJoin("users", "users.id", "digest_subscriptions.user_id")
      .leftJoin("user_preferences", "user_preferences.user_id", "users.id")
      .select([
        "digest_subscriptions.user_id",
        "digest_subscriptions.partnership_id",
        "digest_subscriptions.frequency",
        "seat.organization_id",
        "users.email",
        "users.name",
        "users.app_language",
        "user_preferences.language",
      ])
      .where("digest_subscriptions.frequency", "!=", "off")
      .execute();
    let sent = 0;
    for (const subscription of subscriptions) {
      if (subscription.frequency === "off") continue;
      const kind = KIND[subscription.frequency];
      const claimed = await this.db
        .insertInto("digest_deliveries")
        .values({
          user_id: subscription.user_id,
          partnership_id: subscription.partnership_id,
          period_key: periodKey(kind, now),
          created_at: now.getTime(),
        })
        .onConflict((conflict) =>
          conflict.columns(["user_id", "partnership_id", "period_key"]).doNothing(),
        )
        .executeTakeFirst();
      if (claimed.numInsertedOrUpdatedRows !== 1n) continue;
      try {
        const digest = await this.digests.digest(
          subscription.partnership_id,
          subscription.organization_id,
          kind,
          now,
          mailLanguage(subscription.language, subscription.app_language),
        );
        if (DigestService.isEmpty(digest)) continue;
        const addresses = await this.replyAddresses(subscription.user_id, digest);
        const rendered =
          addresses.size === 0 ? digest : renderDigest(digest, digest.language, addresses);
        // One post: answering the digest itself answers it.
        const only = addresses.size === 1 ? [...addresses.values()][0] : undefined;
        await this.mailer.send({
          to: { name: subscription.name, address: subscription.email },
          subject: rendered.subject,
          text: `${rendered.text}\n-- \n${footer(digest.language, this.origin)}\n`,
          html: rendered.html.replace(
            "</body>",
            `<p>${footerHtml(digest.language, this.origin)}</p></body>`,
          ),
          ...(only ? { replyTo: only } : {}),
        });
        sent++;
      } catch (error) {
        this.logger.warn(
          { err: error, userId: subscription.user_id, partnershipId: subscription.partnership_id },
          "digest not sent",
        );
      }
    }
    return sent;
  }
}
