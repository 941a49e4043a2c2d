import { useEffect, useRef, useSyncExternalStore } from "react";
import { useT } from "../../../i18n";
import { useAnnounce } from "../../../ui/announcer";
import { useLeaveGuard } from "../hooks/use-leave-guard";
import { syncRegistry } from "../state/sync-registry";
import { hasUnsavedChanges, type SyncState, type SyncStatus } from "../state/sync-state";

/**
 * The page's one saving status, in the header: Saved / Saving… / Offline — N changes
 * waiting / Reconnecting…, from every live document the page keeps open. Nothing when the
 * page has none. Leaving the page while changes wait asks first.
 */
export function ConnectionStatus() {
  const status = useSyncExternalStore(syncRegistry.subscribe, syncRegistry.getStatus);
  useLeaveGuard(hasUnsavedChanges(status));
  useConnectionAnnouncements(status?.state ?? null);
  return status ? <ConnectionStatusView status={status} /> : null;
}

/**
 * Screen readers hear the connection going and coming back through the page's one live
 * region; not every "Saving…" of every keystroke.
 */
function useConnectionAnnouncements(state: SyncState | null) {
  const t = useT();
  const announce = useAnnounce();
  const previous = useRef(state);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (state === before) return;
    if (state === "offline") announce(t("connection.offline.hint"));
    else if (state === "reconnecting") announce(t("connection.reconnecting"));
    else if (state === "synced" && (before === "offline" || before === "reconnecting")) {
      announce(t("connection.synced"));
    }
  }, [state, announce, t]);
}

const LABEL_KEYS = {
  connecting: "connection.connecting",
  synced: "connection.synced",
  saving: "connection.saving",
  reconnecting: "connection.reconnecting",
  denied: "connection.denied",
} as const satisfies Record<Exclude<SyncState, "offline">, string>;

/** A dot and a sentence; `data-state` holds the raw state for tests and styling. */
export function ConnectionStatusView({ status }: { status: SyncStatus }) {
  const t = useT();
  const { state, pending } = status;
  const label =
    state === "offline" ? t("connection.offline", { count: pending }) : t(LABEL_KEYS[state]);
  return (
    <span
      className="connection-status"
      data-testid="connection-status"
      data-state={state}
      data-pending={pending}
      title={state === "offline" ? t("connection.offline.hint") : undefined}
    >
      <span className="connection-status__dot" aria-hidden="true" />
      <span>
        {label}
        {state === "offline" ? (
          <span className="visually-hidden">. {t("connection.offline.hint")}</span>
        ) : null}
      </span>
    </span>
  );
}
