import type { Severity } from "@entente/schema";
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
