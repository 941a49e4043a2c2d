import { useT } from "../../../i18n";
import type { ConnectionState } from "../state/connection-state";

const LABEL_KEYS = {
  connecting: "connection.connecting",
  synced: "connection.synced",
  offline: "connection.offline",
  denied: "connection.denied",
} as const;

/** A dot and a word for the live connection; `data-state` holds the raw state for tests and styling. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const t = useT();
  return (
    <span
      className="connection-status"
      data-testid="connection-status"
      data-state={state}
      role="status"
      title={state === "offline" ? t("connection.offline.hint") : undefined}
    >
      <span className="connection-status__dot" aria-hidden="true" />
      {t(LABEL_KEYS[state])}
      {state === "offline" ? (
        <span className="visually-hidden">. {t("connection.offline.hint")}</span>
      ) : null}
    </span>
  );
}
