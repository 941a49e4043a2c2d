import type { ReadResult } from "@entente/schema";
import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { useCreateForm } from "../hooks/use-item-editor";
import { UnreadableEntry } from "./unreadable-entry";

/** What every add/edit form of an item takes. */
export interface ItemFormProps<V> {
  label: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (values: V) => void;
  onCancel: () => void;
}

/**
 * A titled list of the items of a live document, with its "add" button and form, its empty
 * text, and unreadable entries in place (deletable by writers). Items render themselves,
 * edit form included; nothing to write is offered unless `writable`.
 */
export function EditableList<T extends { id: string }>({
  className,
  heading: Heading,
  title,
  addLabel,
  emptyText,
  emptyClassName,
  listClassName,
  entries,
  writable,
  renderAddForm,
  renderItem,
  onRemove,
  children,
}: {
  className: string;
  heading: "h3" | "h4";
  title: string;
  addLabel: string;
  emptyText: string;
  emptyClassName: string;
  listClassName: string;
  entries: readonly ReadResult<T>[];
  writable: boolean;
  /** The add form: `save` runs the write and closes the form when it went through. */
  renderAddForm: (
    form: Omit<ItemFormProps<never>, "onSubmit">,
    save: (write: () => unknown) => void,
  ) => ReactNode;
  /** One readable item, as a list item (with its own key). */
  renderItem: (item: T) => ReactNode;
  onRemove: (id: string) => unknown;
  /** Below the list (e.g. what the lens hides). */
  children?: ReactNode;
}) {
  const t = useT();
  const create = useCreateForm();
  return (
    // A group, not a landmark: every objective and organization repeats these lists.
    <div className={className} role="group" aria-label={title}>
      <header className="subsection__header">
        <Heading className="subsection__title">
          {title} <span className="count">{entries.length}</span>
        </Heading>
        {writable && !create.creating ? (
          <button type="button" className="button button--small" onClick={create.open}>
            {addLabel}
          </button>
        ) : null}
      </header>
      {create.creating
        ? renderAddForm(
            {
              label: addLabel,
              submitLabel: t("common.add"),
              error: create.error,
              onCancel: create.close,
            },
            create.save,
          )
        : null}
      {entries.length === 0 && !create.creating ? (
        <p className={emptyClassName}>{emptyText}</p>
      ) : (
        <ul className={listClassName}>
          {entries.map((entry) =>
            entry.ok ? (
              renderItem(entry.value)
            ) : (
              <li key={entry.id}>
                <UnreadableEntry
                  problem={entry.problem}
                  onDelete={writable ? () => void onRemove(entry.id) : undefined}
                />
              </li>
            ),
          )}
        </ul>
      )}
      {children}
    </div>
  );
}
