import { charterAnchorFromTextRange, charterPlainText } from "@entente/editor";
import { formatDocumentName } from "@entente/domain";
import type {
  CommentTarget,
  DecisionVoteValue,
  ItemLink,
  MentionKind,
  PostTag,
  ReactionName,
  RichTextDoc,
  RichTextNode,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import type { AccessService, Seat } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import type { CommentService } from "../comments/comment-service.js";
import { GovernanceWatch } from "../notifications/governance-watch.js";
import { ItemWatch } from "../notifications/item-watch.js";
import type { NotificationService } from "../notifications/notification-service.js";
import type { PostService, ReactionTarget } from "../posts/post-service.js";
import type { GovernanceService } from "../governance/governance-service.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { ago, type DemoCast, type DemoPerson } from "./demo-cast.js";
import type { DemoWork } from "./demo-documents.js";

const MINUTE_MS = 60_000;

/** The services the story goes through, as the routes would call them. */
export interface DemoServices {
  db: Kysely<Database>;
  access: AccessService;
  posts: PostService;
  notifications: NotificationService;
  governance: GovernanceService;
  documents: DocumentReader;
  comments: CommentService;
}

/** A piece of a rich body: text, or a mention of a person or an organization. */
type Part = string | { mention: DemoPerson } | { organization: { id: string; name: string } };

/** A one-paragraph Tiptap body, as the composer sends it. */
function body(...parts: Part[]): RichTextDoc {
  const content = parts.map((part): RichTextNode => {
    if (typeof part === "string") return { type: "text", text: part };
    const [id, kind, label]: [string, MentionKind, string] =
      "mention" in part
        ? [part.mention.id, "user", part.mention.name]
        : [part.organization.id, "organization", part.organization.name];
    return { type: "mention", attrs: { id, kind, label } };
  });
  return { type: "doc", content: [{ type: "paragraph", content }] };
}

/**
 * Writes the feed and the votes through the services the routes use, so every row has the
 * shape the product gives it and mentions and replies notify whom they would. The services
 * stamp "now"; each row is then moved back to when it happens in the story, so the week's
 * posts fill the digest preview.
 */
class FeedStory {
  private readonly seats = new Map<string, Seat>();

  constructor(
    private readonly services: DemoServices,
    private readonly cast: DemoCast,
  ) {}

  private async seat(person: DemoPerson): Promise<Seat> {
    let seat = this.seats.get(person.id);
    if (!seat) {
      seat = await this.services.access.requireSeat(person.id, this.cast.partnershipId);
      this.seats.set(person.id, seat);
    }
    return seat;
  }

  private async writer(person: DemoPerson) {
    return { user: { id: person.id, name: person.name }, seat: await this.seat(person) };
  }

  async vote(
    person: DemoPerson,
    decisionId: string,
    vote: DecisionVoteValue,
    comment: string | null,
    at: number,
  ): Promise<void> {
    const { db, governance } = this.services;
    await governance.castVote(
      await this.seat(person),
      { id: person.id, name: person.name },
      { decisionId, vote, comment },
    );
    await db
      .updateTable("decision_votes")
      .set({ created_at: at })
      .where("decision_id", "=", decisionId)
      .where("user_id", "=", person.id)
      .execute();
  }

  async post(
    author: DemoPerson,
    at: number,
    input: { title: string; tag: PostTag; body: RichTextDoc; links?: ItemLink[] },
  ): Promise<string> {
    const { db, posts } = this.services;
    const { id } = await posts.create(await this.writer(author), { links: [], ...input });
    await db.updateTable("posts").set({ created_at: at }).where("id", "=", id).execute();
    await db
      .updateTable("notifications")
      .set({ created_at: at })
      .where("post_id", "=", id)
      .where("reply_id", "is", null)
      .execute();
    return id;
  }

  async reply(postId: string, author: DemoPerson, at: number, text: RichTextDoc): Promise<string> {
    const { db, posts } = this.services;
    const { post } = await posts.requirePost(author.id, postId);
    const { id } = await posts.reply(post, await this.writer(author), text);
    await db.updateTable("replies").set({ created_at: at }).where("id", "=", id).execute();
    await db
      .updateTable("notifications")
      .set({ created_at: at })
      .where("reply_id", "=", id)
      .execute();
    return id;
  }

  async react(
    on: { postId: string } | { replyId: string },
    person: DemoPerson,
    reaction: ReactionName,
    at: number,
  ): Promise<void> {
    const { db, posts } = this.services;
    let target: ReactionTarget;
    if ("postId" in on) {
      target = { kind: "post", post: (await posts.requirePost(person.id, on.postId)).post };
    } else {
      const { reply, post } = await posts.requireReply(person.id, on.replyId);
      target = { kind: "reply", post, reply };
    }
    await posts.react(target, person.id, reaction);
    const targetId = target.kind === "post" ? target.post.id : target.reply.id;
    await db
      .updateTable("reactions")
      .set({ created_at: at })
      .where("target_id", "=", targetId)
      .where("user_id", "=", person.id)
      .execute();
  }

  /** Opens a comment thread (on a charter range or an item) with its first comment. */
  async openThread(
    author: DemoPerson,
    at: number,
    target: CommentTarget,
    text: RichTextDoc,
  ): Promise<string> {
    const { db, comments } = this.services;
    const thread = await comments.create(await this.writer(author), target, text);
    await db
      .updateTable("comment_threads")
      .set({ created_at: at })
      .where("id", "=", thread.id)
      .execute();
    await this.dateComment(thread.comments[0]?.id ?? "", at);
    return thread.id;
  }

  async comment(
    threadId: string,
    author: DemoPerson,
    at: number,
    text: RichTextDoc,
  ): Promise<void> {
    const { comments } = this.services;
    const { thread } = await comments.requireThread(author.id, threadId);
    const comment = await comments.reply(thread, await this.writer(author), text);
    await this.dateComment(comment.id, at);
  }

  async resolve(threadId: string, person: DemoPerson, at: number): Promise<void> {
    const { db, comments } = this.services;
    const { thread } = await comments.requireThread(person.id, threadId);
    await comments.setStatus(thread, person.id, "resolved");
    await db
      .updateTable("comment_threads")
      .set({ resolved_at: at })
      .where("id", "=", threadId)
      .execute();
  }

  private async dateComment(commentId: string, at: number): Promise<void> {
    const { db } = this.services;
    await db.updateTable("comments").set({ created_at: at }).where("id", "=", commentId).execute();
    await db
      .updateTable("notifications")
      .set({ created_at: at })
      .where("comment_id", "=", commentId)
      .execute();
  }

  async seen(postId: string, person: DemoPerson, at: number): Promise<void> {
    const { db, posts } = this.services;
    const { post, seat } = await posts.requirePost(person.id, postId);
    await posts.markSeen(post, { userId: person.id, seat });
    await db
      .updateTable("post_reads")
      .set({ read_at: at })
      .where("post_id", "=", postId)
      .where("user_id", "=", person.id)
      .execute();
  }
}

/**
 * The two-key votes: the three-depot pilot approved by both at the start; the fourth depot
 * (which supersedes it) approved by both at the steering committee; the aggregated volumes
 * approved by Northwind, waiting for Southpeak.
 */
async function seedVotes(story: FeedStory, cast: DemoCast, work: DemoWork): Promise<void> {
  const { threeDepots, fourthDepot, aggregatedVolumes } = work.decisions;
  await story.vote(cast.amara, threeDepots, "approve", null, ago(cast, 39));
  await story.vote(cast.sofia, threeDepots, "approve", "Three depots, one season.", ago(cast, 38));
  await story.vote(cast.sofia, fourthDepot, "approve", null, ago(cast, 20, 1));
  await story.vote(
    cast.amara,
    fourthDepot,
    "approve",
    "Agreed at the Q4 steering committee.",
    ago(cast, 20),
  );
  await story.vote(
    cast.amara,
    aggregatedVolumes,
    "approve",
    "Monthly totals per depot are all our planners need.",
    ago(cast, 3) + 10 * MINUTE_MS,
  );
}

/**
 * Four posts over the last week, one of each kind, with replies, reactions, mentions and
 * who has seen them.
 */
async function seedPosts(story: FeedStory, cast: DemoCast, work: DemoWork): Promise<void> {
  const { amara, ben, sofia, lucas } = cast;

  const solar = await story.post(lucas, ago(cast, 6, 2), {
    title: "Lyon's cold rooms now run on solar power",
    tag: "success",
    body: body(
      "The Lyon depot's cold rooms ran all week on the new solar installation, between 2 and 4 °C throughout. Thanks to the Northwind planners for moving the night rounds.",
    ),
    links: [
      { kind: "action", id: work.actions.lyonColdRooms },
      { kind: "objective", id: work.objectives.lowCarbon },
    ],
  });
  await story.seen(solar, sofia, ago(cast, 6, 1));
  await story.seen(solar, ben, ago(cast, 5, 20));
  await story.seen(solar, amara, ago(cast, 5, 18));
  await story.react({ postId: solar }, ben, "tada", ago(cast, 5, 20));
  await story.react({ postId: solar }, amara, "heart", ago(cast, 5, 18));

  const drivers = await story.post(ben, ago(cast, 4, 5), {
    title: "Driver training slips by two weeks",
    tag: "difficulty",
    body: body(
      "Only five of our drivers are certified on the electric refrigerated trucks so far, and the training centre postponed its next session. The fourth depot's route plans will wait for it.",
    ),
    links: [{ kind: "objective", id: work.objectives.lowCarbon }],
  });
  await story.seen(drivers, lucas, ago(cast, 4, 4));
  await story.seen(drivers, sofia, ago(cast, 4, 2));
  await story.seen(drivers, amara, ago(cast, 3, 22));
  const lend = await story.reply(
    drivers,
    lucas,
    ago(cast, 4, 3),
    body(
      "Thanks for saying it early. ",
      { mention: ben },
      " we can lend two of our drivers already certified for cold-chain work, if your insurance covers them.",
    ),
  );
  await story.react({ replyId: lend }, ben, "pray", ago(cast, 4, 1));
  await story.react({ postId: drivers }, sofia, "thumbs_up", ago(cast, 4, 2));

  const volumes = await story.post(amara, ago(cast, 2, 6), {
    title: "Producer volumes for the fourth depot's routes",
    tag: "request",
    body: body(
      { organization: { id: cast.southpeak, name: "Southpeak" } },
      " we need last season's volumes to size the fourth depot's routes. Monthly totals per depot would do: the decision is waiting for your vote.",
    ),
    links: [
      { kind: "decision", id: work.decisions.aggregatedVolumes },
      { kind: "issue", id: work.issues.legalReview },
      { kind: "action", id: work.actions.dataAgreement },
    ],
  });
  await story.seen(volumes, sofia, ago(cast, 2, 4));
  await story.seen(volumes, ben, ago(cast, 2, 3));
  await story.seen(volumes, lucas, ago(cast, 1, 23));
  await story.reply(
    volumes,
    sofia,
    ago(cast, 1, 21),
    body(
      "Our legal team reviews the aggregated version this week; expect our vote before the tactical review.",
    ),
  );

  const workshop = await story.post(sofia, ago(cast, 1, 2), {
    title: "Workshop on the regional offer, next week",
    tag: "information",
    body: body(
      "Bring your producers' questions: we will brainstorm, dot-vote and turn the winners into actions. ",
      { mention: lucas },
      " prepares the questions.",
    ),
    links: [{ kind: "objective", id: work.objectives.producers }],
  });
  await story.seen(workshop, amara, ago(cast, 0, 20));
  await story.react({ postId: workshop }, amara, "thumbs_up", ago(cast, 0, 20));
}

/** Where Sofia's question on the charter sits. */
export const DEMO_CHARTER_PHRASE = "a tactical review each month";

/**
 * Two comment threads, written without mentions so they tell only their authors (the
 * strategic leads, who have read everything): Sofia's question on the charter's governance
 * rhythm, answered by Amara and still open; Amara's question on the overdue data agreement,
 * answered by Lucas and resolved.
 */
async function seedComments(
  story: FeedStory,
  services: DemoServices,
  cast: DemoCast,
  work: DemoWork,
): Promise<void> {
  const { amara, sofia, lucas } = cast;
  const charter = await services.documents.readDocument(
    formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId }),
  );
  let anchor;
  try {
    const from = charterPlainText(charter).indexOf(DEMO_CHARTER_PHRASE);
    anchor = charterAnchorFromTextRange(charter, from, from + DEMO_CHARTER_PHRASE.length);
  } finally {
    charter.destroy();
  }
  if (anchor.quote !== DEMO_CHARTER_PHRASE) {
    throw new Error(`the charter no longer says "${DEMO_CHARTER_PHRASE}"`);
  }
  const rhythm = await story.openThread(
    sofia,
    ago(cast, 1, 20),
    { kind: "charter", anchor },
    body("While the fourth depot opens, should the tactical review meet every two weeks instead?"),
  );
  await story.comment(
    rhythm,
    amara,
    ago(cast, 1, 4),
    body(
      "Yes, until its routes run. Let us agree on it at the next tactical review, then amend this line.",
    ),
  );

  const agreement = await story.openThread(
    amara,
    ago(cast, 5, 3),
    { kind: "action", id: work.actions.dataAgreement },
    body("The agreement is past due: is anything besides the legal review holding it up?"),
  );
  await story.comment(
    agreement,
    lucas,
    ago(cast, 5, 1),
    body(
      "Nothing else: the text is ready to sign. Legal waits for the volumes to be aggregated by depot; Sofia takes it to the steering level.",
    ),
  );
  await story.resolve(agreement, amara, ago(cast, 4, 22));
}

