import type { PartnershipFeedEvent } from "@entente/protocol";
import { useCallback } from "react";
import { useT } from "../../../i18n";
import { useAnnounce } from "../../../ui/announcer";
import { useMe } from "../../auth";

/**
 * Reads out, through the page's live region, a post or a reply someone else just wrote
 * (never the user's own: the server stamps the author, and the session says who is here).
 */
export function useFeedAnnouncements(): (event: PartnershipFeedEvent) => void {
  const t = useT();
  const announce = useAnnounce();
  const me = useMe().user.id;
  return useCallback(
    (event) => {
      if (event.type === "post.created" && event.post.author.id !== me) {
        announce(
          t("a11y.announce.post", { name: event.post.author.name, title: event.post.title }),
        );
      } else if (event.type === "reply.created" && event.reply.author.id !== me) {
        announce(t("a11y.announce.reply", { name: event.reply.author.name }));
      }
    },
    [announce, me, t],
  );
}
