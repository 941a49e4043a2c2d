import { useT } from "../../../i18n";
import { ConfirmButton } from "../../../ui/confirm-button";

/**
 * An entry of a live document that does not fit the schema (written by a buggy or newer
 * client): shown as such, never hiding the rest; writers may delete it.
 */
export function UnreadableEntry({
  problem,
  onDelete,
}: {
  problem: string;
  onDelete?: (() => void) | undefined;
}) {
  const t = useT();
  return (
    <div className="unreadable" data-testid="unreadable-entry" role="note">
      <span className="unreadable__label">{t("unreadable.label")}</span>
      <span className="unreadable__problem" title={problem}>
        {problem}
      </span>
      {onDelete ? (
        <ConfirmButton
          label={t("common.delete")}
          confirmLabel={t("common.confirmDelete")}
          cancelLabel={t("common.cancel")}
          onConfirm={onDelete}
        />
      ) : null}
    </div>
  );
}
