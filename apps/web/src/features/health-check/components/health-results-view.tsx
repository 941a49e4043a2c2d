import type { HealthCheckResponse } from "@entente/protocol";
import { Suspense } from "react";
import { useT } from "../../../i18n";
import { ColorSwatch } from "../../../ui/color-swatch";
import type { ColoredOrganization } from "../../partnerships";
import { compareDimensions, WEAK_AVERAGE } from "../state/health-results";
import { WeakDimensionIssue } from "./weak-dimension-issue";
import { TableScroll } from "../../../ui/table-scroll";
import { lazyComponent } from "../../../lib/lazy-component";

// recharts is only in this chunk: the health page is the one that draws a radar.
const HealthRadar = lazyComponent(() => import("./health-radar").then((module) => module.default));

const format = (value: number | undefined | null) => (value == null ? "—" : value.toFixed(2));

/**
 * A cycle's results: per organization its respondents (and whether it shows), the radar
 * with both sides overlaid, and the same figures as a table with the perception gap.
 */
export function HealthResultsView({
  data,
  organizations,
  canRaise,
}: {
  data: HealthCheckResponse;
  organizations: readonly ColoredOrganization[];
  /** Editors and admins may turn a weak dimension into an issue. */
  canRaise: boolean;
}) {
  const t = useT();
  const { healthCheck, results } = data;
  const nameOf = (id: string) => organizations.find((o) => o.id === id)?.name ?? id;
  const colorOf = (id: string) => organizations.find((o) => o.id === id)?.color ?? "#666";
  const shown = results.filter((r) => !r.hidden);
  const rows = compareDimensions(healthCheck.dimensions, results);

  return (
    <div className="health-results" data-testid="health-results">
      <ul className="health-results__respondents">
        {results.map((r) => (
          <li
            key={r.organizationId}
            data-testid="health-respondents"
            data-organization={r.organizationId}
            data-hidden={r.hidden}
          >
            <ColorSwatch color={colorOf(r.organizationId)} /> {nameOf(r.organizationId)}:{" "}
            {t("health.results.respondents", { count: r.respondents })}
            {r.hidden
              ? ` — ${
                  healthCheck.status === "open"
                    ? t("health.results.hiddenOpen")
                    : t("health.results.hiddenFew", { min: healthCheck.minRespondents })
                }`
              : null}
          </li>
        ))}
      </ul>
      {shown.length === 0 ? null : (
        <>
          <Suspense fallback={null}>
            <HealthRadar
              rows={rows}
              series={shown.map((r) => ({
                organizationId: r.organizationId,
                name: nameOf(r.organizationId),
                color: colorOf(r.organizationId),
              }))}
            />
          </Suspense>
          <TableScroll>
            <table className="health-table" data-testid="health-table">
              <caption>{t("health.results.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("health.results.dimension")}</th>
                  {shown.map((r) => (
                    <th scope="col" key={r.organizationId}>
                      {nameOf(r.organizationId)}
                    </th>
                  ))}
                  <th scope="col">{t("health.results.gap")}</th>
                  {canRaise ? <th scope="col">{t("health.results.followUp")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-testid="health-row" data-dimension={row.key}>
                    <th scope="row">
                      {row.label}
                      {row.lowest !== null && row.lowest < WEAK_AVERAGE
                        ? ` (${t("health.results.weak")})`
                        : null}
                    </th>
                    {shown.map((r) => (
                      <td key={r.organizationId}>{format(row.averages[r.organizationId])}</td>
                    ))}
                    <td data-testid="health-gap">{format(row.gap)}</td>
                    {canRaise ? (
                      <td>
                        {row.lowest !== null && row.lowest < WEAK_AVERAGE ? (
                          <WeakDimensionIssue
                            cycleTitle={healthCheck.title}
                            dimension={row.label}
                            summary={shown
                              .map(
                                (r) =>
                                  `${nameOf(r.organizationId)} ${format(row.averages[r.organizationId])}`,
                              )
                              .join(", ")}
                          />
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {shown.map((r) =>
            r.comments && r.comments.length > 0 ? (
              <section key={r.organizationId} className="health-comments">
                <h4>{t("health.results.comments", { organization: nameOf(r.organizationId) })}</h4>
                <ul>
                  {r.comments.map((comment, i) => (
                    <li key={i}>{comment}</li>
                  ))}
                </ul>
              </section>
            ) : null,
          )}
        </>
      )}
    </div>
  );
}
