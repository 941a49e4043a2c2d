import { useState } from "react";
import { useT } from "../../../i18n";
import { EmptyState } from "../../../ui/empty-state";
import { errorMessage } from "../../../ui/error-message";
import { PageStatus } from "../../../ui/page-status";
import { canAct, usePartnershipContext } from "../../partnerships";
import { healthChecksApi } from "../api/health-checks-api";
import { AnswerForm } from "./answer-form";
import { HealthResultsView } from "./health-results-view";
import { HealthTrend } from "./health-trend";
import { OpenCycleForm } from "./open-cycle-form";
import "../health-check.css";
import { useQuery } from "@tanstack/react-query";
import { healthChecksQueries } from "../api/health-checks-queries";
import { SectionHeading } from "../../../ui/section-heading";

/**
 * The "Health" tab (a lazy chunk): two-sided, anonymous health check cycles. Admins open
 * and close them; every member answers; results show once closed, per organization.
 */
export default function HealthSection() {
  const t = useT();
  const { partnershipId, organizations, me } = usePartnershipContext();
  const isAdmin = me.permission === "admin";
  const state = useQuery(healthChecksQueries.list(partnershipId));
  const reload = () => void state.refetch();
  const [chosen, setChosen] = useState<string | null>(null);

  if (state.status === "pending") return <PageStatus>{t("common.loading")}</PageStatus>;
  if (state.status === "error") return <PageStatus>{errorMessage(t, state.error)}</PageStatus>;
  const cycles = state.data.healthChecks;
  const selected = chosen ?? cycles[0]?.id ?? null;

  return (
    <section className="section health" aria-labelledby="health-title" data-testid="health">
      <SectionHeading id="health-title" title={t("health.title")} subtitle={t("health.subtitle")} />
      {isAdmin ? (
        <OpenCycleForm
          partnershipId={partnershipId}
          onOpened={(id) => {
            setChosen(id);
            reload();
          }}
        />
      ) : null}
      {cycles.length === 0 ? (
        <EmptyState
          title={t("health.empty")}
          text={isAdmin ? t("health.emptyAdmin") : t("health.emptyHint")}
        />
      ) : (
        <nav aria-label={t("health.cycles")} className="health-cycles">
          {cycles.map((cycle) => (
            <button
              key={cycle.id}
              type="button"
              className="button button--small"
              aria-pressed={cycle.id === selected}
              onClick={() => setChosen(cycle.id)}
            >
              {cycle.title} ·{" "}
              {cycle.status === "open" ? t("health.status.open") : t("health.status.closed")}
            </button>
          ))}
        </nav>
      )}
      {selected === null ? null : (
        <HealthCycle key={selected} id={selected} isAdmin={isAdmin} onClosed={reload} />
      )}
      <HealthTrend cycles={cycles} organizations={organizations} />
    </section>
  );
}

/** One cycle: the answer form while open, closing for admins, and its results. */
function HealthCycle({
  id,
  isAdmin,
  onClosed,
}: {
  id: string;
  isAdmin: boolean;
  onClosed: () => void;
}) {
  const t = useT();
  const context = usePartnershipContext();
  const { organizations } = context;
  const cycleQuery = useQuery(healthChecksQueries.cycle(id));
  const cycle = { ...cycleQuery, reload: () => void cycleQuery.refetch() };
  if (cycle.status === "pending") return <PageStatus>{t("common.loading")}</PageStatus>;
  if (cycle.status === "error") {
    return <PageStatus>{errorMessage(t, cycle.error)}</PageStatus>;
  }
  const data = cycle.data;
  const open = data.healthCheck.status === "open";
  return (
    <article
      className="health-cycle"
      data-testid="health-cycle"
      data-status={data.healthCheck.status}
    >
      <h3>{data.healthCheck.title}</h3>
      {open ? (
        <AnswerForm
          healthCheck={data.healthCheck}
          answered={data.answered}
          onAnswered={cycle.reload}
        />
      ) : null}
      {open && isAdmin ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            void healthChecksApi.close(id).then(() => {
              // The list shows the cycle closed, the cycle its results.
              onClosed();
              cycle.reload();
            }, cycle.reload)
          }
        >
          {t("health.close")}
        </button>
      ) : null}
      <HealthResultsView
        data={data}
        organizations={organizations}
        canRaise={!open && canAct(context)}
      />
    </article>
  );
}
