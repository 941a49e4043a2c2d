import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import { FIELD_LIMITS, OBJECTIVE_STATUSES, type ObjectiveStatus } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import {
  CheckboxGroup,
  FormFooter,
  InputField,
  SelectField,
  TextAreaField,
} from "../../../ui/fields";
import { OrganizationChip } from "../../partnerships/components/organization-chip";
import { usePartnershipContext } from "../../partnerships/state/partnership-context";

export interface ObjectiveFormValues {
  title: string;
  description: string;
  ownerOrganizationIds: string[];
  governanceLevel: GovernanceLevel;
  status: ObjectiveStatus;
  dueDate: string | null;
}

/** Creates or edits an objective: title, description, owners, level, status, due date. */
export function ObjectiveForm({
  initial,
  label,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  initial: ObjectiveFormValues | null;
  label: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (values: ObjectiveFormValues) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { organizations, me } = usePartnershipContext();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [owners, setOwners] = useState<string[]>(
    initial?.ownerOrganizationIds ?? (me.organizationId ? [me.organizationId] : []),
  );
  const [level, setLevel] = useState<GovernanceLevel>(initial?.governanceLevel ?? "tactical");
  const [status, setStatus] = useState<ObjectiveStatus>(initial?.status ?? "proposed");
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? "");
  const [ownersMissing, setOwnersMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (owners.length === 0) {
      setOwnersMissing(true);
      return;
    }
    onSubmit({
      title: title.trim(),
      description,
      ownerOrganizationIds: owners,
      governanceLevel: level,
      status,
      dueDate: dueDate === "" ? null : dueDate,
    });
  };

  return (
    <form className="item-form" aria-label={label} onSubmit={submit} data-testid="objective-form">
      <div className="item-form__grid">
        <InputField
          className="item-form__wide"
          label={t("objective.field.title")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={FIELD_LIMITS.title}
          autoFocus
        />
        <TextAreaField
          className="item-form__wide"
          label={t("objective.field.description")}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={FIELD_LIMITS.text}
        />
        <div className="item-form__wide">
          <CheckboxGroup
            legend={t("objective.field.owners")}
            options={organizations.map((o) => ({
              value: o.id,
              label: <OrganizationChip organizationId={o.id} />,
            }))}
            selected={owners}
            onChange={(next) => {
              setOwners(next);
              setOwnersMissing(false);
            }}
          />
          {ownersMissing ? (
            <p className="form-error" role="alert">
              {t("objective.ownersRequired")}
            </p>
          ) : null}
        </div>
        <SelectField
          label={t("field.level")}
          value={level}
          onChange={(e) => setLevel(e.target.value as GovernanceLevel)}
          options={GOVERNANCE_LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))}
        />
        <SelectField
          label={t("field.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as ObjectiveStatus)}
          options={OBJECTIVE_STATUSES.map((v) => ({ value: v, label: t(`objective.status.${v}`) }))}
        />
        <InputField
          label={t("field.dueDate")}
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
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
