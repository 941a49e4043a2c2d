import { GOVERNANCE_LEVELS } from "@entente/domain";
import { ACTION_STATUSES, SEVERITIES } from "@entente/schema";
import { useI18n } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { usePartnershipDirectory } from "../../partnerships";
import type { ActionsSummary, IssuesSummary, Waiting } from "../state/tiles";
import { Tile, TileEmpty } from "./tile";
import { TableScroll } from "../../../ui/table-scroll";

const SHOWN_ACTIONS = 6;

function OrganizationName({ id }: { id: string }) {
  const { organization } = usePartnershipDirectory();
  const org = organization(id);
  return (
    <span className="dashboard-org">
      <span
        className="dashboard-org__swatch"
        style={{ background: org?.color ?? "#94a3b8" }}
        aria-hidden="true"
      />
      {org?.name ?? id}
    </span>
  );
}

/** Actions by status and owner organization; the open ones listed, overdue first. */
export function ActionsTile({ summary, path }: { summary: ActionsSummary; path: string }) {
  const { t, formatDay } = useI18n();
  return (
    <Tile
      id="actions"
      title={t("dashboard.actions.title")}
      to={path}
      linkLabel={t("dashboard.seeAll")}
    >
      {/* Five statuses side by side: on a phone the table scrolls inside its tile. */}
      <TableScroll>
        <table className="dashboard-table" data-testid="dashboard-actions-table">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.organization")}</th>
              {ACTION_STATUSES.map((status) => (
                <th key={status} scope="col">
                  {t(`action.status.${status}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.byOrganization.map((row) => (
              <tr key={row.organizationId} data-organization-id={row.organizationId}>
                <th scope="row">
                  <OrganizationName id={row.organizationId} />
                </th>
                {ACTION_STATUSES.map((status) => (
                  <td key={status} data-status={status}>
                    {row.counts[status]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="dashboard-tile__figure" data-testid="dashboard-overdue-count">
        {t("dashboard.actions.overdue", { count: summary.overdueCount })}
      </p>
      {summary.open.length === 0 ? (
        <TileEmpty>{t("dashboard.actions.none")}</TileEmpty>
      ) : (
        <ul className="dashboard-list" data-testid="dashboard-open-actions">
          {summary.open.slice(0, SHOWN_ACTIONS).map(({ action, overdue }) => (
            <li key={action.id} data-testid="dashboard-action" data-overdue={overdue}>
              <Link to={path}>{action.title}</Link>{" "}
              <span className="dashboard-list__meta">
                <OrganizationName id={action.ownerOrganizationId} />
                {action.dueDate ? (
                  <span className={overdue ? "due due--overdue" : "due"}>
                    {overdue
                      ? t("dashboard.actions.overdueSince", { date: formatDay(action.dueDate) })
                      : t("dashboard.actions.due", { date: formatDay(action.dueDate) })}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Tile>
  );
}

/** Open issues by severity and by the governance level they are escalated to. */
export function IssuesTile({ summary, path }: { summary: IssuesSummary; path: string }) {
  const { t } = useI18n();
  return (
    <Tile
      id="issues"
      title={t("dashboard.issues.title")}
      to={path}
      linkLabel={t("dashboard.seeAll")}
    >
      <p className="dashboard-tile__figure" data-testid="dashboard-open-issues">
        {t("dashboard.issues.open", { count: summary.open.length })}
      </p>
      <dl className="dashboard-counts">
        {SEVERITIES.map((severity) => (
          <div key={severity} data-testid={`dashboard-severity-${severity}`}>
            <dt>{t(`severity.${severity}`)}</dt>
            <dd>{summary.bySeverity[severity]}</dd>
          </div>
        ))}
      </dl>
      <dl className="dashboard-counts">
        {GOVERNANCE_LEVELS.map((level) => (
          <div key={level} data-testid={`dashboard-escalation-${level}`}>
            <dt>{t(`level.${level}`)}</dt>
            <dd>{summary.byLevel[level]}</dd>
          </div>
        ))}
      </dl>
    </Tile>
  );
}

/** What each organization is waited on for: votes on proposed decisions, the charter's endorsement. */
export function WaitingTile({
  waiting,
  decisionsPath,
  charterPath,
}: {
  waiting: Waiting[];
  decisionsPath: string;
  charterPath: string;
}) {
  const { t } = useI18n();
  return (
    <Tile
      id="waiting"
      title={t("dashboard.waiting.title")}
      to={decisionsPath}
      linkLabel={t("dashboard.seeAll")}
    >
      <ul className="dashboard-list">
        {waiting.map((w) => (
          <li
            key={w.organizationId}
            data-testid="dashboard-waiting"
            data-organization-id={w.organizationId}
          >
            <OrganizationName id={w.organizationId} />
            <span className="dashboard-list__meta" data-testid="dashboard-waiting-decisions">
              {t("dashboard.waiting.decisions", { count: w.decisions.length })}
            </span>
            {w.charter ? (
              <Link
                to={charterPath}
                className="dashboard-list__meta"
                data-testid="dashboard-waiting-charter"
              >
                {t("dashboard.waiting.charter")}
              </Link>
            ) : null}
            {w.decisions.length > 0 ? (
              <ul className="dashboard-sublist">
                {w.decisions.map((d) => (
                  <li key={d.id}>
                    <Link to={decisionsPath}>{d.title}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </Tile>
  );
}
