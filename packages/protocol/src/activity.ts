/**
 * The activity of a partnership (`GET /api/partnerships/:id/activity`, see docs/API.md):
 * who changed which document when, from the server-stamped update log. Types only.
 */

/** Which document an entry is about; `organizationId` for profiles and private notes. */
export interface ActivityDocument {
  name: string;
  kind: "charter" | "objectives" | "issues" | "decisions" | "profile" | "private" | "meeting";
  organizationId: string | null;
}

/**
 * One person's run of edits to one document: consecutive 10-minute windows with updates
 * from them. `updates` counts stored Yjs updates (an editor sends one per burst of typing),
 * not paragraphs or fields.
 */
export interface ActivityEntry {
  /** Null for content the server wrote itself, not on behalf of a member. */
  user: { id: string; name: string } | null;
  organization: { id: string; name: string } | null;
  document: ActivityDocument;
  updates: number;
  from: string;
  to: string;
  /**
   * Set on the charter's governance entries (`updates` is 0): an organization endorsed a
   * version (`endorsed`, by `user`), or the charter changed since that endorsement
   * (`endorsement_lost`, `user` null: the text moved on, whoever typed).
   */
  charter?: CharterActivity;
  /** Entries this person deleted from the document in this run (they are in the trash). */
  deleted?: { title: string }[];
  /** Entries this person restored from the trash into the document in this run. */
  restored?: { title: string }[];
  /**
   * i18n key of the sentence: `activity.deleted` or `activity.restored` when those are all
   * the run holds, otherwise `activity.edited.<kind>` (which then names any `deleted` and
   * `restored` after the edits).
   */
  summaryKey: string;
  /** The sentence in English: "Southpeak · Ana edited the charter (3 edits)". */
  summary: string;
}

export interface CharterActivity {
  event: "endorsed" | "endorsement_lost";
  /** The organization that endorsed. */
  organization: { id: string; name: string };
  /** The version endorsed, as people name it. */
  versionNumber: number;
}

/** `GET /api/partnerships/:id/activity`: newest first. */
export interface ActivityResponse {
  entries: ActivityEntry[];
  /** Pass as `?before=` for older entries; null when there are none. */
  nextCursor: string | null;
}
