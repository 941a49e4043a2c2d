import type { NoteConversionKind, WorkshopPhase } from "@entente/protocol";
import type { Millis } from "./millis.js";

/**
 * Workshop mode (workshops/): the workshop of a meeting, its board's columns, notes,
 * groups and dots.
 */

/** The workshop of a meeting: phase, shared timer, vote (board rows are in the tables below). */
export interface WorkshopsTable {
  meeting_id: string;
  phase: WorkshopPhase;
  timer_status: "idle" | "running" | "paused";
  timer_duration_ms: Millis | null;
  /** Running: when the countdown reaches zero (server time). */
  timer_ends_at: Millis | null;
  /** Paused: what was left. */
  timer_remaining_ms: Millis | null;
  vote_status: "none" | "open" | "closed";
  votes_per_person: number | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface WorkshopColumnsTable {
  id: string;
  meeting_id: string;
  title: string;
  position: number;
}

/** What a note or a group was turned into (all null until converted). */
interface ConversionColumns {
  conversion_kind: NoteConversionKind | null;
  /** Empty while the item is being written (the conversion is claimed first). */
  conversion_item_id: string | null;
  converted_by_user_id: string | null;
  converted_at: Millis | null;
}

export interface WorkshopNotesTable extends ConversionColumns {
  id: string;
  meeting_id: string;
  author_user_id: string;
  /** The author's seat organization when the note was added. */
  organization_id: string;
  text: string;
  column_id: string;
  group_id: string | null;
  /** Null while the note is hidden from everyone but its author (private phase). */
  revealed_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface WorkshopGroupsTable extends ConversionColumns {
  id: string;
  meeting_id: string;
  title: string;
  created_by_user_id: string;
  created_at: Millis;
}

/** A voter's dots on one note or group. */
export interface WorkshopVotesTable {
  meeting_id: string;
  user_id: string;
  target_kind: "note" | "group";
  target_id: string;
  count: number;
}
