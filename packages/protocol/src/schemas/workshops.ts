import { FIELD_LIMITS, SEVERITIES } from "@entente/schema";
import { z } from "zod";
import { Id } from "./fields.js";
import { WorkshopPhase } from "./responses/workshops.js";
import { GovernanceLevel } from "./vocabulary.js";

export const WorkshopParams = z.object({ meetingId: Id });
export const NoteParams = z.object({ noteId: Id });
export const GroupParams = z.object({ groupId: Id });

/** Longest sticky note, column title, group title; most columns; most dots per person. */
export const MAX_NOTE_LENGTH = 1000;
export const MAX_COLUMN_TITLE = 80;
export const MAX_COLUMNS = 20;
export const MAX_VOTES_PER_PERSON = 100;
/** A timer (and one extension) lasts at most a day. */
export const MAX_TIMER_SECONDS = 24 * 60 * 60;

const NoteText = z.string().trim().min(1).max(MAX_NOTE_LENGTH);
const GroupTitle = z.string().trim().min(1).max(FIELD_LIMITS.title);
/** An item's title: what the schema writers accept. */
const ItemTitle = z.string().trim().min(1).max(FIELD_LIMITS.title);
const Seconds = z.number().int().min(1).max(MAX_TIMER_SECONDS);

export const ColumnsBody = z.strictObject({
  columns: z
    .array(
      z.strictObject({
        id: Id.optional(),
        title: z.string().trim().min(1).max(MAX_COLUMN_TITLE),
      }),
    )
    .min(1)
    .max(MAX_COLUMNS),
});

export const PhaseBody = z.strictObject({ phase: WorkshopPhase });

export const TimerBody = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("start"), durationSeconds: Seconds }),
  z.strictObject({ action: z.literal("pause") }),
  z.strictObject({ action: z.literal("resume") }),
  z.strictObject({ action: z.literal("extend"), seconds: Seconds }),
  z.strictObject({ action: z.literal("reset") }),
]);

export const VoteBody = z.discriminatedUnion("action", [
  z.strictObject({
    action: z.literal("open"),
    votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
  }),
  z.strictObject({ action: z.literal("close") }),
  z.strictObject({ action: z.literal("reset") }),
]);

/** Strict: the author and organization of a note come from the session, never the body. */
export const CreateNoteBody = z.strictObject({ text: NoteText, columnId: Id });

export const UpdateNoteBody = z
  .strictObject({
    text: NoteText.optional(),
    columnId: Id.optional(),
    groupId: Id.nullable().optional(),
  })
  .refine(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    "nothing to change",
  );

export const CreateGroupBody = z.strictObject({
  title: GroupTitle,
  noteIds: z.array(Id).max(500),
});

export const UpdateGroupBody = z.strictObject({ title: GroupTitle });

export const MyVotesBody = z.strictObject({
  votes: z
    .record(Id, z.number().int().min(0).max(MAX_VOTES_PER_PERSON))
    .refine((votes) => Object.keys(votes).length <= 500, "too many targets"),
});

/** A calendar date; whether it exists (no 2026-02-30) is the schema writer's check. */
const DueDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "not a date (YYYY-MM-DD)");

export const ConvertBody = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("action"),
    objectiveId: Id,
    ownerOrganizationId: Id,
    title: ItemTitle.optional(),
    dueDate: DueDate.optional(),
  }),
  z.strictObject({
    kind: z.literal("issue"),
    ownerOrganizationId: Id,
    title: ItemTitle.optional(),
    severity: z.enum(SEVERITIES).optional(),
  }),
  z.strictObject({
    kind: z.literal("decision"),
    level: GovernanceLevel,
    title: ItemTitle.optional(),
  }),
]);
