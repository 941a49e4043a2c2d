/**
 * The membership repository: the one module that reads and writes `partnership_members`, the
 * seat each user holds in a partnership (their organization, permission and governance level).
 * Every function takes the database or the caller's transaction; none decides access itself
 * (that is AccessService's), they answer who sits where.
 */
import type { GovernanceLevel, Permission } from "@entente/domain";
import type { Kysely, Nullable, SelectQueryBuilder, StringReference } from "kysely";
import type { Database } from "../db/schema.js";
import type { PartnershipMembersTable } from "../db/schema/partnerships.js";

/** A user's seat in one partnership, as stored. */
export interface SeatRow {
  partnership_id: string;
  user_id: string;
  organization_id: string;
  permission: Permission;
  level: GovernanceLevel;
}

/** A member with their name, as a partnership's directory, search and mentions show them. */
export interface NamedMemberRow {
  partnership_id: string;
  id: string;
  name: string;
  organization_id: string;
  permission: Permission;
  level: GovernanceLevel;
}

/** A partnership the user is in, with their seat. */
export interface UserPartnershipRow {
  id: string;
  name: string;
  created_at: number;
  organization_id: string;
  permission: Permission;
  level: GovernanceLevel;
}

/** One value, or any of several: `=` for the one, `in` for the several (as the callers wrote). */
type OneOrMany<T> = T | readonly T[];

function isMany<T>(value: OneOrMany<T>): value is readonly T[] {
  return Array.isArray(value);
}

/** What a seat says of its holder: their organization, permission and governance level. */
const SEAT_TERMS = [
  "partnership_members.organization_id",
  "partnership_members.permission",
  "partnership_members.level",
] as const;

const SEAT_COLUMNS = [
  "partnership_members.partnership_id",
  "partnership_members.user_id",
  ...SEAT_TERMS,
] as const;

/** Every seat, all its columns: what the seat readers below narrow. */
function seats(db: Kysely<Database>) {
  return db.selectFrom("partnership_members").select(SEAT_COLUMNS);
}

