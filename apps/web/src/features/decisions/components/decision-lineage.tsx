import type { Decision } from "@entente/schema";
import { useT } from "../../../i18n";

/**
 * Which decision this one replaces, and which replaced it: "superseded by" is worked out
 * from the newer decision, never written into the older one (frozen once decided).
 */
export function DecisionLineage({
  supersedes,
  supersededBy,
  onProposeChange,
}: {
  supersedes: Decision | null;
  supersededBy: Decision | null;
  onProposeChange: (() => void) | null;
}) {
  const t = useT();
  return (
    <>
      {supersedes ? (
        <p className="decision__lineage muted" data-testid="decision-supersedes">
          {t("decision.supersedes")} <a href={`#decision-${supersedes.id}`}>{supersedes.title}</a>
        </p>
      ) : null}
      {supersededBy ? (
        <p className="decision__lineage" data-testid="decision-superseded-by">
          {t("decision.supersededBy")}{" "}
          <a href={`#decision-${supersededBy.id}`}>{supersededBy.title}</a>
        </p>
      ) : onProposeChange ? (
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={onProposeChange}
        >
          {t("decision.proposeChange")}
        </button>
      ) : null}
    </>
  );
}
