import type { ReadResult } from "@entente/schema";
import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { ItemComments } from "../../comments";
import { EditableList, type ItemFormProps, useItemEditor, useListWording } from "../../items";
import type { ProfileWriter } from "../hooks/use-profiles";

/** The lists of a profile; each names its words (`ambition.title`, `ambition.edit`…). */
type ProfileKind = "ambition" | "contribution" | "constraint";

/** What a profile's list of `T` is given by its column. */
export interface ProfileListProps<T> {
  entries: readonly ReadResult<T>[];
  writable: boolean;
  /** Who may add here, said to a reader who may not. */
  readOnlyHint: string;
  write: ProfileWriter;
}

/** The writes of a profile's list, as its form gives them (`V`: the values of the form). */
interface EntryWriter<V> {
  add: (values: V) => unknown;
  update: (id: string, changed: Partial<V>) => unknown;
  remove: (id: string) => unknown;
}

function pick<T, K extends keyof T>(entry: T, fields: readonly K[]): Pick<T, K> {
  return Object.fromEntries(fields.map((field) => [field, entry[field]])) as Pick<T, K>;
}

/** The form of a profile entry: empty (`initial` null) to add one, filled to edit one. */
export type ProfileFormProps<V> = ItemFormProps<V> & { initial: V | null };

/**
 * One list of an organization's profile: its entries, the form that adds one, and each entry
 * with its edit and delete buttons (for writers) and its edit form in its place.
 */
export function ProfileList<T extends { id: string }, K extends keyof T>({
  kind,
  entries,
  writable,
  readOnlyHint,
  write,
  writesWhole = false,
  fields,
  renderForm,
  renderEntry,
  entryClassName = "profile-item",
}: Omit<ProfileListProps<T>, "write"> & {
  kind: ProfileKind;
  write: EntryWriter<Pick<T, K>>;
  /** Saving an edit writes every field, changed or not (by default, only the changed ones). */
  writesWhole?: boolean;
  /** The fields the form edits. */
  fields: readonly K[];
  renderForm: (form: ProfileFormProps<Pick<T, K>>) => ReactNode;
  /** What an entry shows; `tools` (its edit and delete buttons, or nothing) go where it says. */
  renderEntry: (entry: T, tools: ReactNode) => ReactNode;
  entryClassName?: string;
}) {
  return (
    <EditableList
      className="profile-block"
      heading="h3"
      {...useListWording(kind)}
      readOnlyHint={readOnlyHint}
      listClassName="profile-list"
      entries={entries}
      writable={writable}
      onRemove={write.remove}
      renderAddForm={(form, save) =>
        renderForm({ ...form, initial: null, onSubmit: (values) => save(() => write.add(values)) })
      }
      renderItem={(entry) => (
        <ProfileEntry
          key={entry.id}
          kind={kind}
          entry={entry}
          writable={writable}
          className={entryClassName}
          write={write}
          writesWhole={writesWhole}
          fields={fields}
          renderForm={renderForm}
          renderEntry={renderEntry}
        />
      )}
    />
  );
}

function ProfileEntry<T extends { id: string }, K extends keyof T>({
  kind,
  entry,
  writable,
  className,
  write,
  writesWhole,
  fields,
  renderForm,
  renderEntry,
}: {
  kind: ProfileKind;
  entry: T;
  writable: boolean;
  className: string;
  write: EntryWriter<Pick<T, K>>;
  writesWhole: boolean;
  fields: readonly K[];
  renderForm: (form: ProfileFormProps<Pick<T, K>>) => ReactNode;
  renderEntry: (entry: T, tools: ReactNode) => ReactNode;
}) {
  const t = useT();
  const editor = useItemEditor<Pick<T, K>>();
  if (editor.snapshot) {
    return (
      <li>
        {renderForm({
          initial: editor.snapshot,
          label: t(`${kind}.edit`),
          submitLabel: t("common.save"),
          error: editor.error,
          onCancel: editor.cancel,
          onSubmit: (values) =>
            editor.save(values, (changed) =>
              write.update(entry.id, writesWhole ? values : changed),
            ),
        })}
      </li>
    );
  }
  const tools = writable ? (
    <ItemTools
      editName={t(`${kind}.edit`)}
      deleteName={t(`${kind}.delete`)}
      onEdit={() => editor.edit(pick(entry, fields))}
      onDelete={() => editor.run(() => write.remove(entry.id))}
    />
  ) : null;
  return (
    <li className={className} data-testid={kind} {...{ [`data-${kind}-id`]: entry.id }}>
      {renderEntry(entry, tools)}
      <WriteError error={editor.error} />
    </li>
  );
}

/**
 * The head of a contribution or a constraint (its kind, what `children` add, its comments and
 * tools) and its description.
 */
export function ProfileEntryHead({
  kind,
  id,
  kindLabel,
  description,
  tools,
  children,
}: {
  kind: "contribution" | "constraint";
  id: string;
  kindLabel: string;
  description: string;
  tools: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <div className="profile-item__head">
        <span className="pill">{kindLabel}</span>
        {children}
        <ItemComments kind={kind} id={id} title={description || kindLabel} />
        {tools}
      </div>
      {description ? <p className="profile-item__text">{description}</p> : null}
    </>
  );
}
