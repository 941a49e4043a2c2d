import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { newId } from "../ids.js";

/** How failed sign-ins are counted, within one sliding window. */
export interface LoginLimits {
  windowMs: number;
  /** Failures of one account from one address that lock that pair. */
  perAccountAndAddress: number;
  /** Failures from one address (any accounts) that lock the address. */
  perAddress: number;
  /**
   * Failures of one account from other addresses beyond which each attempt on it waits
   * `delayStepMs` more per failure, up to `maxDelayMs`: a guesser spread over many
   * addresses is slowed, the owner at an address that never failed is never refused.
   */
  spreadFailuresFree: number;
  delayStepMs: number;
  maxDelayMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  windowMs: 15 * 60_000,
  perAccountAndAddress: 10,
  perAddress: 100,
  spreadFailuresFree: 10,
  delayStepMs: 100,
  maxDelayMs: 3_000,
};

const REAL_CLOCK = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** What `begin` decided for one sign-in attempt. */
export type LoginAttempt =
  | { allowed: false; retryAfterMs: number }
  | {
      allowed: true;
      /** How long `begin` waited before answering (failures of the account spread elsewhere). */
      delayMs: number;
      /** The password was right: the pair's failures are forgiven. */
      succeeded(): Promise<void>;
      /** The password was wrong: the attempt stays counted. */
      failed(): Promise<void>;
    };

/**
 * Failed sign-ins, in the database so every instance counts the same ones. An attempt is
 * recorded before the slow password check and counted with everything recorded before it,
 * so parallel guesses cannot all slip through; a success takes its own record back and
 * clears the failures of its (account, address) pair.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> } = REAL_CLOCK,
  ) {}

  /**
   * Records an attempt of `account` from `address`: refused while the pair or the address
   * is locked, else allowed after the delay the account's spread failures call for.
   */
  async begin(account: string, address: string): Promise<LoginAttempt> {
    const now = this.clock.now();
    const since = now - this.limits.windowMs;
    // Expired rows of anyone go: the table holds one window of failures at most.
    await this.db.deleteFrom("login_failures").where("failed_at", "<=", since).execute();
    const id = newId();
    await this.db
      .insertInto("login_failures")
      .values({ id, account, address, failed_at: now })
      .execute();

    const counts = await this.db
      .selectFrom("login_failures")
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when("account", "=", account).then(1).else(0).end()).as("pair"),
        eb.fn.countAll<number>().as("address"),
        eb.fn.min<number>("failed_at").as("oldest"),
        eb.fn
          .min<number>(eb.case().when("account", "=", account).then(eb.ref("failed_at")).end())
          .as("oldestOfPair"),
      ])
      .where("address", "=", address)
      .where("failed_at", ">", since)
      .executeTakeFirstOrThrow();
    const pair = Number(counts.pair);
    const fromAddress = Number(counts.address);
    const pairLocked = pair > this.limits.perAccountAndAddress;
    if (pairLocked || fromAddress > this.limits.perAddress) {
      await this.forget(id);
      // Both may be locked: the later unlock is when an attempt can pass.
      const unlocks = [
        ...(pairLocked ? [Number(counts.oldestOfPair ?? now)] : []),
        ...(fromAddress > this.limits.perAddress ? [Number(counts.oldest ?? now)] : []),
      ].map((oldest) => oldest + this.limits.windowMs - now);
      return { allowed: false, retryAfterMs: Math.max(1_000, ...unlocks) };
    }

    const spread = await this.db
      .selectFrom("login_failures")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("account", "=", account)
      .where("address", "!=", address)
      .where("failed_at", ">", since)
      .executeTakeFirstOrThrow();
    const beyond = Number(spread.count) - this.limits.spreadFailuresFree;
    const delayMs =
      beyond > 0 ? Math.min(this.limits.maxDelayMs, beyond * this.limits.delayStepMs) : 0;
    if (delayMs > 0) await this.clock.sleep(delayMs);

    return {
      allowed: true,
      delayMs,
      succeeded: async () => {
        await this.db
          .deleteFrom("login_failures")
          .where("account", "=", account)
          .where("address", "=", address)
          .execute();
      },
      failed: () => Promise.resolve(),
    };
  }

  private async forget(id: string): Promise<void> {
    await this.db.deleteFrom("login_failures").where("id", "=", id).execute();
  }
}
