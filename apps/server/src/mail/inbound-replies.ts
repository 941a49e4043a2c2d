import type { Kysely } from "kysely";
import { requireWriter } from "../access/policies.js";
import type { Database } from "../db/schema.js";
import type { CommentService } from "../comments/comment-service.js";
import type { PostService, Writer } from "../posts/post-service.js";
import type { MeetingDiscussions } from "../meetings/meeting-discussions.js";
import { hasContent, MAX_TEXT, RichTextBody } from "@entente/protocol/schemas";
import { DomainError, isRefusal } from "../domain-error.js";
import type { ReplyAddresses, ReplyAddressProblem, ReplyBinding } from "./reply-addresses.js";
import { replyText, textDoc } from "./reply-text.js";

/** A message refused at SMTP time: the code and text the sender's server turns into a bounce. */
export class InboundRefusal extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
    this.name = "InboundRefusal";
  }
}

const ADDRESS_PROBLEMS: Record<ReplyAddressProblem, string> = {
  "not-a-reply-address": "No such mailbox: only the reply addresses of Entente e-mails take mail",
  unknown: "This reply address is not valid (Entente did not issue it, or it was altered)",
  expired: "This reply address has expired: please answer from Entente in your browser",
};

/** A reply address that passed the checks at RCPT time: who writes, and where. */
export interface AcceptedRecipient {
  binding: ReplyBinding;
  user: { id: string; name: string; email: string };
}

/** One received message as the listener parsed it. */
export interface InboundMessage {
  /** The addresses of the `From:` header. */
  from: readonly string[];
  /** The text/plain part; undefined when the message has none. */
  text: string | undefined;
  /** Sent by a program, not typed (RFC 3834 `Auto-Submitted`, out-of-office and the like). */
  automatic: boolean;
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Turns e-mail replies into replies in Entente: the reply address names the user and the
 * thread (a post, a comment thread, or a meeting's discussion post), the sender must be that user, and the same services as the web app's routes
 * decide (member of the partnership, editor or admin, thread still there) and post (stamped
 * from the user and seat, live events, notifications). Anything else is an
 * {@link InboundRefusal}, and nothing is posted.
 */
export class InboundReplies {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly addresses: ReplyAddresses,
    private readonly posts: PostService,
    private readonly comments: CommentService,
    private readonly meetings: MeetingDiscussions,
  ) {}

  /** At RCPT TO: the address must be a valid reply address of the envelope's sender. */
  async recipient(address: string, envelopeFrom: string): Promise<AcceptedRecipient> {
    const binding = await this.addresses.resolve(address);
    if ("problem" in binding) throw new InboundRefusal(550, ADDRESS_PROBLEMS[binding.problem]);
    const user = await this.db
      .selectFrom("users")
      .select(["id", "name", "email"])
      .where("id", "=", binding.userId)
      .executeTakeFirst();
    if (!user) throw new InboundRefusal(550, ADDRESS_PROBLEMS.unknown);
    if (!sameAddress(envelopeFrom, user.email)) {
      throw new InboundRefusal(
        550,
        "This reply address belongs to someone else: reply from the address the e-mail was sent to",
      );
    }
    await this.post({ binding, user }, null);
    return { binding, user };
  }

  /** At the end of DATA: checks the message and posts its text as the user's reply. */
  async deliver(recipient: AcceptedRecipient, message: InboundMessage): Promise<void> {
    if (
      message.from.length === 0 ||
      !message.from.every((a) => sameAddress(a, recipient.user.email))
    ) {
      throw new InboundRefusal(
        550,
        "The From: address is not the one this reply address was sent to",
      );
    }
    if (message.automatic) {
      throw new InboundRefusal(
        550,
        "Automatic replies (out of office and the like) are not posted",
      );
    }
    if (message.text === undefined || message.text.trim() === "") {
      throw new InboundRefusal(
        550,
        "Only plain-text replies are taken, and this message has no text part",
      );
    }
    const text = replyText(message.text);
    if (text.length > MAX_TEXT) {
      throw new InboundRefusal(552, `The reply is longer than ${MAX_TEXT} characters`);
    }
    const body = RichTextBody.safeParse(textDoc(text));
    if (!body.success || !hasContent(body.data)) {
      throw new InboundRefusal(
        550,
        "The reply is empty once the quoted message and the signature are removed",
      );
    }
    await this.post(recipient, body.data);
  }

  /**
   * Checks, as the web app's reply and comment routes do, that the user may still answer
   * there; with a body, posts it. The services' refusals become bounces.
   */
  private async post(
    { binding, user }: AcceptedRecipient,
    body: Parameters<PostService["reply"]>[2] | null,
  ): Promise<void> {
    const author = { id: user.id, name: user.name };
    try {
      if (binding.target.kind === "post") {
        const { post, seat } = await this.posts.requirePost(user.id, binding.target.postId);
        requireWriter(seat, "reply");
        if (post.deleted_at !== null) throw DomainError.notFound("The post was deleted");
        const writer: Writer = { user: author, seat };
        if (body) await this.posts.reply(post, writer, body);
      } else if (binding.target.kind === "meeting") {
        const { meeting, seat } = await this.meetings.requireMeeting(
          user.id,
          binding.target.meetingId,
        );
        requireWriter(seat, "reply");
        if (body) await this.meetings.answer(meeting, { user: author, seat }, body);
      } else {
        const { thread, seat } = await this.comments.requireThread(
          user.id,
          binding.target.threadId,
        );
        requireWriter(seat, "comment");
        if (body) await this.comments.reply(thread, { user: author, seat }, body);
      }
    } catch (error) {
      if (isRefusal(error)) {
        throw new InboundRefusal(550, `You cannot reply there any more: ${error.message}`);
      }
      throw error;
    }
  }
}
