import { DeletedObjective } from "../../records";
import {
  CONSTRAINT_KINDS,
  type Constraint,
  type ConstraintKind,
  type ReadResult,
  type Severity,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { CheckboxGroup, ChoiceField, ItemForm } from "../../../ui/fields";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { ItemComments } from "../../comments";
import { EditableList, type ItemFormProps, DescriptionField, useItemEditor } from "../../items";
import type { ProfileWriter } from "../hooks/use-profiles";
import { SeverityBadge, SeverityField } from "./severity-badge";

interface ConstraintFormValues {
  kind: ConstraintKind;
  severity: Severity;
  description: string;
  affectedObjectiveIds: string[];
}

type ObjectiveTitle = { id: string; title: string };

/** Where the organization is constrained, and which objectives that weighs on. */
export function ConstraintList({
  constraints,
  objectives,
  writable,
  readOnlyHint,
  write,
}: {
  constraints: ReadResult<Constraint>[];
  objectives: readonly ObjectiveTitle[];
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
      title={t("constraint.title")}
      addLabel={t("constraint.add")}
      emptyText={t("constraint.empty")}
      emptyHint={t("constraint.emptyHint")}
      readOnlyHint={readOnlyHint}
      listClassName="profile-list"
      entries={constraints}
      writable={writable}
      onRemove={(id) => write.removeConstraint(id)}
      renderAddForm={(form, save) => (
        <ConstraintForm
          {...form}
          initial={null}
          objectives={objectives}
          onSubmit={(values) => save(() => write.addConstraint(values))}
        />
      )}
      renderItem={(constraint) => (
        <ConstraintItem
          key={constraint.id}
          constraint={constraint}
          objectives={objectives}
          writable={writable}
          write={write}
        />
      )}
    />
  );
}

function ConstraintItem({
  constraint,
  objectives,
  writable,
  write,
}: {
  constraint: Constraint;
  objectives: readonly ObjectiveTitle[];
  writable: boolean;
  write: ProfileWriter;
}) {
  const t = useT();
  const editor = useItemEditor<ConstraintFormValues>();

  if (editor.snapshot) {
    return (
      <li>
        <ConstraintForm
          initial={editor.snapshot}
          objectives={objectives}
          label={t("constraint.edit")}
          submitLabel={t("common.save")}
          error={editor.error}
          onCancel={editor.cancel}
          onSubmit={(values) =>
            editor.save(values, (patch) => write.updateConstraint(constraint.id, patch))
          }
        />
      </li>
    );
  }

  return (
    <li className="profile-item" data-testid="constraint" data-constraint-id={constraint.id}>
      <div className="profile-item__head">
        <span className="pill">{t(`constraint.kind.${constraint.kind}`)}</span>
        <SeverityBadge severity={constraint.severity} />
        <ItemComments
          kind="constraint"
          id={constraint.id}
          title={constraint.description || t(`constraint.kind.${constraint.kind}`)}
        />
        {writable ? (
          <ItemTools
            editName={t("constraint.edit")}
            deleteName={t("constraint.delete")}
            onEdit={() =>
              editor.edit({
                kind: constraint.kind,
                severity: constraint.severity,
                description: constraint.description,
                affectedObjectiveIds: constraint.affectedObjectiveIds,
              })
            }
            onDelete={() => editor.run(() => write.removeConstraint(constraint.id))}
          />
        ) : null}
      </div>
      {constraint.description ? (
        <p className="profile-item__text">{constraint.description}</p>
      ) : null}
      {constraint.affectedObjectiveIds.length > 0 ? (
        <p className="profile-item__affects">
          <span className="muted">{t("constraint.affects")}</span>{" "}
          {constraint.affectedObjectiveIds.map((id) => (
            <span key={id} className="objective-ref">
              {objectives.find((o) => o.id === id)?.title ?? <DeletedObjective id={id} />}
            </span>
          ))}
        </p>
      ) : null}
      <WriteError error={editor.error} />
    </li>
  );
}

function ConstraintForm({
  initial,
  objectives,
  onSubmit,
  ...form
}: ItemFormProps<ConstraintFormValues> & {
  initial: ConstraintFormValues | null;
  objectives: readonly ObjectiveTitle[];
}) {
  const t = useT();
  const [kind, setKind] = useState<ConstraintKind>(initial?.kind ?? "budget");
  const [severity, setSeverity] = useState<Severity>(initial?.severity ?? "medium");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [affected, setAffected] = useState<string[]>(initial?.affectedObjectiveIds ?? []);
  // Links to objectives deleted since are kept unless unticked.
  const options = [
    ...objectives.map((o) => ({ value: o.id, label: o.title })),
    ...affected
      .filter((id) => !objectives.some((o) => o.id === id))
      .map((id) => ({ value: id, label: t("issue.deletedObjective") })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ kind, severity, description, affectedObjectiveIds: affected });
  };

  return (
    <ItemForm {...form} nested onSubmit={submit}>
      <ChoiceField
        label={t("field.kind")}
        value={kind}
        values={CONSTRAINT_KINDS}
        optionLabel={(v) => t(`constraint.kind.${v}`)}
        onChange={setKind}
      />
      <SeverityField value={severity} onChange={setSeverity} />
      <DescriptionField
        label={t("field.description")}
        value={description}
        onChange={setDescription}
      />
      <div className="item-form__wide">
        {options.length > 0 ? (
          <CheckboxGroup
            legend={t("constraint.field.affects")}
            options={options}
            selected={affected}
            onChange={setAffected}
          />
        ) : (
          <p className="muted">{t("constraint.noObjectives")}</p>
        )}
      </div>
    </ItemForm>
  );
}
