import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import {
  FIELD_LIMITS,
  ISSUE_KINDS,
  ISSUE_STATUSES,
  SEVERITIES,
  type IssueKind,
  type IssueStatus,
  type Severity,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { FormFooter, InputField, SelectField, TextAreaField } from "../../../ui/fields";
import {
  useMemberOptions,
  useOrganizationOptions,
} from "../../partnerships/hooks/use-select-options";
import { usePartnershipContext } from "../../partnerships/state/partnership-context";

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
  label,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  initial: IssueFormValues | null;
  /** The objectives it may be linked to. */
  objectives: readonly { id: string; title: string }[];
  label: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (values: IssueFormValues) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { me } = usePartnershipContext();
  const organizationOptions = useOrganizationOptions();
  const memberOptions = useMemberOptions();
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
    <form className="item-form" aria-label={label} onSubmit={submit} data-testid="issue-form">
      <div className="item-form__grid">
        <InputField
          className="item-form__wide"
          label={t("issue.field.title")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={FIELD_LIMITS.title}
          autoFocus
        />
        <SelectField
          label={t("issue.field.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as IssueKind)}
          options={ISSUE_KINDS.map((v) => ({ value: v, label: t(`issue.kind.${v}`) }))}
        />
        <SelectField
          label={t("field.severity")}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as Severity)}
          options={SEVERITIES.map((v) => ({ value: v, label: t(`severity.${v}`) }))}
        />
        <SelectField
          label={t("field.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as IssueStatus)}
          options={ISSUE_STATUSES.map((v) => ({ value: v, label: t(`issue.status.${v}`) }))}
        />
        <SelectField
          label={t("field.ownerOrganization")}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          options={organizationOptions}
        />
        <SelectField
          label={t("field.assignee")}
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          options={memberOptions}
        />
        <InputField
          label={t("field.dueDate")}
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
        />
        <SelectField
          label={t("issue.field.objective")}
          value={objective}
          onChange={(e) => setObjective(e.target.value)}
          options={objectiveOptions}
        />
        <SelectField
          label={t("issue.field.escalation")}
          value={escalation}
          onChange={(e) => setEscalation(e.target.value as GovernanceLevel)}
          options={GOVERNANCE_LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))}
        />
        <TextAreaField
          className="item-form__wide"
          label={t("issue.field.description")}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={FIELD_LIMITS.text}
        />
      </div>
      <FormFooter
        submitLabel={submitLabel}
        cancelLabel={t("common.cancel")}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}
