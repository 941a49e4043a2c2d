import type { DigestPeriodKind, DigestView } from "@entente/protocol";
import type { ReactNode } from "react";
import { useI18n, useT, type Translate } from "../../../i18n";
import { LoadFailedStatus, PageStatus } from "../../../ui/page-status";
import { SegmentedOption } from "../../../ui/segmented-option";
import { useQuery } from "@tanstack/react-query";
import { preferencesQueries } from "../api/preferences-queries";

const PERIODS = ["day", "week"] as const satisfies readonly DigestPeriodKind[];

/**
 * What the user's organization would receive now as the digest of a partnership: the five
 * sections of the e-mail, drawn from its structured content in the page's language.
 */
export function DigestPreview({
  partnershipId,
  period,
  onPeriodChange,
}: {
  partnershipId: string;
  period: DigestPeriodKind;
  onPeriodChange: (period: DigestPeriodKind) => void;
}) {
  const t = useT();
  const state = useQuery(preferencesQueries.digest(partnershipId, period));
  const reload = () => void state.refetch();

  return (
    <div className="digest-preview" data-testid="digest-preview" data-period={period}>
      <div className="digest-preview__bar">
        <div className="segmented" role="group" aria-label={t("digest.period")}>
          {PERIODS.map((option) => (
            <SegmentedOption
              key={option}
              pressed={option === period}
              onChoose={() => onPeriodChange(option)}
            >
              {t(option === "day" ? "digest.period.day" : "digest.period.week")}
            </SegmentedOption>
          ))}
        </div>
      </div>
      {state.status === "pending" ? (
        <PageStatus>{t("common.loading")}</PageStatus>
      ) : state.status === "error" ? (
        <LoadFailedStatus error={state.error} onRetry={reload} />
      ) : (
        <DigestContentView digest={state.data} />
      )}
    </div>
  );
}

function DigestContentView({ digest }: { digest: DigestView }) {
  const t = useT();
  const { formatDate, formatDay, formatNumber } = useI18n();
  const organization = digest.organization.name;
  const level = (value: string) => (isLevel(value) ? t(`level.${value}`) : value);
  const status = (value: string) => (isActionStatus(value) ? t(`action.status.${value}`) : value);
  const post = (p: DigestView["wins"][number]) => (
    <li key={p.id} className="digest-item" data-testid="digest-item">
      <span className="digest-item__title">{p.title}</span>
      <span className="digest-item__meta">
        {p.organizationName} · {p.authorName} · {formatDate(p.createdAt)}
      </span>
    </li>
  );

  return (
    <article className="digest" aria-label={digestTitle(t, digest)}>
      <header className="digest__header">
        <h3 className="digest__title">{digestTitle(t, digest)}</h3>
        <p className="muted">
          {t("digest.range", {
            partnership: digest.partnership.name,
            from: formatDate(digest.period.from),
            to: formatDate(digest.period.to),
          })}
        </p>
      </header>
      <DigestSection id="wins" title={t("digest.wins")} count={digest.wins.length}>
        {digest.wins.map(post)}
      </DigestSection>
      <DigestSection
        id="difficulties"
        title={t("digest.difficulties")}
        count={digest.difficulties.length}
      >
        {digest.difficulties.map(post)}
      </DigestSection>
      <DigestSection
        id="decisions"
        title={t("digest.decisionsWaiting", { organization })}
        count={digest.decisionsWaiting.length}
      >
        {digest.decisionsWaiting.map((d) => (
          <li key={d.id} className="digest-item" data-testid="digest-item">
            <span className="digest-item__title">{d.title}</span>
            <span className="digest-item__meta">
              {level(d.governanceLevel)} ·{" "}
              {t("digest.proposedOn", { date: formatDate(d.proposedAt) })}
            </span>
          </li>
        ))}
      </DigestSection>
      <DigestSection
        id="overdue"
        title={t("digest.overdueActions")}
        count={digest.overdueActions.length}
      >
        {digest.overdueActions.map((a) => (
          <li key={a.id} className="digest-item" data-testid="digest-item">
            <span className="digest-item__title">{a.title}</span>
            <span className="digest-item__meta">
              {t("common.dueOn", { date: formatDay(a.dueDate) })} · {a.ownerOrganizationName} ·{" "}
              {a.assigneeName ?? t("member.unassigned")} · {status(a.status)} ·{" "}
              {t("digest.objective", { title: a.objectiveTitle })}
            </span>
          </li>
        ))}
      </DigestSection>
      <DigestSection id="kpis" title={t("digest.kpiMoves")} count={digest.kpiMoves.length}>
        {digest.kpiMoves.map((k) => (
          <li key={k.id} className="digest-item" data-testid="digest-item">
            <span className="digest-item__title">{k.name}</span>
            <span className="digest-item__meta">
              {k.from === null
                ? t("digest.kpiFirst", { to: formatNumber(k.to), unit: k.unit })
                : t("digest.kpiMove", {
                    from: formatNumber(k.from),
                    to: formatNumber(k.to),
                    unit: k.unit,
                  })}{" "}
              · {t("digest.kpiTarget", { target: formatNumber(k.target), unit: k.unit })} ·{" "}
              {formatDay(k.measuredOn)} · {t("digest.objective", { title: k.objectiveTitle })}
            </span>
          </li>
        ))}
      </DigestSection>
      {digest.openHealthChecks && digest.openHealthChecks.length > 0 ? (
        <DigestSection
          id="health"
          title={t("digest.openHealthChecks")}
          count={digest.openHealthChecks.length}
        >
          {digest.openHealthChecks.map((h) => (
            <li key={h.id} className="digest-item" data-testid="digest-item">
              <span className="digest-item__title">{h.title}</span>
              <span className="digest-item__meta">{formatDay(h.openedAt.slice(0, 10))}</span>
            </li>
          ))}
        </DigestSection>
      ) : null}
    </article>
  );
}

function DigestSection({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className="digest__section" data-testid={`digest-${id}`} aria-label={title}>
      <h4 className="digest__section-title">
        {title} <span className="count">{count}</span>
      </h4>
      {count === 0 ? (
        <p className="muted digest__nothing">{t("digest.nothing")}</p>
      ) : (
        <ul className="digest__list">{children}</ul>
      )}
    </section>
  );
}

function digestTitle(t: Translate, digest: DigestView): string {
  const organization = digest.organization.name;
  return digest.period.kind === "day"
    ? t("digest.title.day", { organization })
    : t("digest.title.week", { organization });
}

const LEVELS = ["strategic", "tactical", "operational"] as const;
const isLevel = (value: string): value is (typeof LEVELS)[number] =>
  (LEVELS as readonly string[]).includes(value);

const ACTION_STATUSES = ["todo", "in_progress", "blocked", "done", "cancelled"] as const;
const isActionStatus = (value: string): value is (typeof ACTION_STATUSES)[number] =>
  (ACTION_STATUSES as readonly string[]).includes(value);
