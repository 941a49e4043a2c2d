import type { ComponentType } from "react";
import {
  EditableList,
  type EditableListProps,
  type ItemFormProps,
  useListWording,
} from "../../items";

/**
 * One list of an objective's items (its actions, its KPIs): worded and styled by the kind it
 * holds, with `form` (empty) to add one.
 */
export function ObjectiveItemList<T extends { id: string }, V>({
  kind,
  form: Form,
  onAdd,
  ...list
}: Pick<EditableListProps<T>, "entries" | "writable" | "onRemove" | "renderItem" | "children"> & {
  kind: "action" | "kpi";
  form: ComponentType<ItemFormProps<V> & { initial: V | null }>;
  onAdd: (values: V) => unknown;
}) {
  return (
    <EditableList
      className="subsection"
      heading="h4"
      {...useListWording(kind)}
      listClassName={`${kind}-list`}
      renderAddForm={(form, save) => (
        <Form {...form} initial={null} onSubmit={(values) => save(() => onAdd(values))} />
      )}
      {...list}
    />
  );
}
