/**
 * Workshop mode on the wire (see docs/API.md, "Workshops"). Types only.
 *
 * The board, the timer and the vote live on the server, never in a Yjs document: each
 * member gets their own projection of them (`GET /api/meetings/:meetingId/workshop`), so a
 * note hidden in the private phase never leaves the server for anyone but its author.
 * Changes are announced on `GET /api/partnerships/:id/events` as `workshop.changed`
 * (no content), and each client fetches its projection again.
 *
 * Presence and "follow the facilitator" ride on the awareness of the meeting's document
 * (`<pid>/meeting/<meetingId>`), see {@link WorkshopAwarenessView}.
 */
import type { AuthorView } from "./common.js";

/** Private: each member sees only their own notes. Revealed: everyone sees every note. */
export type WorkshopPhase = "private" | "revealed";

/**
 * The shared countdown. Clients derive what they show from `endsAt` (running) or
 * `remainingMs` (paused), correcting their clock by `WorkshopView.serverNow`.
 */
export type WorkshopTimerView =
  | { status: "idle" }
  | { status: "running"; endsAt: string; durationMs: number }
  | { status: "paused"; remainingMs: number; durationMs: number };

/** What the facilitator asks of the timer (`POST /api/meetings/:meetingId/workshop/timer`). */
export type TimerCommand =
  | { action: "start"; durationSeconds: number }
  | { action: "pause" }
  | { action: "resume" }
  | { action: "extend"; seconds: number }
  | { action: "reset" };

/** What the facilitator asks of the dot vote (`POST /api/meetings/:meetingId/workshop/vote`). */
export type VoteCommand =
  { action: "open"; votesPerPerson: number } | { action: "close" } | { action: "reset" };

export type NoteConversionKind = "action" | "issue" | "decision";

export interface NoteConversionView {
  kind: NoteConversionKind;
  /** The id of the item created in the objectives, issues or decisions document. */
  itemId: string;
  convertedBy: { id: string; name: string };
  convertedAt: string;
}

export interface StickyNoteView {
  id: string;
  author: AuthorView;
  /** Colours the note: the author's organization. */
  organizationId: string;
  text: string;
  columnId: string;
  groupId: string | null;
  /**
   * False while the note is hidden (only its author gets such a note): it cannot be grouped,
   * voted for or converted until the facilitator reveals it.
   */
  revealed: boolean;
  createdAt: string;
  updatedAt: string;
  /** Set once the note was turned into an item. */
  conversion: NoteConversionView | null;
}

export interface WorkshopColumnView {
  id: string;
  title: string;
}

/** A cluster of notes. */
export interface NoteGroupView {
  id: string;
  title: string;
  conversion: NoteConversionView | null;
}

/** Notes of others still hidden in the private phase: how many, never what. */
export interface HiddenNotesCount {
  organizationId: string;
  count: number;
}

/** A vote result: notes or groups ranked by votes, most first. */
export interface VoteResultView {
  target: { kind: "note" | "group"; id: string };
  votes: number;
}

export type WorkshopVoteView =
  | { status: "none" }
  | {
      status: "open";
      votesPerPerson: number;
      /** The caller's own dots, by note or group id; nobody else's. */
      myVotes: Record<string, number>;
      /** How many members cast at least one dot (not whose, not where). */
      voterCount: number;
    }
  | {
      status: "closed";
      votesPerPerson: number;
      myVotes: Record<string, number>;
      voterCount: number;
      /** Ranked, most votes first; who voted for what is never shown. */
      results: VoteResultView[];
    };

export interface WorkshopView {
  meetingId: string;
  partnershipId: string;
  facilitatorId: string;
  phase: WorkshopPhase;
  timer: WorkshopTimerView;
  /** The server's clock when this view was made, to correct the client's. */
  serverNow: string;
  columns: WorkshopColumnView[];
  /** In the private phase, only the caller's own notes; all of them once revealed. */
  notes: StickyNoteView[];
  groups: NoteGroupView[];
  hidden: HiddenNotesCount[];
  vote: WorkshopVoteView;
}

/** `GET /api/meetings/:meetingId/workshop` and every workshop mutation. */
export interface WorkshopResponse {
  workshop: WorkshopView;
}

/** Announced on the partnership's event stream; clients fetch their projection again. */
export interface WorkshopChangedEvent {
  type: "workshop.changed";
  meetingId: string;
}

/** The awareness state a workshop client publishes on the meeting document. */
export interface WorkshopAwarenessView {
  /** As every live document's presence sets it (the web app's `useCollabDocument`). */
  user: {
    id: string;
    name: string;
    color: string;
    organizationId: string;
    organizationName: string;
  };
  /** Where the member is looking: a column, a note, or the agenda item open. */
  view: { area: "board" | "agenda" | "results"; focusId: string | null };
  /** The facilitator sets this to true; members who follow take `view` from them. */
  facilitating: boolean;
}
