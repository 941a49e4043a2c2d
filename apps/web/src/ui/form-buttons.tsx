import { useT } from "../i18n";

/**
 * The small button row under a short form (a comment, a reply, a sticky note): "Cancel" when
 * the form can be closed, then its submit button, off while `pending` or `disabled` and busy
 * while `pending`.
 */
export function FormButtons({
  className,
  submitLabel,
  pending,
  disabled = false,
  ghostCancel = false,
  onCancel,
}: {
  /** The row's own class, for its layout. */
  className: string;
  submitLabel: string;
  pending: boolean;
  /** Nothing to send yet. */
  disabled?: boolean;
  /** A quieter "Cancel" (on a sticky note). */
  ghostCancel?: boolean;
  onCancel?: () => void;
}) {
  const t = useT();
  return (
    <div className={className}>
      {onCancel ? (
        <button
          type="button"
          className={ghostCancel ? "button button--small button--ghost" : "button button--small"}
          onClick={onCancel}
        >
          {t("common.cancel")}
        </button>
      ) : null}
      <button
        type="submit"
        className="button button--small button--primary"
        disabled={pending || disabled}
        aria-busy={pending}
      >
        {submitLabel}
      </button>
    </div>
  );
}
