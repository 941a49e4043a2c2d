import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import { FIELD_LIMITS, type DecisionStatus } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { FormFooter, InputField, SelectField, TextAreaField } from "../../../ui/fields";

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
  label,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  initial: DecisionFormValues | null;
  label: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (values: DecisionFormValues) => void;
  onCancel: () => void;
}) {
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
    <form className="item-form" aria-label={label} onSubmit={submit} data-testid="decision-form">
      <div className="item-form__grid">
        <InputField
          className="item-form__wide"
          label={t("decision.field.title")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={FIELD_LIMITS.title}
          autoFocus
        />
        <TextAreaField
          className="item-form__wide"
          label={t("decision.field.context")}
          value={context}
          onChange={(e) => setContext(e.target.value)}
          maxLength={FIELD_LIMITS.text}
        />
        <SelectField
          label={t("field.level")}
          value={level}
          onChange={(e) => setLevel(e.target.value as GovernanceLevel)}
          options={GOVERNANCE_LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))}
        />
        <SelectField
          label={t("field.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as DecisionStatus)}
          options={statuses.map((v) => ({ value: v, label: t(`decision.status.${v}`) }))}
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
