import {
  formatDocumentName,
  parseDocumentName,
  partnershipDocuments,
  type DocumentRef,
} from "@entente/domain";
import type { ActivityEntry, ActivityResponse } from "@entente/protocol";
import { sql, type Kysely } from "kysely";
import type { Seat } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import { charterActivity } from "./charter-activity.js";
import { trashEvents, type TrashEvent } from "../records/trash-events.js";
import { can } from "../access/policies.js";

/** Updates of one person to one document within this window are one entry. */
export const ACTIVITY_WINDOW_MS = 10 * 60_000;
/** A deletion is recorded when applied, its update stored a moment later; a restore after. */
const EVENT_SLACK_MS = 30_000;

export interface ActivityQuery {
  organizationId?: string | undefined;
  /** Only windows that start before this (a cursor from a previous page). */
  before?: number | undefined;
  /** Entries wanted; a page ends at a window boundary, so it may hold a few more. */
  limit: number;
}

const WHAT: Record<DocumentRef["kind"], (organization: string) => string> = {
  charter: () => "the charter",
  objectives: () => "objectives and KPIs",
  issues: () => "the issues log",
  decisions: () => "decisions",
  profile: (organization) => `${organization}'s profile`,
  private: (organization) => `${organization}'s private notes`,
  meeting: () => "a meeting",
};

/**
 * A partnership's activity, built from the server-stamped update log (`document_updates`:
 * user, organization and time of every stored update): updates of one person to one
 * document are grouped by 10-minute window, and runs of consecutive windows merge into one
 * entry. Only documents the caller may read are looked at: another organization's private
 * notes never appear, not even as "someone edited something".
 */
export class ActivityService {
  constructor(private readonly db: Kysely<Database>) {}

  async list(
    seat: Seat,
    organizationIds: string[],
    query: ActivityQuery,
  ): Promise<ActivityResponse> {
    const readable = partnershipDocuments(seat.partnershipId, organizationIds)
      .filter((ref) => can(seat, "read document", ref))
      .map(formatDocumentName);
    // A literal, not a parameter: PostgreSQL must see the same expression in GROUP BY.
    const window = sql<number>`(created_at - (created_at % ${sql.lit(ACTIVITY_WINDOW_MS)}))`;
    const grouped = () => {
      let select = this.db
        .selectFrom("document_updates")
        .select((eb) => [
          "document_name",
          "user_id",
          "organization_id",
          window.as("window_start"),
          eb.fn.countAll<number>().as("updates"),
          eb.fn.min("created_at").as("first_at"),
          eb.fn.max("created_at").as("last_at"),
        ])
        .where("document_name", "in", readable);
      if (query.organizationId !== undefined) {
        select = select.where("organization_id", "=", query.organizationId);
      }
      return select.groupBy(["document_name", "user_id", "organization_id", window]);
    };
    const before = query.before;
    const page = await (before === undefined ? grouped() : grouped().where(window, "<", before))
      .orderBy(window, "desc")
      .limit(query.limit)
      .execute();
    const last = page.at(-1);
    let rows = page;
    let nextCursor: string | null = null;
    if (last) {
      // Never split a window across pages: take the rest of the last one, then see if
      // anything older is left.
      const lastWindow = Number(last.window_start);
      rows = [
        ...page.filter((r) => Number(r.window_start) > lastWindow),
        ...(await grouped().where(window, "=", lastWindow).execute()),
      ];
      const older = await this.db
        .selectFrom("document_updates")
        .select("id")
        .where("document_name", "in", readable)
        .where(window, "<", lastWindow)
        .$if(query.organizationId !== undefined, (q) =>
          q.where("organization_id", "=", query.organizationId!),
        )
        .limit(1)
        .executeTakeFirst();
      if (older) nextCursor = String(lastWindow);
    }
    // The charter's endorsements and their loss, in the same span of time as this page.
    const governance = await charterActivity(this.db, seat.partnershipId, {
      from: nextCursor === null ? -Infinity : Number(nextCursor),
      to: before ?? Infinity,
      organizationId: query.organizationId,
    });
    const entries = [...(await this.entries(rows)), ...governance].sort(
      (a, b) => Date.parse(b.to) - Date.parse(a.to),
    );
    return { entries, nextCursor };
  }

