import type { ItemLinkKind, PostView, ReplyView } from "@entente/protocol";
import { useRef, useState } from "react";
import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { sectionPath, type Section } from "../../partnerships";
import { useActionError } from "../../../ui/use-action-error";
import type { Feed } from "../hooks/use-feed";
import { useSeenWhenShown } from "../hooks/use-seen-when-shown";
import { hasSeen } from "../state/feed-state";
import { AuthorLine } from "./author-line";
import { AuthorTools, ReactionBar, SeenBy, TagBadge } from "./feed-bits";
import { FormError } from "../../../ui/form";
import { PostComposer } from "./post-composer";
import { PostThread } from "./post-thread";
import { RichTextView } from "../../rich-text";

const LINK_SECTION: Record<ItemLinkKind, Section> = {
  objective: "objectives",
  kpi: "objectives",
  action: "objectives",
  issue: "issues",
  decision: "decisions",
  "charter-section": "charter",
};

/**
 * One post: who, which tag, when, the body and the items it points at; reactions, the
 * thread (opened on demand), who has read it, and edit/delete for its author. Shown to
 * someone other than its author, it counts as read.
 */
export function PostCard({
  post,
  replies,
  expanded,
  onToggleThread,
  partnershipId,
  userId,
  canWrite,
  actions,
}: {
  post: PostView;
  replies: ReplyView[] | undefined;
  expanded: boolean;
  onToggleThread: () => void;
  partnershipId: string;
  userId: string;
  canWrite: boolean;
  actions: Feed["actions"];
}) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const [editing, setEditing] = useState(false);
  const { error, guard } = useActionError();
  const deleted = post.deletedAt !== null;
  const mine = post.author.id === userId;

  useSeenWhenShown(ref, !deleted && !mine && !hasSeen(post, userId), () => {
    // A failed mark is not worth a message: the next showing tries again.
    actions.markSeen(post.id).catch(() => undefined);
  });

  return (
    <article
      ref={ref}
      className={`post card${deleted ? " post--deleted" : ""}`}
      data-testid="post"
      data-post-id={post.id}
      aria-label={deleted ? t("feed.post.deleted") : post.title}
    >
      <AuthorLine author={post.author} createdAt={post.createdAt} editedAt={post.editedAt}>
        {deleted ? null : <TagBadge tag={post.tag} />}
      </AuthorLine>
      {deleted ? (
        <p className="feed-deleted">{t("feed.post.deleted")}</p>
      ) : editing ? (
        <PostComposer
          post={post}
          onSubmit={async (input) => {
            await actions.edit(post.id, input);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <h3 className="post__title">{post.title}</h3>
          {post.body ? <RichTextView body={post.body} /> : null}
          {post.links.length > 0 ? (
            <ul className="post__links" aria-label={t("feed.links")}>
              {post.links.map((link) => (
                <li key={`${link.kind}:${link.id}`}>
                  <Link className="badge" to={sectionPath(partnershipId, LINK_SECTION[link.kind])}>
                    {t(`feed.link.${link.kind}`)}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {editing ? null : (
        <div className="feed-item__footer">
          {deleted ? null : (
            <ReactionBar
              reactions={post.reactions}
              userId={userId}
              canReact={canWrite}
              onReact={(reaction) => guard(() => actions.react(post.id, null, reaction))}
            />
          )}
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={expanded}
            data-testid="toggle-thread"
            onClick={onToggleThread}
          >
            {post.replyCount === 0
              ? t("feed.thread.open")
              : t("feed.thread.replies", { count: post.replyCount })}
          </button>
          {mine && canWrite && !deleted ? (
            <AuthorTools
              deleteName={t("feed.deletePost", { title: post.title })}
              onEdit={() => setEditing(true)}
              onDelete={() => guard(() => actions.remove(post.id))}
            />
          ) : null}
        </div>
      )}
      <FormError error={error} />
      {deleted ? null : <SeenBy seenBy={post.seenBy} />}
      {expanded ? (
        <PostThread
          postId={post.id}
          replies={replies}
          closed={deleted}
          userId={userId}
          canWrite={canWrite}
          actions={actions}
        />
      ) : null}
    </article>
  );
}
