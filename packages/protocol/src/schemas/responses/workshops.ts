/*
 * JSON answers of workshop mode (see docs/API.md, "Workshops"): each member's own projection
 * of the board, the timer and the vote, which live on the server, never in a Yjs document.
 */
import { z } from "zod";
import { AuthorView } from "./common.js";

/** Private: each member sees only their own notes. Revealed: everyone sees every note. */
export const WorkshopPhase = z.enum(["private", "revealed"]);
export type WorkshopPhase = z.infer<typeof WorkshopPhase>;

/**
 * The shared countdown. Clients derive what they show from `endsAt` (running) or
 * `remainingMs` (paused), correcting their clock by `WorkshopView.serverNow`.
 */
export const WorkshopTimerView = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("idle") }),
  z.strictObject({ status: z.literal("running"), endsAt: z.string(), durationMs: z.number() }),
  z.strictObject({ status: z.literal("paused"), remainingMs: z.number(), durationMs: z.number() }),
]);
export type WorkshopTimerView = z.infer<typeof WorkshopTimerView>;

export const NoteConversionKind = z.enum(["action", "issue", "decision"]);
export type NoteConversionKind = z.infer<typeof NoteConversionKind>;

export const NoteConversionView = z.strictObject({
  kind: NoteConversionKind,
  /** The id of the item created in the objectives, issues or decisions document. */
  itemId: z.string(),
  convertedBy: z.strictObject({ id: z.string(), name: z.string() }),
  convertedAt: z.string(),
});
export type NoteConversionView = z.infer<typeof NoteConversionView>;

export const StickyNoteView = z.strictObject({
  id: z.string(),
  author: AuthorView,
  /** Colours the note: the author's organization. */
  organizationId: z.string(),
  text: z.string(),
  columnId: z.string(),
  groupId: z.string().nullable(),
  /**
   * False while the note is hidden (only its author gets such a note): it cannot be grouped,
   * voted for or converted until the facilitator reveals it.
   */
  revealed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set once the note was turned into an item. */
  conversion: NoteConversionView.nullable(),
});
export type StickyNoteView = z.infer<typeof StickyNoteView>;

export const WorkshopColumnView = z.strictObject({ id: z.string(), title: z.string() });
export type WorkshopColumnView = z.infer<typeof WorkshopColumnView>;

/** A cluster of notes. */
export const NoteGroupView = z.strictObject({
  id: z.string(),
  title: z.string(),
  conversion: NoteConversionView.nullable(),
});
export type NoteGroupView = z.infer<typeof NoteGroupView>;

/** Notes of others still hidden in the private phase: how many, never what. */
export const HiddenNotesCount = z.strictObject({ organizationId: z.string(), count: z.number() });
export type HiddenNotesCount = z.infer<typeof HiddenNotesCount>;

/** A vote result: notes or groups ranked by votes, most first. */
export const VoteResultView = z.strictObject({
  target: z.strictObject({ kind: z.enum(["note", "group"]), id: z.string() }),
  votes: z.number(),
});
export type VoteResultView = z.infer<typeof VoteResultView>;

const voteFields = {
  votesPerPerson: z.number(),
  /** The caller's own dots, by note or group id; nobody else's. */
  myVotes: z.record(z.string(), z.number()),
  /** How many members cast at least one dot (not whose, not where). */
  voterCount: z.number(),
};

export const WorkshopVoteView = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("none") }),
  z.strictObject({ status: z.literal("open"), ...voteFields }),
  z.strictObject({
    status: z.literal("closed"),
    ...voteFields,
    /** Ranked, most votes first; who voted for what is never shown. */
    results: z.array(VoteResultView),
  }),
]);
export type WorkshopVoteView = z.infer<typeof WorkshopVoteView>;

export const WorkshopView = z.strictObject({
  meetingId: z.string(),
  partnershipId: z.string(),
  facilitatorId: z.string(),
  phase: WorkshopPhase,
  timer: WorkshopTimerView,
  /** The server's clock when this view was made, to correct the client's. */
  serverNow: z.string(),
  columns: z.array(WorkshopColumnView),
  /** In the private phase, only the caller's own notes; all of them once revealed. */
  notes: z.array(StickyNoteView),
  groups: z.array(NoteGroupView),
  hidden: z.array(HiddenNotesCount),
  vote: WorkshopVoteView,
});
export type WorkshopView = z.infer<typeof WorkshopView>;

/** `GET /api/meetings/:meetingId/workshop` and every workshop mutation. */
export const WorkshopResponse = z.strictObject({ workshop: WorkshopView });
export type WorkshopResponse = z.infer<typeof WorkshopResponse>;

/**
 * `POST /api/workshop-notes/:noteId/convert` and `POST /api/workshop-groups/:groupId/convert`
 * → 201: the caller's new view and the item the note or group became.
 */
export const WorkshopConversionResponse = WorkshopResponse.extend({
  item: z.strictObject({ kind: NoteConversionKind, id: z.string() }),
});
export type WorkshopConversionResponse = z.infer<typeof WorkshopConversionResponse>;
