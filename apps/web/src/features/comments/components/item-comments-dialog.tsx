import type { CommentItemKind, CommentThreadView } from "@entente/protocol";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "../../../i18n";
import { closeOnSwallowedEscape } from "../../../ui/dialog-escape";
import { FormError } from "../../../ui/form";
import { useActionError } from "../../../ui/use-action-error";
import { useComments } from "../state/comments-context";
import { threadsAbout } from "../state/comments-state";
import { LazyCommentComposer } from "./lazy-comment-composer";
import { CommentThreadCard } from "./comment-thread-card";
import { CommentsLive } from "./comments-live";
import { EntryHistory } from "../../records";
import { ResolvedThreads } from "./resolved-threads";
import "../../feed/feed.css";
import "../comments.css";

/**
 * The item's threads in a dialog: the open ones (with a reply box), then resolved ones on
 * demand. A thread a link led to is brought forward (and the resolved ones shown if it is).
 */
export default function ItemCommentsDialog({
  subject,
  title,
  linkedThread = null,
  onClose,
}: {
  subject: { kind: CommentItemKind; id: string };
  title: string;
  /** The item's thread the URL names, if it names one. */
  linkedThread?: CommentThreadView | null;
  onClose: () => void;
}) {
  const t = useT();
  const store = useComments();
  const { canComment, actions, stream, loadError } = store;
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const linkedResolved = linkedThread?.status === "resolved";
  const [showResolved, setShowResolved] = useState(linkedResolved);
  const { error, guard } = useActionError();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const threads = threadsAbout(store.state, subject);
  const open = threads.filter((thread) => thread.status === "open");
  const resolved = threads.filter((thread) => thread.status === "resolved");
  const toggleResolved = (checked: boolean) => {
    setShowResolved(checked);
    if (checked && !store.hasResolved(subject)) guard(() => store.loadResolved(subject));
  };
  // Opened on a resolved thread: its siblings are listed with it (read once).
  const askedResolved = useRef(false);
  useEffect(() => {
    if (!linkedResolved || askedResolved.current) return;
    askedResolved.current = true;
    if (!store.hasResolved(subject)) guard(() => store.loadResolved(subject));
  });
  const focusedId = linkedThread?.id ?? null;

  return (
    <dialog
      ref={dialog}
      className="comments-dialog"
      aria-labelledby={headingId}
      data-testid="item-comments-dialog"
      onClose={onClose}
      onKeyDown={closeOnSwallowedEscape}
    >
      <header className="comments-dialog__header">
        <div>
          <p className="comments-dialog__kind">{t(`comments.kind.${subject.kind}`)}</p>
          <h2 id={headingId} className="comments-dialog__title">
            {t("comments.item.title", { title })}
          </h2>
        </div>
        <CommentsLive state={stream} />
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => dialog.current?.close()}
        >
          {t("comments.close")}
        </button>
      </header>
      <FormError error={loadError} />
      {open.length === 0 ? (
        canComment ? (
          <LazyCommentComposer
            label={t("comments.item.start")}
            submitLabel={t("comments.newThread.submit")}
            testId="new-comment-body"
            autoFocus
            onSubmit={async (body) => {
              await actions.createThread({ kind: subject.kind, id: subject.id }, body);
            }}
          />
        ) : (
          <p className="muted">{t("comments.item.empty")}</p>
        )
      ) : (
        <div className="comments-panel__list" data-testid="open-comment-threads">
          {open.map((thread) => (
            <CommentThreadCard
              key={thread.id}
              thread={thread}
              focused={thread.id === focusedId}
              replyOpen
            />
          ))}
        </div>
      )}
      {canComment ? null : <p className="muted comments-panel__hint">{t("comments.readOnly")}</p>}
      <ResolvedThreads
        shown={showResolved}
        onToggle={toggleResolved}
        error={error}
        threads={resolved}
        focusedId={focusedId}
      />
      <EntryHistory subject={subject} />
    </dialog>
  );
}
