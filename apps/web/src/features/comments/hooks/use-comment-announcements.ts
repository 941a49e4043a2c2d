import type { CommentFeedEvent } from "@entente/protocol";
import { useCallback } from "react";
import { useT } from "../../../i18n";
import { useAnnounce } from "../../../ui/announcer";
import { useMe } from "../../auth";

/**
 * Reads out, through the page's live region, a comment thread or a comment someone else
 * just wrote (never the user's own: the server stamps the author).
 */
export function useCommentAnnouncements(): (event: CommentFeedEvent) => void {
  const t = useT();
  const announce = useAnnounce();
  const me = useMe().user.id;
  return useCallback(
    (event) => {
      if (event.type === "thread.created") {
        const author = event.thread.comments[0]?.author;
        if (author && author.id !== me) announce(t("a11y.announce.thread", { name: author.name }));
      } else if (event.type === "comment.created" && event.comment.author.id !== me) {
        announce(t("a11y.announce.comment", { name: event.comment.author.name }));
      }
    },
    [announce, me, t],
  );
}
