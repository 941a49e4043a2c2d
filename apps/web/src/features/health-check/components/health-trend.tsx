import type { HealthCheckResponse, HealthCheckView } from "@entente/protocol";
import { useEffect, useState } from "react";
import { useT } from "../../../i18n";
import type { ColoredOrganization } from "../../partnerships";
import { healthChecksApi } from "../api/health-checks-api";
import { overallAverage } from "../state/health-results";
import { TableScroll } from "../../../ui/table-scroll";

/** Each closed cycle's overall average per organization, oldest first: the trend. */
export function HealthTrend({
  cycles,
  organizations,
}: {
  cycles: readonly HealthCheckView[];
  organizations: readonly ColoredOrganization[];
}) {
  const t = useT();
  const closed = cycles.filter((c) => c.status === "closed");
  const key = closed.map((c) => c.id).join(",");
  const [answers, setAnswers] = useState<HealthCheckResponse[] | null>(null);

  useEffect(() => {
    let current = true;
    const ids = key === "" ? [] : key.split(",");
    void Promise.all(ids.map((id) => healthChecksApi.read(id))).then(
      (all) => {
        if (current) setAnswers(all.reverse());
      },
      () => {
        if (current) setAnswers([]);
      },
    );
    return () => {
      current = false;
    };
  }, [key]);

  if (closed.length < 2 || answers === null) return null;
  return (
    <TableScroll>
      <table className="health-table health-trend" data-testid="health-trend">
        <caption>{t("health.trend.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("health.trend.cycle")}</th>
            {organizations.map((o) => (
              <th scope="col" key={o.id}>
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {answers.map((answer) => (
            <tr key={answer.healthCheck.id}>
              <th scope="row">{answer.healthCheck.title}</th>
              {organizations.map((o) => {
                const mine = answer.results.filter((r) => r.organizationId === o.id);
                const value = overallAverage(mine);
                return <td key={o.id}>{value === null ? "—" : value.toFixed(2)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