/**
 * The watches, run once now, as the server's periodic check would: Southpeak is told that a
 * decision waits on it; the overdue data agreement is recorded (a watch's first look at a
 * document announces no old news). Both are claimed, so the server's own check, when it
 * comes, tells nobody again. The decision's notifications are dated when the watch would have
 * sent them, minutes after the proposal.
 */
async function runWatches(services: DemoServices, cast: DemoCast, work: DemoWork): Promise<void> {
  const { db, documents, governance, notifications } = services;
  await new GovernanceWatch(db, documents, governance, notifications).check(cast.partnershipId);
  await new ItemWatch(db, documents, notifications).check(cast.partnershipId);
  await db
    .updateTable("notifications")
    .set({ created_at: ago(cast, 3) + 12 * MINUTE_MS })
    .where("item_id", "=", work.decisions.aggregatedVolumes)
    .execute();
}

/**
 * The demo's governance votes, updates feed and notifications. The strategic leads (Amara,
 * Sofia) have read what they were told; Ben and Lucas have unread notifications waiting.
 */
export async function seedConversation(
  services: DemoServices,
  cast: DemoCast,
  work: DemoWork,
): Promise<void> {
  const story = new FeedStory(services, cast);
  await seedVotes(story, cast, work);
  await seedPosts(story, cast, work);
  await seedComments(story, services, cast, work);
  await runWatches(services, cast, work);
  for (const person of [cast.amara, cast.sofia]) {
    await services.notifications.markAllRead(person.id);
  }
}
