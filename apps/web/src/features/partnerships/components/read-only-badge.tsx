import { useT } from "../../../i18n";

/** Says, visibly, that what is below cannot be edited here, and why on hover. */
export function ReadOnlyBadge({ reason }: { reason: string }) {
  const t = useT();
  return (
    <span className="badge badge--readonly" data-testid="read-only" title={reason}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path
          fill="currentColor"
          d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V7a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 5V4.5a2 2 0 1 1 4 0V6H6Z"
        />
      </svg>
      {t("common.readOnly")}
      <span className="visually-hidden">: {reason}</span>
    </span>
  );
}
