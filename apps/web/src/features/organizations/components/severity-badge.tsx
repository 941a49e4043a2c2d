import { SEVERITIES, type Severity } from "@entente/schema";
import { ChoiceField } from "../../../ui/fields";
import { useT } from "../../../i18n";

/** Low / medium / high / critical, coloured by how serious. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const t = useT();
  return (
    <span className={`severity severity--${severity}`} data-severity={severity}>
      {t(`severity.${severity}`)}
    </span>
  );
}

/** A severity to choose. */
export function SeverityField({
  value,
  onChange,
}: {
  value: Severity;
  onChange: (value: Severity) => void;
}) {
  const t = useT();
  return (
    <ChoiceField
      label={t("field.severity")}
      value={value}
      values={SEVERITIES}
      optionLabel={(v) => t(`severity.${v}`)}
      onChange={onChange}
    />
  );
}
