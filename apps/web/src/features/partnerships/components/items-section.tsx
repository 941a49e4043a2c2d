import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { PageStatus } from "../../../ui/page-status";
import { useCreateIntent } from "../hooks/use-create-intent";
import { useCreateForm } from "../hooks/use-item-editor";
import type { PartnershipDocument } from "../hooks/use-partnership-documents";
import type { ItemFormProps } from "./editable-list";
import { SectionHeader } from "./section-header";

/**
 * A section showing the items of one list document: its header with the "new" button, the
 * create form in a card, then the items (`children`), or "loading" or the empty text while
 * there are none.
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
  return (
    <section className="section" aria-labelledby={id}>
      <SectionHeader id={id} title={title} subtitle={subtitle} document={document}>
        {document.writable && !create.creating ? (
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
        ) : (
          <p className="empty">{emptyText}</p>
        )
      ) : (
        children
      )}
      {footer}
    </section>
  );
}
