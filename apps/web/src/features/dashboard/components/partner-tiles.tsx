import { POST_PARAM, type PostView, type RhythmLevelView } from "@entente/protocol";
import { Suspense } from "react";
import { useI18n } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { ProgressBar } from "../../../ui/progress-bar";
import { meetingPath } from "../../meetings";
import { usePartnershipDirectory } from "../../partnerships";
import type { HealthTrendPoint } from "../state/health-trend";
import type { ContributionTotal } from "../state/tiles";
import { Tile, TileEmpty } from "./tile";
import { lazyComponent } from "../../../lib/lazy-component";

const HealthChart = lazyComponent(() => import("./charts").then((m) => m.HealthChart));

/** Contributions promised against delivered, per organization and unit. */
export function ContributionsTile({ totals, path }: { totals: ContributionTotal[]; path: string }) {
  const { t, formatNumber } = useI18n();
  const { organization } = usePartnershipDirectory();
  return (
    <Tile
      id="contributions"
      title={t("dashboard.contributions.title")}
      to={path}
      linkLabel={t("dashboard.seeAll")}
    >
      {totals.length === 0 ? (
        <TileEmpty>{t("dashboard.contributions.empty")}</TileEmpty>
      ) : (
        <ul className="dashboard-list">
          {totals.map((total) => {
            const text = t("dashboard.contributions.line", {
              organization: organization(total.organizationId)?.name ?? "",
              delivered: formatNumber(total.delivered),
              promised: formatNumber(total.promised),
              unit: total.unit,
            });
            return (
              <li
                key={`${total.organizationId}/${total.unit}`}
                data-testid="dashboard-contribution"
                data-organization-id={total.organizationId}
              >
                <span>{text}</span>
                <ProgressBar
                  ratio={total.promised > 0 ? total.delivered / total.promised : 0}
                  tone={total.delivered >= total.promised ? "good" : "neutral"}
                  label={text}
                />
              </li>
            );
          })}
        </ul>
      )}
    </Tile>
  );
}

/** The next meeting of each governance level; a level whose rhythm is late is flagged. */
export function MeetingsTile({
  rhythm,
  partnershipId,
  path,
}: {
  rhythm: RhythmLevelView[] | null;
  partnershipId: string;
  path: string;
}) {
  const { t, formatDate } = useI18n();
  return (
    <Tile
      id="meetings"
      title={t("dashboard.meetings.title")}
      to={path}
      linkLabel={t("dashboard.seeAll")}
    >
      {rhythm === null ? (
        <TileEmpty>{t("common.loading")}</TileEmpty>
      ) : (
        <ul className="dashboard-list">
          {rhythm.map((level) => (
            <li key={level.level} data-testid="dashboard-meeting-level" data-level={level.level}>
              <strong>{t(`level.${level.level}`)}</strong>{" "}
              {level.nextMeeting ? (
                <Link
                  to={meetingPath(partnershipId, level.nextMeeting.id)}
                  data-testid="dashboard-next-meeting"
                >
                  {t("dashboard.meetings.next", {
                    title: level.nextMeeting.title,
                    date: formatDate(level.nextMeeting.startsAt),
                  })}
                </Link>
              ) : (
                <span className="dashboard-list__meta">{t("dashboard.meetings.none")}</span>
              )}
              {level.overdue ? (
                <span className="badge badge--danger" data-testid="dashboard-meeting-overdue">
                  {t("dashboard.meetings.overdue")}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Tile>
  );
}

/** The latest posts tagged success or difficulty, each opening its thread. */
export function WinsTile({ posts, path }: { posts: PostView[]; path: string }) {
  const { t, formatDate } = useI18n();
  return (
    <Tile id="wins" title={t("dashboard.wins.title")} to={path} linkLabel={t("dashboard.seeAll")}>
      {posts.length === 0 ? (
        <TileEmpty>{t("dashboard.wins.empty")}</TileEmpty>
      ) : (
        <ul className="dashboard-list">
          {posts.map((post) => (
            <li key={post.id} data-testid="dashboard-post" data-tag={post.tag}>
              {/* The tag is written, not only coloured. */}
              <span className={`badge badge--${post.tag}`}>{t(`feed.tag.${post.tag}`)}</span>{" "}
              <Link to={path} search={{ [POST_PARAM]: post.id }}>
                {post.title}
              </Link>{" "}
              <span className="dashboard-list__meta">
                {post.author.name} · {formatDate(post.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Tile>
  );
}

/** Each organization's mean rating over the closed health-check cycles. */
export function HealthTile({
  points,
  organizationIds,
  path,
}: {
  points: HealthTrendPoint[] | null;
  organizationIds: string[];
  /** The health checks' section. */
  path: string;
}) {
  const { t, formatNumber } = useI18n();
  const { organization } = usePartnershipDirectory();
  const series = organizationIds.map((id) => ({
    id,
    name: organization(id)?.name ?? id,
    color: organization(id)?.color ?? "#475569",
  }));
  return (
    <Tile
      id="health"
      title={t("dashboard.health.title")}
      to={path}
      linkLabel={t("dashboard.seeAll")}
    >
      {points === null ? (
        <TileEmpty>{t("common.loading")}</TileEmpty>
      ) : points.length === 0 ? (
        <TileEmpty>{t("dashboard.health.empty")}</TileEmpty>
      ) : (
        <>
          {/* A picture of the table below: hidden from assistive technology and out of the tab order. */}
          <div aria-hidden="true" inert>
            <Suspense fallback={<div className="dashboard-kpi__placeholder" />}>
              <HealthChart points={points} series={series} />
            </Suspense>
          </div>
          <div className="visually-hidden">
            <table data-testid="dashboard-health-table">
              <caption>{t("dashboard.health.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.health.cycle")}</th>
                  {series.map((s) => (
                    <th key={s.id} scope="col">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.healthCheckId}>
                    <th scope="row">{p.label}</th>
                    {series.map((s) => {
                      const score = p.scores[s.id];
                      return (
                        <td key={s.id}>
                          {score === null || score === undefined
                            ? t("dashboard.health.hidden")
                            : formatNumber(score)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Tile>
  );
}
