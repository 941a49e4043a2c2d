/**
 * The shapes meetings travel in between the service and its parts: stored rows, the caller
 * and their access to a meeting, and what a request asks to create or change.
 */
import type { GovernanceLevel } from "@entente/domain";
import type { MeetingKind } from "@entente/protocol";
import type { Selectable } from "kysely";
import type { Seat } from "../access/access-service.js";
import type { AgendaItemsTable, MeetingsTable } from "../db/schema.js";

export type MeetingRow = Selectable<MeetingsTable>;
export type AgendaItemRow = Selectable<AgendaItemsTable>;

export interface AgendaItemInput {
  title: string;
  ownerOrganizationId: string;
  timeboxMinutes: number;
}

export interface MeetingInput {
  title: string;
  kind: MeetingKind;
  level: GovernanceLevel;
  /** Milliseconds since the epoch. */
  startsAt: number;
  durationMinutes: number;
  facilitatorId?: string | undefined;
  participantIds?: string[] | undefined;
  agenda?: AgendaItemInput[] | undefined;
  /** IANA name; UTC when omitted. */
  timeZone?: string | undefined;
  place?: string | undefined;
  /** An https URL, or null for none. */
  videoUrl?: string | null | undefined;
}

export type MeetingChanges = Partial<Omit<MeetingInput, "agenda">>;

export interface AgendaItemChanges extends Partial<AgendaItemInput> {
  position?: number | undefined;
}

/** The signed-in caller: id and name from the session, organization from the seat. */
export interface Caller {
  user: { id: string; name: string };
  seat: Seat;
}

/** A meeting the caller may see, with the caller's seat in its partnership. */
export interface MeetingAccess {
  meeting: MeetingRow;
  seat: Seat;
}
