import { useSyncExternalStore } from "react";
import { useT } from "../../../i18n";
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
  return status ? <ConnectionStatusView status={status} /> : null;
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
      <span role="status" aria-live="polite">
        {label}
        {state === "offline" ? (
          <span className="visually-hidden">. {t("connection.offline.hint")}</span>
        ) : null}
      </span>
    </span>
  );
}
