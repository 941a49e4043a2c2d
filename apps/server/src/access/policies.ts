import {
  canWrite,
  documentAccess,
  type DocumentAccess,
  type DocumentRef,
  type PartnershipSeat,
} from "@entente/domain";
import { DomainError } from "../domain-error.js";

/*
 * Who may do what: every decision the server takes on a seat's rights, in one table
 * (PRODUCT.md's access rules). Routes, the sync server, exports, search and the services ask
 * `can`; nothing else compares permissions. A seat is a member's place in a partnership, or in
 * their own organization for what an organization decides (its role there as the permission).
 */

/** What each action is done to (`undefined`: the partnership, or organization, of the seat). */
interface Resources {
  /** Write the partnership's shared items: post, comment, schedule, endorse, vote, set a KPI. */
  write: undefined;
  /** Run the partnership: invite, approve organizations, set the rhythm and health checks. */
  administer: undefined;
  /** Open a live document (sync, history, search, activity, exports, trash). */
  "read document": DocumentRef;
  /** Change a live document. */
  "write document": DocumentRef;
  /** Take a member out of the partnership: an admin of the member's organization, or themself. */
  "remove member": { organizationId: string; leaving: boolean };
  /** Name another facilitator of a meeting: its facilitator, or an admin. */
  "hand over facilitation": { byFacilitator: boolean };
  /** Facilitate a meeting (the facilitator's own seat): editors and admins, never a viewer. */
  facilitate: undefined;
  /** Start a partnership for one's organization (an editor or admin of it). */
  "start a partnership": undefined;
  /** Decide for one's organization: its sign-in, its members, bringing it into a partnership. */
  "run the organization": undefined;
}

export type Action = keyof Resources;

type Rule<A extends Action> = (seat: PartnershipSeat, resource: Resources[A]) => boolean;

const isAdmin = (seat: PartnershipSeat): boolean => seat.permission === "admin";
const isWriter = (seat: PartnershipSeat): boolean => canWrite(seat.permission);

const RULES: { [A in Action]: Rule<A> } = {
  write: isWriter,
  administer: isAdmin,
  "read document": (seat, ref) => documentAccess(ref, seat) !== "none",
  "write document": (seat, ref) => documentAccess(ref, seat) === "write",
  "remove member": (seat, member) =>
    member.leaving || (isAdmin(seat) && seat.organizationId === member.organizationId),
  "hand over facilitation": (seat, meeting) => meeting.byFacilitator || isAdmin(seat),
  facilitate: isWriter,
  "start a partnership": isWriter,
  "run the organization": isAdmin,
};

/** Whether the seat may do the action (to the resource, for actions done to one). */
export function can<A extends Action>(
  seat: PartnershipSeat,
  action: A,
  ...[resource]: Resources[A] extends undefined ? [] : [resource: Resources[A]]
): boolean {
  const rule: Rule<A> = RULES[action];
  return rule(seat, resource as Resources[A]);
}

/** How far the seat reaches into a live document: "write", "read" or "none". */
export function accessTo(seat: PartnershipSeat, ref: DocumentRef): DocumentAccess {
  if (can(seat, "write document", ref)) return "write";
  return can(seat, "read document", ref) ? "read" : "none";
}

/**
 * Viewers read but never write: 403 unless the seat may write the partnership's items.
 * `what` ends the message: "Only an editor or admin can <what>".
 */
export function requireWriter(seat: PartnershipSeat, what: string): void {
  if (!can(seat, "write")) throw DomainError.forbidden(`Only an editor or admin can ${what}`);
}

/** 403 with `message` unless the seat may run the partnership. */
export function requireAdmin(seat: PartnershipSeat, message: string): void {
  if (!can(seat, "administer")) throw DomainError.forbidden(message);
}
