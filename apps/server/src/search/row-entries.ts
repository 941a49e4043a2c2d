import { POST_PARAM, THREAD_PARAM, type RichTextDoc } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { plainText } from "@entente/protocol/schemas";
import { partnershipPath, query, type IndexedEntry } from "./search-entries.js";

/** The source name of a partnership's entries that come from SQL rows. */
export function rowsSource(partnershipId: string): string {
  return `rows:${partnershipId}`;
}

function bodyText(stored: string): string {
  try {
    const doc = JSON.parse(stored) as RichTextDoc | null;
    return doc ? plainText(doc) : "";
  } catch {
    return "";
  }
}

/**
 * Everything search can find in a partnership's SQL rows, as stored now: posts and replies
 * (not deleted), comments, meetings with their agenda, and the workshop board as every
 * member sees it (notes once revealed, groups). Comment threads on an item are titled with
 * the item's title as the index last read it.
 */
export async function partnershipRowEntries(
  db: Kysely<Database>,
  partnershipId: string,
): Promise<IndexedEntry[]> {
  const base = partnershipPath(partnershipId);
  const entry = (
    fields: Omit<IndexedEntry, "partnershipId" | "documentName" | "visibleToOrganizationId">,
  ) => ({
    ...fields,
    partnershipId,
    documentName: null,
    visibleToOrganizationId: null,
  });
  const entries: IndexedEntry[] = [];

  const posts = await db
    .selectFrom("posts")
    .select(["id", "title", "body", "author_organization_id"])
    .where("partnership_id", "=", partnershipId)
    .where("deleted_at", "is", null)
    .execute();
  const postTitles = new Map(posts.map((p) => [p.id, p.title]));
  for (const post of posts) {
    entries.push(
      entry({
        key: `post:${post.id}`,
        kind: "post",
        organizationId: post.author_organization_id,
        title: post.title,
        body: bodyText(post.body),
        url: `${base}/updates${query({ [POST_PARAM]: post.id })}`,
      }),
    );
  }
  const replies = await db
    .selectFrom("replies")
    .select(["id", "post_id", "body", "author_organization_id"])
    .where("partnership_id", "=", partnershipId)
    .where("deleted_at", "is", null)
    .execute();
  for (const reply of replies) {
    const title = postTitles.get(reply.post_id);
    if (title === undefined) continue; // its post was deleted
    entries.push(
      entry({
        key: `reply:${reply.id}`,
        kind: "reply",
        organizationId: reply.author_organization_id,
        title,
        body: bodyText(reply.body),
        url: `${base}/updates${query({ [POST_PARAM]: reply.post_id })}`,
      }),
    );
  }

  const comments = await db
    .selectFrom("comments")
    .innerJoin("comment_threads", "comment_threads.id", "comments.thread_id")
    .select([
      "comments.id",
      "comments.thread_id",
      "comments.body",
      "comments.author_organization_id",
      "comment_threads.target_kind",
      "comment_threads.target_id",
      "comment_threads.quote",
    ])
    .where("comments.partnership_id", "=", partnershipId)
    .execute();
  const itemTitles = new Map<string, string>();
  for (const comment of comments) {
    let title = comment.quote ?? "";
    if (comment.target_kind !== "charter" && comment.target_id !== null) {
      const target = `${comment.target_kind}:${comment.target_id}`;
      if (!itemTitles.has(target)) {
        const item = await db
          .selectFrom("search_entries")
          .select("title")
          .where("partnership_id", "=", partnershipId)
          .where("entry_key", "like", `%#${target}`)
          .executeTakeFirst();
        itemTitles.set(target, item?.title ?? "");
      }
      title = itemTitles.get(target) ?? "";
    }
    entries.push(
      entry({
        key: `comment:${comment.id}`,
        kind: "comment",
        organizationId: comment.author_organization_id,
        title,
        body: bodyText(comment.body),
        url: `${base}${query({ [THREAD_PARAM]: comment.thread_id })}`,
      }),
    );
  }

  const meetings = await db
    .selectFrom("meetings")
    .select(["id", "title", "created_by_organization_id"])
    .where("partnership_id", "=", partnershipId)
    .execute();
  const agenda = await db
    .selectFrom("agenda_items")
    .innerJoin("meetings", "meetings.id", "agenda_items.meeting_id")
    .select(["agenda_items.meeting_id", "agenda_items.title"])
    .where("meetings.partnership_id", "=", partnershipId)
    .orderBy("agenda_items.position")
    .execute();
  const meetingTitles = new Map(meetings.map((m) => [m.id, m.title]));
  for (const meeting of meetings) {
    entries.push(
      entry({
        key: `meeting:${meeting.id}`,
        kind: "meeting",
        organizationId: meeting.created_by_organization_id,
        title: meeting.title,
        body: agenda
          .filter((a) => a.meeting_id === meeting.id)
          .map((a) => a.title)
          .join("\n"),
        url: `${base}/meetings/${encodeURIComponent(meeting.id)}`,
      }),
    );
  }

  // A note stays its author's alone until the board is revealed: only revealed notes.
  const notes = await db
    .selectFrom("workshop_notes")
    .innerJoin("meetings", "meetings.id", "workshop_notes.meeting_id")
    .select([
      "workshop_notes.id",
      "workshop_notes.meeting_id",
      "workshop_notes.text",
      "workshop_notes.organization_id",
    ])
    .where("meetings.partnership_id", "=", partnershipId)
    .where("workshop_notes.revealed_at", "is not", null)
    .execute();
  const groups = await db
    .selectFrom("workshop_groups")
    .innerJoin("meetings", "meetings.id", "workshop_groups.meeting_id")
    .select(["workshop_groups.id", "workshop_groups.meeting_id", "workshop_groups.title"])
    .where("meetings.partnership_id", "=", partnershipId)
    .execute();
  const board = (meetingId: string) => `${base}/meetings/${encodeURIComponent(meetingId)}/workshop`;
  for (const note of notes) {
    entries.push(
      entry({
        key: `workshop-note:${note.id}`,
        kind: "workshop-note",
        organizationId: note.organization_id,
        title: meetingTitles.get(note.meeting_id) ?? "",
        body: note.text,
        url: board(note.meeting_id),
      }),
    );
  }
  for (const group of groups) {
    entries.push(
      entry({
        key: `workshop-group:${group.id}`,
        kind: "workshop-note",
        organizationId: null,
        title: meetingTitles.get(group.meeting_id) ?? "",
        body: group.title,
        url: board(group.meeting_id),
      }),
    );
  }
  return entries;
}
