import { Suspense } from "react";
import { useI18n } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import type { KpiTrend } from "../state/tiles";
import { Tile, TileEmpty } from "./tile";
import { lazyComponent } from "../../../lib/lazy-component";

// recharts comes with this chunk only: the rest of the app never loads it.
const KpiChart = lazyComponent(() => import("./charts").then((m) => m.KpiChart));

/** KPIs with their trend: measurements against the target over time, target changes marked. */
export function KpiTile({
  trends,
  objectivesPath,
}: {
  trends: KpiTrend[];
  objectivesPath: string;
}) {
  const { t, formatDay, formatNumber } = useI18n();
  return (
    <Tile
      id="kpis"
      title={t("dashboard.kpis.title")}
      to={objectivesPath}
      linkLabel={t("dashboard.seeObjectives")}
      wide
    >
      {trends.length === 0 ? (
        <TileEmpty>{t("dashboard.kpis.empty")}</TileEmpty>
      ) : (
        <div className="dashboard-kpis">
          {trends.map((trend) => (
            <figure
              key={trend.kpi.id}
              className="dashboard-kpi"
              data-testid="dashboard-kpi"
              data-kpi-id={trend.kpi.id}
            >
              <figcaption className="dashboard-kpi__caption">
                <Link to={objectivesPath} className="dashboard-kpi__name">
                  {trend.kpi.name}
                </Link>{" "}
                <span className="dashboard-kpi__status" data-testid="dashboard-kpi-status">
                  {trend.latest === null
                    ? t("dashboard.kpis.noMeasurement")
                    : t("dashboard.kpis.latest", {
                        value: formatNumber(trend.latest.value),
                        target: formatNumber(trend.latest.target),
                        unit: trend.kpi.unit,
                        status: t(
                          trend.onTrack ? "dashboard.kpis.onTrack" : "dashboard.kpis.offTrack",
                        ),
                      })}
                </span>
              </figcaption>
              {trend.points.length > 0 ? (
                <>
                  {/* The chart repeats the table below: a picture only, never focused. */}
                  <div aria-hidden="true" inert className="dashboard-kpi__chart">
                    <Suspense fallback={<div className="dashboard-kpi__placeholder" />}>
                      <KpiChart
                        trend={trend}
                        labels={{
                          value: t("dashboard.kpis.measured"),
                          target: t("dashboard.kpis.target"),
                          targetChange: (target) =>
                            t("dashboard.kpis.targetChange", { target: formatNumber(target) }),
                        }}
                      />
                    </Suspense>
                  </div>
                  <div className="visually-hidden">
                    <table data-testid="dashboard-kpi-table">
                      <caption>
                        {t("dashboard.kpis.tableCaption", { name: trend.kpi.name })}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("dashboard.kpis.date")}</th>
                          <th scope="col">{t("dashboard.kpis.measured")}</th>
                          <th scope="col">{t("dashboard.kpis.target")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {trend.points.map((p) => (
                          <tr key={p.date}>
                            <td>{formatDay(p.date)}</td>
                            <td>{formatNumber(p.value)}</td>
                            <td>{formatNumber(p.target)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </>
              ) : null}
            </figure>
          ))}
        </div>
      )}
    </Tile>
  );
}
