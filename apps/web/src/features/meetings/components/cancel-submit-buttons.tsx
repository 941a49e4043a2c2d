import { useT } from "../../../i18n";

/**
 * The button row under a meeting's item form (an agenda item, the rhythm): "Cancel", then its
 * submit button, off while `pending`.
 */
export function CancelSubmitButtons({
  submitLabel,
  pending,
  onCancel,
}: {
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <div className="item-form__buttons">
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {t("common.cancel")}
      </button>
      <button type="submit" className="button button--primary" disabled={pending}>
        {submitLabel}
      </button>
    </div>
  );
}
