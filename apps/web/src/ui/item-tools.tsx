import type { ReactNode } from "react";
import { useT } from "../i18n";
import { ConfirmButton } from "./confirm-button";

/** The edit and delete buttons of a writable item; `children` go before them. */
export function ItemTools({
  editName,
  deleteName,
  onEdit,
  onDelete,
  children,
}: {
  /** The accessible names, saying what is edited or deleted. */
  editName: string;
  deleteName: string;
  onEdit: () => void;
  onDelete: () => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <span className="item-tools">
      {children}
      <button
        type="button"
        className="button button--small button--ghost"
        aria-label={editName}
        onClick={onEdit}
      >
        {t("common.edit")}
      </button>
      <ConfirmButton
        label={t("common.delete")}
        confirmLabel={t("common.confirmDelete")}
        cancelLabel={t("common.cancel")}
        name={deleteName}
        onConfirm={onDelete}
      />
    </span>
  );
}

/** The reason a write was refused, announced; nothing when there is none. */
export function WriteError({ error, className }: { error: string | null; className?: string }) {
  return error ? (
    <p className={className ? `form-error ${className}` : "form-error"} role="alert">
      {error}
    </p>
  ) : null;
}
