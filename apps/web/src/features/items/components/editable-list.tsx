import type { ReadResult } from "@entente/schema";
import type { ReactNode } from "react";
import { useT, type MessageKey } from "../../../i18n";
import { EmptyState } from "../../../ui/empty-state";
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

/** The kinds of item whose words are all there: `<kind>.title`, `.add`, `.empty`, `.emptyHint`. */
type ListKind = {
  [K in MessageKey]: K extends `${infer Kind}.emptyHint`
    ? `${Kind}.title` | `${Kind}.add` | `${Kind}.empty` extends MessageKey
      ? Kind
      : never
    : never;
}[MessageKey];

/** How an editable list of `kind`s names itself, its "add" button and its empty state. */
export function useListWording(kind: ListKind) {
  const t = useT();
  return {
    title: t(`${kind}.title`),
    addLabel: t(`${kind}.add`),
    emptyText: t(`${kind}.empty`),
    emptyHint: t(`${kind}.emptyHint`),
  };
}

/** What an {@link EditableList} of `T` is given. */
export interface EditableListProps<T extends { id: string }> {
  className: string;
  heading: "h3" | "h4";
  title: string;
  addLabel: string;
  emptyText: string;
  /** What the list will hold, said while it is empty. */
  emptyHint: string;
  /** Who may add, said to a reader who may not; by default, editors and admins. */
  readOnlyHint?: string | undefined;
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
}

/**
 * A titled list of the items of a live document, with its "add" button and form, its empty
 * state (what the list is for, and the "add" button or who may add), and unreadable entries in place (deletable by writers). Items render themselves,
 * edit form included; nothing to write is offered unless `writable`.
 */
export function EditableList<T extends { id: string }>({
  className,
  heading: Heading,
  title,
  addLabel,
  emptyText,
  emptyHint,
  readOnlyHint,
  listClassName,
  entries,
  writable,
  renderAddForm,
  renderItem,
  onRemove,
  children,
}: EditableListProps<T>) {
  const t = useT();
  const create = useCreateForm();
  const empty = entries.length === 0;
  return (
    // A group, not a landmark: every objective and organization repeats these lists.
    <div className={className} role="group" aria-label={title}>
      <header className="subsection__header">
        <Heading className="subsection__title">
          {title} <span className="count">{entries.length}</span>
        </Heading>
        {writable && !create.creating && !empty ? (
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
      {empty && !create.creating ? (
        <EmptyState
          title={emptyText}
          text={writable ? emptyHint : `${emptyHint} ${readOnlyHint ?? t("empty.readOnly")}`}
          action={writable ? { label: addLabel, onClick: create.open } : null}
        />
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
