import { createHmac, randomBytes, randomInt } from "node:crypto";
import type {
  HealthCheckOrganizationResult,
  HealthCheckResponse,
  HealthCheckView,
  HealthDimension,
} from "@entente/protocol";
import type { Kysely, Selectable } from "kysely";
import type { AccessService, Seat } from "../access/access-service.js";
import { memberIds } from "../access/memberships.js";
import type { Database, HealthChecksTable } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import { requireAdmin } from "../access/policies.js";

type HealthCheckRow = Selectable<HealthChecksTable>;

export interface OpenHealthCheck {
  title: string;
  minRespondents: number;
  dimensions: HealthDimension[];
}

export interface HealthCheckAnswer {
  ratings: Record<string, number>;
  comment?: string | undefined;
}

/** What a cycle is opened or closed with, for notifications. */
export interface HealthCheckListener {
  opened(healthCheck: HealthCheckView, by: Seat & { userId: string }): Promise<void>;
  closed(healthCheck: HealthCheckView, by: Seat & { userId: string }): Promise<void>;
}

/**
 * Two-sided health checks, anonymous by construction: an answer row holds the respondent's
 * organization, the ratings and the comment, never a user id or a time. While a cycle is
 * open a respondent token, HMAC(cycle secret, user id), lets a member replace their answer;
 * closing deletes the secret and the tokens and rewrites the answers in a random order, so
 * from then on nothing (not even the server) can tell whose answer is whose.
 */
