/**
 * Who a meeting names and who takes part: the facilitator and participants must be members
 * of the partnership (the facilitator an editor or admin), agenda owners its organizations;
 * participants are stored stamped with their seat organization.
 */
import type { Kysely, Transaction } from "kysely";
import type { AccessService } from "../access/access-service.js";
import { seatsAmong } from "../access/memberships.js";
import { can } from "../access/policies.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";

interface FieldError {
  path: string;
  message: string;
}

/** The people and organizations a request names, with the field each comes from. */
export interface NamedInMeeting {
  facilitatorId?: string | undefined;
  participantIds: readonly string[];
  owners: readonly { path: string; id: string }[];
}

/**
 * Participants and the facilitator must be members of the partnership (the facilitator an
 * editor or admin: they run the workshop); agenda owners must be its organizations. A 400
 * lists every offending field.
 */
export async function validateNamed(
  db: Kysely<Database>,
  access: AccessService,
  partnershipId: string,
  input: NamedInMeeting,
): Promise<void> {
  const wanted = [
    ...input.participantIds,
    ...(input.facilitatorId === undefined ? [] : [input.facilitatorId]),
  ];
  const members = wanted.length === 0 ? [] : await seatsAmong(db, partnershipId, wanted);
  const seats = new Map(
    members.map((row) => [
      row.user_id,
      { organizationId: row.organization_id, permission: row.permission },
    ]),
  );
  const errors: FieldError[] = [];
  if (input.facilitatorId !== undefined) {
    const facilitator = seats.get(input.facilitatorId);
    if (facilitator === undefined) {
      errors.push({ path: "facilitatorId", message: "not a member of this partnership" });
    } else if (!can(facilitator, "facilitate")) {
      errors.push({ path: "facilitatorId", message: "a viewer cannot facilitate" });
    }
  }
  input.participantIds.forEach((id, i) => {
    if (!seats.has(id)) {
      errors.push({ path: `participantIds.${i}`, message: "not a member of this partnership" });
    }
  });
  if (input.owners.length > 0) {
    const organizationIds = await access.organizationIds(partnershipId);
    for (const owner of input.owners) {
      if (!organizationIds.includes(owner.id)) {
        errors.push({ path: owner.path, message: "not an organization of this partnership" });
      }
    }
  }
  if (errors.length > 0) {
    const summary = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
    throw new DomainError("invalid_input", summary, errors);
  }
}

export async function participantIds(db: Kysely<Database>, meetingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("meeting_participants")
    .select("user_id")
    .where("meeting_id", "=", meetingId)
    .execute();
  return rows.map((row) => row.user_id);
}

export async function replaceParticipants(
  trx: Transaction<Database>,
  meetingId: string,
  partnershipId: string,
  userIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom("meeting_participants").where("meeting_id", "=", meetingId).execute();
  await addParticipants(trx, meetingId, partnershipId, userIds);
}

/** Adds members as participants, stamped with their seat organization; existing ones stay. */
export async function addParticipants(
  trx: Transaction<Database>,
  meetingId: string,
  partnershipId: string,
  userIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(userIds)];
  const seats = await seatsAmong(trx, partnershipId, unique);
  if (seats.length === 0) return;
  await trx
    .insertInto("meeting_participants")
    .values(
      seats.map((seat) => ({
        meeting_id: meetingId,
        user_id: seat.user_id,
        organization_id: seat.organization_id,
      })),
    )
    .onConflict((conflict) => conflict.columns(["meeting_id", "user_id"]).doNothing())
    .execute();
}
