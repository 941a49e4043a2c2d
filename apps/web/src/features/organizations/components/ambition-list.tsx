import { FIELD_LIMITS, type Ambition, type ReadResult } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { ItemForm, TextAreaField } from "../../../ui/fields";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { EditableList, type ItemFormProps, useItemEditor } from "../../items";
import type { ProfileWriter } from "../hooks/use-profiles";

/** What the organization hopes to get out of the partnership, in its own words. */
export function AmbitionList({
  ambitions,
  writable,
  readOnlyHint,
  write,
}: {
  ambitions: ReadResult<Ambition>[];
  writable: boolean;
  /** Who may add here, said to a reader who may not. */
  readOnlyHint: string;
  write: ProfileWriter;
}) {
  const t = useT();
  return (
    <EditableList
      className="profile-block"
      heading="h3"
      title={t("ambition.title")}
      addLabel={t("ambition.add")}
      emptyText={t("ambition.empty")}
      emptyHint={t("ambition.emptyHint")}
      readOnlyHint={readOnlyHint}
      listClassName="profile-list"
      entries={ambitions}
      writable={writable}
      onRemove={(id) => write.removeAmbition(id)}
      renderAddForm={(form, save) => (
        <AmbitionForm
          {...form}
          initial=""
          onSubmit={(statement) => save(() => write.addAmbition({ statement }))}
        />
      )}
      renderItem={(ambition) => (
        <AmbitionItem key={ambition.id} ambition={ambition} writable={writable} write={write} />
      )}
    />
  );
}

function AmbitionItem({
  ambition,
  writable,
  write,
}: {
  ambition: Ambition;
  writable: boolean;
  write: ProfileWriter;
}) {
  const t = useT();
  const editor = useItemEditor<{ statement: string }>();
  if (editor.snapshot) {
    return (
      <li>
        <AmbitionForm
          initial={editor.snapshot.statement}
          label={t("ambition.edit")}
          submitLabel={t("common.save")}
          error={editor.error}
          onCancel={editor.cancel}
          onSubmit={(statement) =>
            // The whole statement is written, changed or not.
            editor.save({ statement }, () => write.updateAmbition(ambition.id, { statement }))
          }
        />
      </li>
    );
  }
  return (
    <li
      className="profile-item profile-item--ambition"
      data-testid="ambition"
      data-ambition-id={ambition.id}
    >
      <p className="profile-item__text">{ambition.statement}</p>
      {writable ? (
        <ItemTools
          editName={t("ambition.edit")}
          deleteName={t("ambition.delete")}
          onEdit={() => editor.edit({ statement: ambition.statement })}
          onDelete={() => editor.run(() => write.removeAmbition(ambition.id))}
        />
      ) : null}
      <WriteError error={editor.error} />
    </li>
  );
}

function AmbitionForm({ initial, onSubmit, ...form }: ItemFormProps<string> & { initial: string }) {
  const t = useT();
  const [statement, setStatement] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (statement.trim() === "") return;
    onSubmit(statement.trim());
  };
  return (
    <ItemForm {...form} nested grid={false} onSubmit={submit}>
      <TextAreaField
        label={t("ambition.field.statement")}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        required
        maxLength={FIELD_LIMITS.text}
        autoFocus
      />
    </ItemForm>
  );
}
