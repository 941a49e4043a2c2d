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
  DueDateField,
  LevelField,
  OwnerAndAssigneeFields,
  TitleField,
} from "../../items";
import { usePartnershipContext } from "../../partnerships";

export interface IssueFormValues {
  kind: IssueKind;
  title: string;
  description: string;
  ownerOrganizationId: string;
  assigneeUserId: string | null;
  severity: Severity;
  status: IssueStatus;
  dueDate: string | null;
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
  const { me } = usePartnershipContext();
  const [kind, setKind] = useState<IssueKind>(initial?.kind ?? "issue");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [owner, setOwner] = useState(initial?.ownerOrganizationId ?? me.organizationId);
  const [assignee, setAssignee] = useState(initial?.assigneeUserId ?? "");
  const [severity, setSeverity] = useState<Severity>(initial?.severity ?? "medium");
  const [status, setStatus] = useState<IssueStatus>(initial?.status ?? "open");
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? "");
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
      ownerOrganizationId: owner,
      assigneeUserId: assignee === "" ? null : assignee,
      severity,
      status,
      dueDate: dueDate === "" ? null : dueDate,
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
      <OwnerAndAssigneeFields
        owner={owner}
        assignee={assignee}
        onOwnerChange={setOwner}
        onAssigneeChange={setAssignee}
      />
      <DueDateField value={dueDate} onChange={setDueDate} />
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
