import { useT } from "../../../i18n";
import type { StreamState } from "../../../lib/event-streams";

/** Whether other people's comments arrive live (the partnership's event stream is open). */
export function CommentsLive({ state }: { state: StreamState }) {
  const t = useT();
  const view = state === "open" ? "synced" : state === "connecting" ? "connecting" : "offline";
  return (
    <span className="connection-status" data-state={view} data-testid="comments-live">
      <span className="connection-status__dot" aria-hidden="true" />
      {state === "open" ? t("comments.live") : t("comments.reconnecting")}
    </span>
  );
}
