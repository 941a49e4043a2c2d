/*
 * JSON answers of a partnership's activity (`GET /api/partnerships/:id/activity`, see
 * docs/API.md): who changed which document when, from the server-stamped update log.
 */
import { z } from "zod";

const NamedRef = z.strictObject({ id: z.string(), name: z.string() });

/** Which document an entry is about; `organizationId` for profiles and private notes. */
export const ActivityDocument = z.strictObject({
  name: z.string(),
  kind: z.enum(["charter", "objectives", "issues", "decisions", "profile", "private", "meeting"]),
  organizationId: z.string().nullable(),
});
export type ActivityDocument = z.infer<typeof ActivityDocument>;

export const CharterActivity = z.strictObject({
  event: z.enum(["endorsed", "endorsement_lost"]),
  /** The organization that endorsed. */
  organization: NamedRef,
  /** The version endorsed, as people name it. */
  versionNumber: z.number(),
});
export type CharterActivity = z.infer<typeof CharterActivity>;

const EntryTitles = z.array(z.strictObject({ title: z.string() }));

/**
 * One person's run of edits to one document: consecutive 10-minute windows with updates
 * from them. `updates` counts stored Yjs updates (an editor sends one per burst of typing),
 * not paragraphs or fields.
 */
export const ActivityEntry = z.strictObject({
  /** Null for content the server wrote itself, not on behalf of a member. */
  user: NamedRef.nullable(),
  organization: NamedRef.nullable(),
  document: ActivityDocument,
  updates: z.number(),
  from: z.string(),
  to: z.string(),
  /**
   * Set on the charter's governance entries (`updates` is 0): an organization endorsed a
   * version (`endorsed`, by `user`), or the charter changed since that endorsement
   * (`endorsement_lost`, `user` null: the text moved on, whoever typed).
   */
  charter: CharterActivity.optional(),
  /** Entries this person deleted from the document in this run (they are in the trash). */
  deleted: EntryTitles.optional(),
  /** Entries this person restored from the trash into the document in this run. */
  restored: EntryTitles.optional(),
  /**
   * i18n key of the sentence: `activity.deleted` or `activity.restored` when those are all
   * the run holds, otherwise `activity.edited.<kind>` (which then names any `deleted` and
   * `restored` after the edits).
   */
  summaryKey: z.string(),
  /** The sentence in English: "Southpeak · Ana edited the charter (3 edits)". */
  summary: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

/** `GET /api/partnerships/:id/activity`: newest first. */
export const ActivityResponse = z.strictObject({
  entries: z.array(ActivityEntry),
  /** Pass as `?before=` for older entries; null when there are none. */
  nextCursor: z.string().nullable(),
});
export type ActivityResponse = z.infer<typeof ActivityResponse>;
