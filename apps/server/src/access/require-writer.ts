import { canWrite, type PartnershipSeat } from "@entente/domain";
import { DomainError } from "../domain-error.js";

/**
 * Viewers read but never write: 403 unless the seat is an editor's or an admin's.
 * `what` ends the message: "Only an editor or admin can <what>".
 */
export function requireWriter(seat: Pick<PartnershipSeat, "permission">, what: string): void {
  if (!canWrite(seat.permission))
    throw DomainError.forbidden(`Only an editor or admin can ${what}`);
}
