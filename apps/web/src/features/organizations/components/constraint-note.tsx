import type { Constraint } from "@entente/schema";
import { useT } from "../../../i18n";
import { OrganizationChip } from "../../partnerships";
import { SeverityBadge } from "./severity-badge";

/** A constraint shown beside an objective it weighs on: whose, what kind, how serious. */
export function ConstraintNote({
  organizationId,
  constraint,
}: {
  organizationId: string;
  constraint: Constraint;
}) {
  const t = useT();
  return (
    <li className="constraint-note" data-testid="constraint-note">
      <div className="constraint-note__head">
        <OrganizationChip organizationId={organizationId} />
        <SeverityBadge severity={constraint.severity} />
      </div>
      <p className="constraint-note__kind">{t(`constraint.kind.${constraint.kind}`)}</p>
      {constraint.description ? (
        <p className="constraint-note__text">{constraint.description}</p>
      ) : null}
    </li>
  );
}
