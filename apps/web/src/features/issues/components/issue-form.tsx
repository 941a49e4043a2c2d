import type { GovernanceLevel } from "@entente/domain";
import {
  ISSUE_KINDS,
  ISSUE_STATUSES,
  type IssueKind,
  type IssueStatus,
  type Severity,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { ChoiceField, ItemForm, SelectField } from "../../../ui/fields";
import { SeverityField } from "../../organizations";
import {
  type ItemFormProps,
  DescriptionField,
  LevelField,
  type Planning,
  PlanningFields,
  TitleField,
  usePlanning,
} from "../../items";

export interface IssueFormValues extends Planning {
  kind: IssueKind;
  title: string;
  description: string;
  severity: Severity;
  status: IssueStatus;
  linkedObjectiveId: string | null;
  escalationLevel: GovernanceLevel;
}

/** Creates or edits an entry of the open-issues log. */
export function IssueForm({
  initial,
  objectives,
  onSubmit,
  ...form
}: ItemFormProps<IssueFormValues> & {
  initial: IssueFormValues | null;
  /** The objectives it may be linked to. */
  objectives: readonly { id: string; title: string }[];
}) {
  const t = useT();
  const [kind, setKind] = useState<IssueKind>(initial?.kind ?? "issue");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const planning = usePlanning(initial);
  const [severity, setSeverity] = useState<Severity>(initial?.severity ?? "medium");
  const [status, setStatus] = useState<IssueStatus>(initial?.status ?? "open");
  const [objective, setObjective] = useState(initial?.linkedObjectiveId ?? "");
  const [escalation, setEscalation] = useState<GovernanceLevel>(
    initial?.escalationLevel ?? "operational",
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      kind,
      title: title.trim(),
      description,
      ...planning.values(),
      severity,
      status,
      linkedObjectiveId: objective === "" ? null : objective,
      escalationLevel: escalation,
    });
  };

  const objectiveOptions = [
    { value: "", label: t("issue.noObjective") },
    ...objectives.map((o) => ({ value: o.id, label: o.title })),
    // A link to an objective deleted meanwhile stays selectable, so saving keeps it.
    ...(initial?.linkedObjectiveId && !objectives.some((o) => o.id === initial.linkedObjectiveId)
      ? [{ value: initial.linkedObjectiveId, label: t("issue.deletedObjective") }]
      : []),
  ];

  return (
    <ItemForm {...form} testId="issue-form" onSubmit={submit}>
      <TitleField label={t("issue.field.title")} value={title} onChange={setTitle} />
      <ChoiceField
        label={t("issue.field.kind")}
        value={kind}
        values={ISSUE_KINDS}
        optionLabel={(v) => t(`issue.kind.${v}`)}
        onChange={setKind}
      />
      <SeverityField value={severity} onChange={setSeverity} />
      <ChoiceField
        label={t("field.status")}
        value={status}
        values={ISSUE_STATUSES}
        optionLabel={(v) => t(`issue.status.${v}`)}
        onChange={setStatus}
      />
      <PlanningFields planning={planning} />
      <SelectField
        label={t("issue.field.objective")}
        value={objective}
        onChange={(e) => setObjective(e.target.value)}
        options={objectiveOptions}
      />
      <LevelField label={t("issue.field.escalation")} value={escalation} onChange={setEscalation} />
      <DescriptionField
        label={t("issue.field.description")}
        value={description}
        onChange={setDescription}
      />
    </ItemForm>
  );
}
