import type { GovernanceLevel } from "@entente/domain";
import { OBJECTIVE_STATUSES, type ObjectiveStatus } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { CheckboxGroup, ChoiceField, ItemForm } from "../../../ui/fields";
import {
  type ItemFormProps,
  DescriptionField,
  DueDateField,
  LevelField,
  TitleField,
} from "../../items";
import { OrganizationChip, usePartnershipContext } from "../../partnerships";

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
  onSubmit,
  ...form
}: ItemFormProps<ObjectiveFormValues> & { initial: ObjectiveFormValues | null }) {
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
    <ItemForm {...form} testId="objective-form" onSubmit={submit}>
      <TitleField label={t("objective.field.title")} value={title} onChange={setTitle} />
      <DescriptionField
        label={t("objective.field.description")}
        value={description}
        onChange={setDescription}
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
      <LevelField value={level} onChange={setLevel} />
      <ChoiceField
        label={t("field.status")}
        value={status}
        values={OBJECTIVE_STATUSES}
        optionLabel={(v) => t(`objective.status.${v}`)}
        onChange={setStatus}
      />
      <DueDateField value={dueDate} onChange={setDueDate} />
    </ItemForm>
  );
}
