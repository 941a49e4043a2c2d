import type { Language, RichTextDoc } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { FeedEvents } from "../live-events/feed-events.js";
import type { PostService, Writer } from "../posts/post-service.js";
import { DomainError } from "../domain-error.js";
import { discussionPostIds } from "./discussion-posts.js";
import type { MeetingService } from "./meeting-service.js";
import type { MeetingAccess, MeetingRow } from "./meeting-types.js";

/** The longest post title the posts routes take. */
const MAX_TITLE = 200;

/** The title of a meeting's discussion post, in its first author's language. */
const TITLES: Record<Language, (meetingTitle: string) => string> = {
  en: (meetingTitle) => `Re: ${meetingTitle}`,
  fr: (meetingTitle) => `Re : ${meetingTitle}`,
};

/** Where an answer to a meeting's e-mail went. */
export interface DiscussionAnswer {
  postId: string;
  /** The answer started the discussion (a new post) rather than replying in it. */
  started: boolean;
}

/**
 * A meeting's discussion in the partnership's updates feed, for replies by e-mail to the
 * meeting's e-mails (a meeting has no thread of its own): the first answer becomes a post
 * by its author titled after the meeting, each later one a reply to that post. When the
 * post was deleted, the next answer starts a new one. Posting goes through the post service:
 * same rules, live events and notifications as the web app.
 */
export class MeetingDiscussions {
  /** Answers to one meeting, one after the other: two first answers make one post. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly meetings: Pick<MeetingService, "requireMeeting">,
    private readonly posts: PostService,
    private readonly events: FeedEvents,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The meeting and the user's seat in its partnership, as the meeting routes decide. A
   * deleted meeting says so (its addresses were issued for it, so it existed); a non-member
   * learns nothing more.
   */
  async requireMeeting(userId: string, meetingId: string): Promise<MeetingAccess> {
    const exists = await this.db
      .selectFrom("meetings")
      .select("id")
      .where("id", "=", meetingId)
      .executeTakeFirst();
    if (!exists) throw DomainError.notFound("The meeting was deleted");
    return this.meetings.requireMeeting(userId, meetingId);
  }

  /** Posts `body` as `writer`'s answer in the meeting's discussion. The caller checked `writer` may post. */
  answer(meeting: MeetingRow, writer: Writer, body: RichTextDoc): Promise<DiscussionAnswer> {
    const previous = this.queues.get(meeting.id) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.answerNow(meeting, writer, body));
    this.queues.set(meeting.id, next);
    const forget = () => {
      if (this.queues.get(meeting.id) === next) this.queues.delete(meeting.id);
    };
    next.then(forget, forget);
    return next;
  }

  private async answerNow(
    meeting: MeetingRow,
    writer: Writer,
    body: RichTextDoc,
  ): Promise<DiscussionAnswer> {
    const [current] = (await discussionPostIds(this.db, [meeting.id])).values();
    if (current) {
      const { post } = await this.posts.requirePost(writer.user.id, current);
      await this.posts.reply(post, writer, body);
      return { postId: post.id, started: false };
    }
    const title = TITLES[await this.languageOf(writer.user.id)](meeting.title).slice(0, MAX_TITLE);
    const post = await this.posts.create(writer, { title, body, tag: "information", links: [] });
    await this.db
      .insertInto("meeting_discussions")
      .values({ meeting_id: meeting.id, post_id: post.id, created_at: this.now() })
      .onConflict((conflict) =>
        conflict.column("meeting_id").doUpdateSet({ post_id: post.id, created_at: this.now() }),
      )
      .execute();
    // The meeting's view now links to its discussion.
    this.events.publish(
      { kind: "partnership", partnershipId: meeting.partnership_id },
      { type: "meeting.changed", meetingId: meeting.id },
    );
    return { postId: post.id, started: true };
  }

  private async languageOf(userId: string): Promise<Language> {
    const row = await this.db
      .selectFrom("user_preferences")
      .select("language")
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row?.language ?? "en";
  }
}
