import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Kysely } from "kysely";
import type { AccessService } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import { can } from "../access/policies.js";

/**
 * What an e-mail reply answers: a post (its replies), a comment thread, or a meeting (its
 * discussion post in the updates feed, created by the first reply).
 */
export type ReplyTarget =
  | { kind: "post"; postId: string }
  | { kind: "thread"; threadId: string }
  | { kind: "meeting"; meetingId: string };

/** The stored id of what `target` names. */
function targetIdOf(target: ReplyTarget): string {
  switch (target.kind) {
    case "post":
      return target.postId;
    case "thread":
      return target.threadId;
    case "meeting":
      return target.meetingId;
  }
}

/** The target a stored key names. */
function targetOf(kind: ReplyTarget["kind"], id: string): ReplyTarget {
  switch (kind) {
    case "post":
      return { kind, postId: id };
    case "thread":
      return { kind, threadId: id };
    case "meeting":
      return { kind, meetingId: id };
  }
}

export interface ReplyAddressConfig {
  /** The domain the inbound SMTP listener receives mail for (`INBOUND_DOMAIN`). */
  domain: string;
  /** Keys the tokens' HMAC (`REPLY_TOKEN_SECRET`). */
  secret: string;
  /** How long an address stays good after the e-mail that carried it. */
  validForMs: number;
  /** The clock (tests); real time when omitted. */
  now?: (() => number) | undefined;
}

/** Whom a valid reply address speaks for, and about what. */
export interface ReplyBinding {
  userId: string;
  partnershipId: string;
  target: ReplyTarget;
}

/** Why an address was not taken. */
export type ReplyAddressProblem = "not-a-reply-address" | "unknown" | "expired";

/** The local part's prefix: `reply+<token>@<domain>`. */
const PREFIX = "reply+";
/** Bytes of HMAC-SHA256 kept: 80 bits, so the local part stays well under 64 characters. */
const MAC_BYTES = 10;
const MINUTE = 60_000;

/**
 * Reply addresses of notification and digest e-mails: `reply+<key>-<expiry>-<mac>@<domain>`.
 * The key (random, stored) names one user and one thread; the expiry (minutes since the
 * epoch, base 36) is in the address itself; the MAC (HMAC-SHA256 over both, truncated) makes
 * a forged or altered address worthless without the server's secret. Lower case only:
 * mail relays may change the case of a local part.
 */
export class ReplyAddresses {
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: ReplyAddressConfig,
  ) {
    this.now = config.now ?? Date.now;
  }

  /** The address `userId` answers `target` at, valid for the configured time from now. */
  async addressFor(userId: string, partnershipId: string, target: ReplyTarget): Promise<string> {
    const targetId = targetIdOf(target);
    // One key per user and thread: each e-mail about the thread signs a fresh expiry.
    await this.db
      .insertInto("reply_addresses")
      .values({
        id: encodeBase32LowerCaseNoPadding(randomBytes(10)),
        user_id: userId,
        partnership_id: partnershipId,
        target_kind: target.kind,
        target_id: targetId,
        created_at: this.now(),
      })
      .onConflict((conflict) =>
        conflict.columns(["user_id", "target_kind", "target_id"]).doNothing(),
      )
      .execute();
    const { id } = await this.db
      .selectFrom("reply_addresses")
      .select("id")
      .where("user_id", "=", userId)
      .where("target_kind", "=", target.kind)
      .where("target_id", "=", targetId)
      .executeTakeFirstOrThrow();
    const expiry = Math.ceil((this.now() + this.config.validForMs) / MINUTE).toString(36);
    return `${PREFIX}${id}-${expiry}-${this.mac(id, expiry)}@${this.config.domain}`;
  }

  /** Whom `address` speaks for; a problem when it is not one of ours, forged or expired. */
  async resolve(address: string): Promise<ReplyBinding | { problem: ReplyAddressProblem }> {
    const match = /^reply\+([a-z2-7]+)-([0-9a-z]{1,11})-([a-z2-7]+)@(.+)$/.exec(
      address.trim().toLowerCase(),
    );
    if (!match || match[4] !== this.config.domain.toLowerCase()) {
      return { problem: "not-a-reply-address" };
    }
    const [, id, expiry, mac] = match as unknown as [string, string, string, string];
    const expected = Buffer.from(this.mac(id, expiry));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { problem: "unknown" };
    }
    if (parseInt(expiry, 36) * MINUTE <= this.now()) return { problem: "expired" };
    const row = await this.db
      .selectFrom("reply_addresses")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return { problem: "unknown" };
    return {
      userId: row.user_id,
      partnershipId: row.partnership_id,
      target: targetOf(row.target_kind, row.target_id),
    };
  }

  private mac(id: string, expiry: string): string {
    const digest = createHmac("sha256", this.config.secret)
      .update(`entente-reply:${id}:${expiry}`)
      .digest();
    return encodeBase32LowerCaseNoPadding(digest.subarray(0, MAC_BYTES));
  }
}

/** What e-mails need to give their readers reply addresses: the addresses and who may answer. */
export interface ReplyAddressing {
  addresses: ReplyAddresses;
  access: AccessService;
}

/**
 * The reply address of `userId` for `target` when they may answer there (an editor or admin
 * of the partnership, as the reply and comment routes require); none for viewers, who could
 * only be refused.
 */
export async function replyAddressFor(
  replies: ReplyAddressing,
  userId: string,
  partnershipId: string,
  target: ReplyTarget,
): Promise<string | undefined> {
  const seat = await replies.access.seat(userId, partnershipId);
  if (!seat || !can(seat, "write")) return undefined;
  return replies.addresses.addressFor(userId, partnershipId, target);
}
