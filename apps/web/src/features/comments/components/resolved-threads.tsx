import type { CommentThreadView } from "@entente/protocol";
import type { ApiError } from "../../../lib/api-client";
import { useT } from "../../../i18n";
import { FormError } from "../../../ui/form";
import { CommentThreadCard } from "./comment-thread-card";

/** "Show resolved" and, when ticked, the resolved threads: resolved is never gone. */
export function ResolvedThreads({
  shown,
  onToggle,
  error,
  threads,
  focusedId,
  detached = () => false,
}: {
  shown: boolean;
  onToggle: (shown: boolean) => void;
  /** Why reading the resolved threads failed, if it did. */
  error: ApiError | null;
  /** The resolved threads. */
  threads: readonly CommentThreadView[];
  focusedId: string | null;
  /** The charter's threads whose text was removed. */
  detached?: (thread: CommentThreadView) => boolean;
}) {
  const t = useT();
  return (
    <>
      <label className="checkbox-row comments-panel__toggle">
        <input
          type="checkbox"
          checked={shown}
          onChange={(event) => onToggle(event.target.checked)}
        />
        {t("comments.showResolved")}
      </label>
      <FormError error={error} />
      {shown ? (
        <div
          className="comments-panel__list"
          data-testid="resolved-comment-threads"
          aria-label={t("comments.resolvedThreads")}
        >
          {threads.length === 0 ? (
            <p className="muted">{t("comments.noResolved")}</p>
          ) : (
            threads.map((thread) => (
              <CommentThreadCard
                key={thread.id}
                thread={thread}
                focused={thread.id === focusedId}
                detached={detached(thread)}
              />
            ))
          )}
        </div>
      ) : null}
    </>
  );
}
