import type { GovernanceLevel } from "@entente/domain";
import type { DecisionStatus } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { ChoiceField, ItemForm } from "../../../ui/fields";
import { type ItemFormProps, DescriptionField, LevelField, TitleField } from "../../items";

export interface DecisionFormValues {
  title: string;
  context: string;
  governanceLevel: GovernanceLevel;
  status: DecisionStatus;
}

/**
 * What people may set as a decision's status. Approved and rejected are the server's word
 * (two keys), so they are only kept when the document already says so.
 */
const EDITABLE_STATUSES: readonly DecisionStatus[] = ["draft", "proposed", "withdrawn"];

export function DecisionForm({
  initial,
  onSubmit,
  ...form
}: ItemFormProps<DecisionFormValues> & { initial: DecisionFormValues | null }) {
  const t = useT();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [context, setContext] = useState(initial?.context ?? "");
  const [level, setLevel] = useState<GovernanceLevel>(initial?.governanceLevel ?? "strategic");
  const [status, setStatus] = useState<DecisionStatus>(initial?.status ?? "proposed");
  const statuses =
    initial && !EDITABLE_STATUSES.includes(initial.status)
      ? [...EDITABLE_STATUSES, initial.status]
      : EDITABLE_STATUSES;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ title: title.trim(), context, governanceLevel: level, status });
  };

  return (
    <ItemForm {...form} testId="decision-form" onSubmit={submit}>
      <TitleField label={t("decision.field.title")} value={title} onChange={setTitle} />
      <DescriptionField label={t("decision.field.context")} value={context} onChange={setContext} />
      <LevelField value={level} onChange={setLevel} />
      <ChoiceField
        label={t("field.status")}
        value={status}
        values={statuses}
        optionLabel={(v) => t(`decision.status.${v}`)}
        onChange={setStatus}
      />
    </ItemForm>
  );
}
