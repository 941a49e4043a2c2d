import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { EmptyState } from "../../../ui/empty-state";
import { PageStatus } from "../../../ui/page-status";
import { useCreateIntent, type PartnershipDocument, SectionHeader } from "../../partnerships";
import { useCreateForm } from "../hooks/use-item-editor";
import type { ItemFormProps } from "./editable-list";

/**
 * A section showing the items of one list document: its header with the "new" button, the
 * create form in a card, then the items (`children`), or "loading" or the empty state while
 * there are none: what the list is for and its "new" button (the header's, moved there), or
 * for a reader who may not write, who can.
 */
export function ItemsSection({
  id,
  title,
  subtitle,
  document,
  newLabel,
  createLabel,
  renderCreateForm,
  emptyText,
  emptyHint,
  notice,
  filters,
  footer,
  children,
}: {
  id: string;
  title: string;
  subtitle: ReactNode;
  document: PartnershipDocument<unknown> & { items: readonly unknown[] };
  newLabel: string;
  createLabel: string;
  /** The create form: `save` runs the write and closes the form when it went through. */
  renderCreateForm: (
    form: Omit<ItemFormProps<never>, "onSubmit">,
    save: (write: () => unknown) => void,
  ) => ReactNode;
  emptyText: string;
  /** What the list will hold and what its items lead to, said while it is empty. */
  emptyHint: string;
  /** Under the header, above the create form. */
  notice?: ReactNode;
  /** Under the create form, above the items. */
  filters?: ReactNode;
  /** Under the items (e.g. what the lens hides). */
  footer?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const create = useCreateForm();
  useCreateIntent(document.writable, create.open);
  const empty = document.items.length === 0 && !document.loading;
  return (
    <section className="section" aria-labelledby={id}>
      <SectionHeader id={id} title={title} subtitle={subtitle} document={document}>
        {document.writable && !create.creating && !empty ? (
          <button type="button" className="button button--primary" onClick={create.open}>
            {newLabel}
          </button>
        ) : null}
      </SectionHeader>
      {notice}

      {create.creating ? (
        <div className="card">
          {renderCreateForm(
            {
              label: newLabel,
              submitLabel: createLabel,
              error: create.error,
              onCancel: create.close,
            },
            create.save,
          )}
        </div>
      ) : null}
      {filters}

      {document.items.length === 0 ? (
        document.loading ? (
          <PageStatus>{t("common.loading")}</PageStatus>
        ) : create.creating ? null : (
          <EmptyState
            title={emptyText}
            text={document.writable ? emptyHint : `${emptyHint} ${t("empty.readOnly")}`}
            action={document.writable ? { label: newLabel, onClick: create.open } : null}
          />
        )
      ) : (
        children
      )}
      {footer}
    </section>
  );
}
