import { useState } from "react";
import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { useIssues } from "../../issues";
import { sectionPath, usePartnershipContext } from "../../partnerships";

/**
 * One click turns a weak dimension into an entry of the issues log (through the issues
 * document's writer), whose description links back to the health check.
 */
export function WeakDimensionIssue({
  cycleTitle,
  dimension,
  summary,
}: {
  cycleTitle: string;
  dimension: string;
  /** The averages per side, as the table shows them. */
  summary: string;
}) {
  const t = useT();
  const { partnershipId, me } = usePartnershipContext();
  const issues = useIssues();
  const [created, setCreated] = useState(false);
  const [failed, setFailed] = useState(false);

  if (created) {
    return (
      <Link to={sectionPath(partnershipId, "issues")} data-testid="health-issue-link">
        {t("health.issue.created")}
      </Link>
    );
  }
  const raise = () => {
    try {
      issues.write.add({
        kind: "issue",
        title: t("health.issue.title", { dimension }),
        description: t("health.issue.description", {
          cycle: cycleTitle,
          summary,
          path: sectionPath(partnershipId, "health"),
        }),
        ownerOrganizationId: me.organizationId,
        severity: "medium",
      });
      setCreated(true);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={raise}>
        {t("health.issue.raise")}
      </button>
      {failed ? <span role="alert">{t("health.issue.failed")}</span> : null}
    </>
  );
}