export class HealthCheckService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly listener?: HealthCheckListener,
  ) {}

  async open(
    actor: { userId: string; seat: Seat },
    input: OpenHealthCheck,
  ): Promise<HealthCheckView> {
    requireAdmin(actor.seat, "Only partnership admins can open a health check");
    const row: HealthCheckRow = {
      id: newId(),
      partnership_id: actor.seat.partnershipId,
      title: input.title,
      status: "open",
      dimensions: JSON.stringify(input.dimensions),
      min_respondents: input.minRespondents,
      respondent_secret: randomBytes(32).toString("base64url"),
      opened_at: Date.now(),
      closed_at: null,
    };
    await this.db.insertInto("health_checks").values(row).execute();
    const view = toView(row);
    await this.listener?.opened(view, { ...actor.seat, userId: actor.userId });
    return view;
  }

  async list(partnershipId: string): Promise<HealthCheckView[]> {
    const rows = await this.db
      .selectFrom("health_checks")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .orderBy("opened_at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map(toView);
  }

  /** The cycle and the caller's seat in its partnership; 404 for non-members and unknown ids. */
  async require(
    userId: string,
    healthCheckId: string,
  ): Promise<{ row: HealthCheckRow; seat: Seat }> {
    const row = await this.db
      .selectFrom("health_checks")
      .selectAll()
      .where("id", "=", healthCheckId)
      .executeTakeFirst();
    const seat = row ? await this.access.seat(userId, row.partnership_id) : null;
    if (!row || !seat) throw DomainError.notFound("No such health check");
    return { row, seat };
  }

  /** Records (or, while open, replaces) the caller's answer. Viewers answer too. */
  async answer(
    userId: string,
    target: { row: HealthCheckRow; seat: Seat },
    answer: HealthCheckAnswer,
  ): Promise<void> {
    const { row, seat } = target;
    if (row.status !== "open" || row.respondent_secret === null) throw closedError();
    const keys = dimensionsOf(row).map((d) => d.key);
    const given = Object.keys(answer.ratings);
    const missing = keys.filter((k) => !(k in answer.ratings));
    const unknown = given.filter((k) => !keys.includes(k));
    if (missing.length > 0 || unknown.length > 0) {
      throw new DomainError("invalid_input", "Rate every dimension of this health check", {
        missing,
        unknown,
      });
    }
    const ratings = JSON.stringify(Object.fromEntries(keys.map((k) => [k, answer.ratings[k]])));
    const comment = answer.comment?.trim() ? answer.comment.trim() : null;
    const token = respondentToken(row.respondent_secret, userId);
    await this.db.transaction().execute(async (trx) => {
      // Re-read inside the transaction: an answer never lands in a cycle closed meanwhile.
      const current = await trx
        .selectFrom("health_checks")
        .select("status")
        .where("id", "=", row.id)
        .executeTakeFirst();
      if (current?.status !== "open") throw closedError();
      await trx
        .deleteFrom("health_check_answers")
        .where("health_check_id", "=", row.id)
        .where("respondent_token", "=", token)
        .execute();
      await trx
        .insertInto("health_check_answers")
        .values({
          id: newId(),
          health_check_id: row.id,
          organization_id: seat.organizationId,
          respondent_token: token,
          ratings,
          comment,
        })
        .execute();
    });
  }

  /** Closes the cycle: results show from now on, and answers lose every link to a person. */
  async close(
    userId: string,
    target: { row: HealthCheckRow; seat: Seat },
  ): Promise<HealthCheckView> {
    const { row, seat } = target;
    requireAdmin(seat, "Only partnership admins can close a health check");
    const closedAt = Date.now();
    const closed = await this.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom("health_checks")
        .selectAll()
        .where("id", "=", row.id)
        .executeTakeFirst();
      if (current?.status !== "open" || current.respondent_secret === null) return null;
      const secret = current.respondent_secret;
      const answers = await trx
        .selectFrom("health_check_answers")
        .select(["organization_id", "respondent_token", "ratings", "comment"])
        .where("health_check_id", "=", row.id)
        .execute();
      // Who answered (for `answered`), found by trying every member, written in id order.
      const tokens = new Set(answers.map((a) => a.respondent_token));
      const members = await memberIds(trx, row.partnership_id, { orderByUserId: true });
      const respondents = members.filter((id) => tokens.has(respondentToken(secret, id)));
      await trx.deleteFrom("health_check_answers").where("health_check_id", "=", row.id).execute();
      for (const a of shuffled(answers)) {
        await trx
          .insertInto("health_check_answers")
          .values({
            id: newId(),
            health_check_id: row.id,
            organization_id: a.organization_id,
            respondent_token: null,
            ratings: a.ratings,
            comment: a.comment,
          })
          .execute();
      }
      for (const id of respondents) {
        await trx
          .insertInto("health_check_respondents")
          .values({ health_check_id: row.id, user_id: id })
          .execute();
      }
      await trx
        .updateTable("health_checks")
        .set({ status: "closed", closed_at: closedAt, respondent_secret: null })
        .where("id", "=", row.id)
        .execute();
      return {
        ...current,
        status: "closed" as const,
        closed_at: closedAt,
        respondent_secret: null,
      };
    });
    if (!closed) throw closedError();
    const view = toView(closed);
    await this.listener?.closed(view, { ...seat, userId });
    return view;
  }

  /**
   * The latest cycle closed within `[from, to]` (ms), read for `userId` (results as anyone
   * sees them: organizations below the threshold stay hidden); null when none closed then.
   */
  async latestClosed(
    userId: string,
    partnershipId: string,
    from: number,
    to: number,
  ): Promise<HealthCheckResponse | null> {
    const row = await this.db
      .selectFrom("health_checks")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .where("status", "=", "closed")
      .where("closed_at", ">=", from)
      .where("closed_at", "<=", to)
      .orderBy("closed_at", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ? this.read(userId, { row }) : null;
  }

  /** The cycle, whether the caller answered, and one result per organization. */
  async read(userId: string, target: { row: HealthCheckRow }): Promise<HealthCheckResponse> {
    const { row } = target;
    const organizationIds = await this.access.organizationIds(row.partnership_id);
    const answers = await this.db
      .selectFrom("health_check_answers")
      .select(["organization_id", "ratings", "comment"])
      .where("health_check_id", "=", row.id)
      .execute();
    const keys = dimensionsOf(row).map((d) => d.key);
    const results = organizationIds.map((organizationId): HealthCheckOrganizationResult => {
      const mine = answers.filter((a) => a.organization_id === organizationId);
      const respondents = mine.length;
      if (row.status === "open" || respondents < row.min_respondents) {
        return { organizationId, respondents, hidden: true };
      }
      const ratings = mine.map((a) => JSON.parse(a.ratings) as Record<string, number>);
      const averages = Object.fromEntries(
        keys.map((k) => [
          k,
          round2(ratings.reduce((sum, r) => sum + (r[k] ?? 0), 0) / respondents),
        ]),
      );
      const comments = mine
        .map((a) => a.comment)
        .filter((c): c is string => c !== null)
        .sort((a, b) => a.localeCompare(b));
      return { organizationId, respondents, hidden: false, averages, comments };
    });
    return { healthCheck: toView(row), answered: await this.answered(userId, row), results };
  }

  private async answered(userId: string, row: HealthCheckRow): Promise<boolean> {
    if (row.respondent_secret !== null) {
      const found = await this.db
        .selectFrom("health_check_answers")
        .select("id")
        .where("health_check_id", "=", row.id)
        .where("respondent_token", "=", respondentToken(row.respondent_secret, userId))
        .executeTakeFirst();
      return found !== undefined;
    }
    const found = await this.db
      .selectFrom("health_check_respondents")
      .select("user_id")
      .where("health_check_id", "=", row.id)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return found !== undefined;
  }
}

function closedError(): DomainError {
  return new DomainError("conflict", "This health check is closed");
}

function respondentToken(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(userId).digest("base64url");
}

function dimensionsOf(row: HealthCheckRow): HealthDimension[] {
  return JSON.parse(row.dimensions) as HealthDimension[];
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Fisher–Yates with a cryptographic source: the stored order says nothing about answer order. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function toView(row: HealthCheckRow): HealthCheckView {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    title: row.title,
    status: row.status,
    dimensions: dimensionsOf(row),
    minRespondents: row.min_respondents,
    openedAt: new Date(Number(row.opened_at)).toISOString(),
    closedAt: row.closed_at === null ? null : new Date(Number(row.closed_at)).toISOString(),
  };
}
