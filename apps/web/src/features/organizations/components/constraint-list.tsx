import { DeletedObjective } from "../../records";
import {
  CONSTRAINT_KINDS,
  type Constraint,
  type ConstraintKind,
  type Severity,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { CheckboxGroup, ChoiceField, ItemForm } from "../../../ui/fields";
import { DescriptionField } from "../../items";
import {
  ProfileEntryHead,
  ProfileList,
  type ProfileListProps,
  type ProfileFormProps,
} from "./profile-list";
import { SeverityBadge, SeverityField } from "./severity-badge";

/** What the form of a constraint edits. */
const FORM_FIELDS = ["kind", "severity", "description", "affectedObjectiveIds"] as const;
type ConstraintFormValues = Pick<Constraint, (typeof FORM_FIELDS)[number]>;

type ObjectiveTitle = { id: string; title: string };

/** Where the organization is constrained, and which objectives that weighs on. */
export function ConstraintList({
  objectives,
  write,
  ...list
}: ProfileListProps<Constraint> & { objectives: readonly ObjectiveTitle[] }) {
  const t = useT();
  return (
    <ProfileList
      kind="constraint"
      {...list}
      write={write.constraint}
      fields={FORM_FIELDS}
      renderForm={(form) => <ConstraintForm {...form} objectives={objectives} />}
      renderEntry={(constraint, tools) => (
        <>
          <ProfileEntryHead
            kind="constraint"
            id={constraint.id}
            kindLabel={t(`constraint.kind.${constraint.kind}`)}
            description={constraint.description}
            tools={tools}
          >
            <SeverityBadge severity={constraint.severity} />
          </ProfileEntryHead>
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
        </>
      )}
    />
  );
}

function ConstraintForm({
  initial,
  objectives,
  onSubmit,
  ...form
}: ProfileFormProps<ConstraintFormValues> & {
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
