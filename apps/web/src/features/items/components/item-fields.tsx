import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import { FIELD_LIMITS } from "@entente/schema";
import { useT } from "../../../i18n";
import { ChoiceField, InputField, SelectField, TextAreaField } from "../../../ui/fields";
import { GlossaryTerm } from "../../glossary";
import type { PlanningState } from "../hooks/use-planning";
import { useMemberOptions, useOrganizationOptions } from "../hooks/use-select-options";

type TextFieldProps = { label: string; value: string; onChange: (value: string) => void };

/** The title of an item: required, the first field, focused. */
export function TitleField({ label, value, onChange }: TextFieldProps) {
  return (
    <InputField
      className="item-form__wide"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      maxLength={FIELD_LIMITS.title}
      autoFocus
    />
  );
}

/** A free-text description across the whole form. */
export function DescriptionField({ label, value, onChange }: TextFieldProps) {
  return (
    <TextAreaField
      className="item-form__wide"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      maxLength={FIELD_LIMITS.text}
    />
  );
}

/** The unit a quantity is counted in (`""`: none); `placeholder` suggests the usual ones. */
export function UnitField({
  value,
  onChange,
  placeholder,
}: Omit<TextFieldProps, "label"> & { placeholder: string }) {
  const t = useT();
  return (
    <InputField
      label={t("field.unit")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      maxLength={FIELD_LIMITS.unit}
      placeholder={placeholder}
    />
  );
}

/** An optional due date (`""`: none). */
export function DueDateField({ value, onChange }: Omit<TextFieldProps, "label">) {
  const t = useT();
  return (
    <InputField
      label={t("field.dueDate")}
      type="date"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A governance level. */
export function LevelField({
  label,
  value,
  onChange,
}: {
  label?: string;
  value: GovernanceLevel;
  onChange: (value: GovernanceLevel) => void;
}) {
  const t = useT();
  return (
    <ChoiceField
      label={label ?? t("field.level")}
      labelAddon={<GlossaryTerm term="governanceLevel" />}
      value={value}
      values={GOVERNANCE_LEVELS}
      optionLabel={(v) => t(`level.${v}`)}
      onChange={onChange}
    />
  );
}

/**
 * Who owns the item (an organization of the partnership), who it is assigned to (`""`: nobody)
 * and when it is due: the planning fields of an action's or an issue's form.
 */
export function PlanningFields({ planning }: { planning: PlanningState }) {
  const t = useT();
  const organizationOptions = useOrganizationOptions();
  const memberOptions = useMemberOptions();
  return (
    <>
      <SelectField
        label={t("field.ownerOrganization")}
        value={planning.owner}
        onChange={(e) => planning.setOwner(e.target.value)}
        options={organizationOptions}
      />
      <SelectField
        label={t("field.assignee")}
        value={planning.assignee}
        onChange={(e) => planning.setAssignee(e.target.value)}
        options={memberOptions}
      />
      <DueDateField value={planning.dueDate} onChange={planning.setDueDate} />
    </>
  );
}
