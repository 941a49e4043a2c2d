import type { CommentThreadView } from "@entente/protocol";
import { useEffect, useRef, useState } from "react";
import { useT } from "../../../i18n";
import { AuthorLine } from "../../feed";
import { FormError } from "../../../ui/form";
import { WrittenTime } from "../../../ui/written-time";
import { RichTextView } from "../../rich-text";
import { useActionError } from "../../../ui/use-action-error";
import { useComments } from "../state/comments-context";
import { LazyCommentComposer } from "./lazy-comment-composer";

/** How long a focused thread is kept in view while the page around it settles. */
const FOLLOW_WHILE_SETTLING_MS = 3000;

/**
 * One thread: for the charter, the text it is about (or that this text was removed), then its
 * comments oldest first; editors and admins reply, resolve and reopen.
 */
export function CommentThreadCard({
  thread,
  focused = false,
  detached = false,
  onFocus,
  replyOpen = false,
}: {
  thread: CommentThreadView;
  /** The thread the user is looking at (its highlight was clicked). */
  focused?: boolean;
  /** The charter text it is about was deleted. */
  detached?: boolean;
  /** Clicking the quote: show the range in the charter. */
  onFocus?: () => void;
  /** Show the reply box from the start (an item's open thread). */
  replyOpen?: boolean;
}) {
  const t = useT();
  const { canComment, actions } = useComments();
  const [replying, setReplying] = useState(replyOpen);
  const { error, guard } = useActionError();
  const root = useRef<HTMLElement>(null);
  const resolved = thread.status === "resolved";

  useEffect(() => {
    const card = root.current;
    if (!focused || !card) return;
    card.scrollIntoView({ block: "nearest", behavior: "smooth" });
    // What loads above it meanwhile (the charter's status, its history) must not push the
    // thread someone came to see out of view: follow it while the page settles.
    const page = card.closest("aside") ?? document.body;
    const follow = new ResizeObserver(() => card.scrollIntoView({ block: "nearest" }));
    follow.observe(page);
    const settle = setTimeout(() => follow.disconnect(), FOLLOW_WHILE_SETTLING_MS);
    return () => {
      clearTimeout(settle);
      follow.disconnect();
    };
  }, [focused]);

  const quote = thread.target.kind === "charter" ? thread.target.anchor.quote : null;
  return (
    <article
      ref={root}
      className={`comment-thread${focused ? " comment-thread--focused" : ""}${
        resolved ? " comment-thread--resolved" : ""
      }`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      aria-current={focused ? "true" : undefined}
    >
      {quote !== null ? (
        <blockquote className="comment-thread__quote">
          {onFocus && !detached ? (
            <button
              type="button"
              className="comment-thread__quote-button"
              data-testid="comment-quote"
              title={t("comments.showInCharter")}
              onClick={onFocus}
            >
              {quote}
            </button>
          ) : (
            <span data-testid="comment-quote" className={detached ? "comment-thread__removed" : ""}>
              {quote}
            </span>
          )}
          {detached ? (
            <span className="comment-thread__detached" data-testid="comment-detached">
              {" "}
              {t("comments.textRemoved")}
            </span>
          ) : null}
        </blockquote>
      ) : null}
      <ol className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <li
            key={comment.id}
            className="comment"
            data-testid="comment"
            data-comment-id={comment.id}
          >
            <AuthorLine author={comment.author} createdAt={comment.createdAt} editedAt={null} />
            <RichTextView body={comment.body} />
          </li>
        ))}
      </ol>
      {resolved && thread.resolvedBy ? (
        <p className="comment-thread__resolved muted" data-testid="comment-resolved-by">
          {t("comments.resolvedBy", { name: thread.resolvedBy.name })}
          {thread.resolvedAt ? (
            <>
              {" · "}
              <WrittenTime iso={thread.resolvedAt} />
            </>
          ) : null}
        </p>
      ) : null}
      {canComment ? (
        <div className="comment-thread__footer">
          {replying ? (
            <LazyCommentComposer
              label={t("comments.reply.label")}
              submitLabel={t("comments.reply.submit")}
              testId="comment-reply-body"
              autoFocus={!replyOpen}
              onSubmit={(body) => actions.comment(thread.id, body)}
              onCancel={replyOpen ? undefined : () => setReplying(false)}
            />
          ) : null}
          <div className="comment-thread__tools">
            {replying ? null : (
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => setReplying(true)}
              >
                {t("comments.reply")}
              </button>
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                guard(() => (resolved ? actions.reopen(thread.id) : actions.resolve(thread.id)))
              }
            >
              {resolved ? t("comments.reopen") : t("comments.resolve")}
            </button>
          </div>
        </div>
      ) : null}
      <FormError error={error} />
    </article>
  );
}