  private async entries(
    rows: {
      document_name: string;
      user_id: string | null;
      organization_id: string | null;
      window_start: number;
      updates: number | string | bigint;
      first_at: number | string | bigint;
      last_at: number | string | bigint;
    }[],
  ): Promise<ActivityEntry[]> {
    const userIds = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
    const organizationIds = [
      ...new Set(
        rows.flatMap((r) => {
          const ref = parseDocumentName(r.document_name);
          const owner = ref && "organizationId" in ref ? [ref.organizationId] : [];
          return [...(r.organization_id ? [r.organization_id] : []), ...owner];
        }),
      ),
    ];
    const [users, organizations] = await Promise.all([
      userIds.length === 0
        ? []
        : this.db.selectFrom("users").select(["id", "name"]).where("id", "in", userIds).execute(),
      organizationIds.length === 0
        ? []
        : this.db
            .selectFrom("organizations")
            .select(["id", "name"])
            .where("id", "in", organizationIds)
            .execute(),
    ]);
    const userById = new Map(users.map((u) => [u.id, u]));
    const events = await trashEvents(
      this.db,
      [...new Set(rows.map((r) => r.document_name))],
      Math.min(...rows.map((r) => Number(r.first_at))),
      Math.max(...rows.map((r) => Number(r.last_at))),
    );
    const organizationById = new Map(organizations.map((o) => [o.id, o]));

    // Newest first; a run of one person's consecutive windows on one document is one entry.
    const sorted = [...rows].sort((a, b) => Number(b.window_start) - Number(a.window_start));
    const runs: {
      key: string;
      first: (typeof rows)[number];
      windowStart: number;
      updates: number;
      from: number;
      to: number;
    }[] = [];
    for (const row of sorted) {
      const key = `${row.document_name}\u0000${row.user_id ?? ""}\u0000${row.organization_id ?? ""}`;
      const windowStart = Number(row.window_start);
      const run = runs.find(
        (r) => r.key === key && r.windowStart - ACTIVITY_WINDOW_MS === windowStart,
      );
      if (run) {
        run.windowStart = windowStart;
        run.updates += Number(row.updates);
        run.from = Number(row.first_at);
      } else {
        runs.push({
          key,
          first: row,
          windowStart,
          updates: Number(row.updates),
          from: Number(row.first_at),
          to: Number(row.last_at),
        });
      }
    }
    return runs
      .sort((a, b) => b.to - a.to)
      .flatMap((run): ActivityEntry[] => {
        const ref = parseDocumentName(run.first.document_name);
        if (!ref) return [];
        const user = run.first.user_id ? (userById.get(run.first.user_id) ?? null) : null;
        const organization = run.first.organization_id
          ? (organizationById.get(run.first.organization_id) ?? null)
          : null;
        const owner = "organizationId" in ref ? ref.organizationId : null;
        const what = WHAT[ref.kind](owner ? (organizationById.get(owner)?.name ?? "?") : "");
        const who = user
          ? `${organization ? `${organization.name} · ` : ""}${user.name}`
          : "Entente";
        const edits = `${run.updates} ${run.updates === 1 ? "edit" : "edits"}`;
        const during = (kind: TrashEvent["kind"]) =>
          events
            .filter(
              (e) =>
                e.kind === kind &&
                e.documentName === run.first.document_name &&
                e.userId === run.first.user_id &&
                e.at >= run.from - EVENT_SLACK_MS &&
                e.at <= run.to + EVENT_SLACK_MS,
            )
            .map((e) => ({ title: e.title }));
        const deleted = during("deleted");
        const restored = during("restored");
        const titles = (list: { title: string }[]) => list.map((e) => `“${e.title}”`).join(", ");
        // Each deletion or restoration is at least one of the run's updates. A run holding
        // nothing else is named by them; otherwise it says it edited the document and names
        // them after, so they never hide the rest (an entry created in the same run).
        const onlyTrash = run.updates <= deleted.length + restored.length;
        const alsoTrash = [
          ...(deleted.length > 0 ? [`deleted ${titles(deleted)}`] : []),
          ...(restored.length > 0 ? [`restored ${titles(restored)}`] : []),
        ];
        const summary =
          onlyTrash && deleted.length > 0
            ? `${who} deleted ${titles(deleted)} from ${what}`
            : onlyTrash && restored.length > 0
              ? `${who} restored ${titles(restored)} in ${what}`
              : [`${who} edited ${what} (${edits})`, ...alsoTrash].join(", ");
        return [
          {
            user: user ? { id: user.id, name: user.name } : null,
            organization: organization ? { id: organization.id, name: organization.name } : null,
            document: { name: run.first.document_name, kind: ref.kind, organizationId: owner },
            updates: run.updates,
            from: new Date(run.from).toISOString(),
            to: new Date(run.to).toISOString(),
            ...(deleted.length > 0 ? { deleted } : {}),
            ...(restored.length > 0 ? { restored } : {}),
            summaryKey:
              onlyTrash && deleted.length > 0
                ? "activity.deleted"
                : onlyTrash && restored.length > 0
                  ? "activity.restored"
                  : `activity.edited.${ref.kind}`,
            summary,
          },
        ];
      });
  }
}