/** The user's seat in the partnership; undefined when they are not in it. */
export async function seatOf(
  db: Kysely<Database>,
  partnershipId: string,
  userId: string,
): Promise<SeatRow | undefined> {
  return seats(db)
    .where("partnership_id", "=", partnershipId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Every seat the user holds, one per partnership they belong to. */
export async function seatsOfUser(db: Kysely<Database>, userId: string): Promise<SeatRow[]> {
  return seats(db).where("user_id", "=", userId).execute();
}

/** The seats these users hold in the partnership (those not in it are left out). */
export async function seatsAmong(
  db: Kysely<Database>,
  partnershipId: string,
  userIds: readonly string[],
): Promise<SeatRow[]> {
  return seats(db)
    .where("partnership_id", "=", partnershipId)
    .where("user_id", "in", userIds)
    .execute();
}

/**
 * The ids of the partnerships the user is in (of `among`, when given), as a query: a caller
 * may execute it or use it as a subquery.
 */
export function partnershipIdsOfUser(
  db: Kysely<Database>,
  userId: string,
  among?: readonly string[],
) {
  let query = db
    .selectFrom("partnership_members")
    .select("partnership_id")
    .where("user_id", "=", userId);
  if (among !== undefined) query = query.where("partnership_id", "in", among);
  return query;
}

/**
 * The partnerships the user is in with their seat: newest first (ties in no set order), or
 * oldest first (ties by id).
 */
export async function partnershipsOfUser(
  db: Kysely<Database>,
  userId: string,
  order: "newest first" | "oldest first",
): Promise<UserPartnershipRow[]> {
  const query = db
    .selectFrom("partnership_members")
    .innerJoin("partnerships", "partnerships.id", "partnership_members.partnership_id")
    .select(["partnerships.id", "partnerships.name", "partnerships.created_at", ...SEAT_TERMS])
    .where("partnership_members.user_id", "=", userId);
  return order === "newest first"
    ? query.orderBy("partnerships.created_at", "desc").execute()
    : query.orderBy("partnerships.created_at").orderBy("partnerships.id").execute();
}

export interface MemberFilter {
  /** Only the members of this organization (or of these). */
  organizationId?: OneOrMany<string>;
  /** Only the members with this permission (or one of these). */
  permission?: OneOrMany<Permission>;
  /** Everyone but this user (null: nobody left out). */
  exceptUserId?: string | null;
  /** In user id order; otherwise in no set order. */
  orderByUserId?: boolean;
}

/** The user ids of the partnership's members that `filter` keeps. */
export async function memberIds(
  db: Kysely<Database>,
  partnershipId: string,
  filter: MemberFilter = {},
): Promise<string[]> {
  let query = db
    .selectFrom("partnership_members")
    .select("user_id")
    .where("partnership_id", "=", partnershipId);
  const { organizationId, permission, exceptUserId } = filter;
  if (organizationId !== undefined) {
    query = isMany(organizationId)
      ? query.where("organization_id", "in", organizationId)
      : query.where("organization_id", "=", organizationId);
  }
  if (permission !== undefined) {
    query = isMany(permission)
      ? query.where("permission", "in", permission)
      : query.where("permission", "=", permission);
  }
  if (exceptUserId !== undefined && exceptUserId !== null)
    query = query.where("user_id", "!=", exceptUserId);
  if (filter.orderByUserId === true) query = query.orderBy("user_id");
  const rows = await query.execute();
  return rows.map((row) => row.user_id);
}

/**
 * The members of the partnership (or of these partnerships) with their names: only `userId`
 * (or these users) when given; by name when `orderByName`, otherwise in no set order.
 */
export async function namedMembers(
  db: Kysely<Database>,
  partnershipId: OneOrMany<string>,
  options: { userId?: OneOrMany<string>; orderByName?: boolean } = {},
): Promise<NamedMemberRow[]> {
  let query = db
    .selectFrom("partnership_members")
    .innerJoin("users", "users.id", "partnership_members.user_id")
    .select(["partnership_members.partnership_id", "users.id", "users.name", ...SEAT_TERMS]);
  query = isMany(partnershipId)
    ? query.where("partnership_members.partnership_id", "in", partnershipId)
    : query.where("partnership_members.partnership_id", "=", partnershipId);
  const { userId } = options;
  if (userId !== undefined) {
    query = isMany(userId)
      ? query.where("users.id", "in", userId)
      : query.where("partnership_members.user_id", "=", userId);
  }
  if (options.orderByName === true) query = query.orderBy("users.name");
  return query.execute();
}

/** Seats a user in a partnership. */
export async function addSeat(db: Kysely<Database>, seat: SeatRow): Promise<void> {
  await db.insertInto("partnership_members").values(seat).execute();
}

/** Takes the user's seat in the partnership away. */
export async function removeSeat(
  db: Kysely<Database>,
  partnershipId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom("partnership_members")
    .where("partnership_id", "=", partnershipId)
    .where("user_id", "=", userId)
    .execute();
}

/**
 * Joins to `query`, as `seat`, the seat its two columns name (partnership, user): only the
 * rows whose user is (still) in that partnership stay.
 */
export function innerJoinSeat<TB extends keyof Database, O>(
  query: SelectQueryBuilder<Database, TB, O>,
  partnershipColumn: StringReference<Database, TB>,
  userColumn: StringReference<Database, TB>,
): SelectQueryBuilder<Database & { seat: PartnershipMembersTable }, TB | "seat", O> {
  return joinSeat(query, "inner", partnershipColumn, userColumn) as never;
}

/**
 * Joins to `query`, as `seat`, the seat its two columns name (partnership, user): every row
 * stays, the seat's columns null where that user is not in that partnership.
 */
export function leftJoinSeat<TB extends keyof Database, O>(
  query: SelectQueryBuilder<Database, TB, O>,
  partnershipColumn: StringReference<Database, TB>,
  userColumn: StringReference<Database, TB>,
): SelectQueryBuilder<Database & { seat: Nullable<PartnershipMembersTable> }, TB | "seat", O> {
  return joinSeat(query, "left", partnershipColumn, userColumn) as never;
}

/**
 * Kysely cannot follow a join onto a query whose tables it knows only as a type parameter: the
 * query is widened here, and the two public functions above say what comes out. The column
 * names are the caller's, checked against its tables by their signatures.
 */
function joinSeat<TB extends keyof Database, O>(
  query: SelectQueryBuilder<Database, TB, O>,
  kind: "inner" | "left",
  partnershipColumn: StringReference<Database, TB>,
  userColumn: StringReference<Database, TB>,
): unknown {
  const wide = query as unknown as SelectQueryBuilder<Database, "partnership_members", O>;
  const partnership = partnershipColumn as "partnership_members.partnership_id";
  const user = userColumn as "partnership_members.user_id";
  return kind === "inner"
    ? wide.innerJoin("partnership_members as seat", (join) =>
        join.onRef("seat.partnership_id", "=", partnership).onRef("seat.user_id", "=", user),
      )
    : wide.leftJoin("partnership_members as seat", (join) =>
        join.onRef("seat.partnership_id", "=", partnership).onRef("seat.user_id", "=", user),
      );
}
