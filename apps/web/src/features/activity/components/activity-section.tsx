import type { ActivityEntry, CharterActivity } from "@entente/protocol";
import { useState } from "react";
import { useI18n, useT, type Translate } from "../../../i18n";
import { EmptyState } from "../../../ui/empty-state";
import { ColorSwatch } from "../../../ui/color-swatch";
import { errorMessage } from "../../../ui/error-message";
import { LoadFailedStatus, PageStatus } from "../../../ui/page-status";
import {
  useLens,
  type Lens,
  usePartnershipContext,
  usePartnershipDirectory,
} from "../../partnerships";
import { useActivity } from "../hooks/use-activity";
import { groupByDay, relativeDay } from "../state/activity-days";
import "../activity.css";
import { SectionHeading } from "../../../ui/section-heading";
import { SegmentedOption } from "../../../ui/segmented-option";

/**
 * The "Activity" tab (a lazy chunk): who changed which document, from the server-stamped
 * update log, grouped by day; filtered by organization. The filter starts from the lens
 * when the lens names one organization ("ours", or "theirs" with a single partner).
 */
export default function ActivitySection() {
  const t = useT();
  const { partnershipId, organizations, me } = usePartnershipContext();
  const { lens } = useLens();
  const partners = organizations.filter((o) => o.id !== me.organizationId);
  const fromLens =
    lens === "ours" && me.organizationId !== ""
      ? me.organizationId
      : lens === "theirs" && partners.length === 1
        ? (partners[0]?.id ?? null)
        : null;
  // The user's own choice holds until the lens changes.
  const [chosen, setChosen] = useState<{ lens: Lens; organizationId: string | null } | null>(null);
  const organizationId = chosen?.lens === lens ? chosen.organizationId : fromLens;
  const { state, refresh, loadMore } = useActivity(partnershipId, organizationId);

  const choose = (id: string | null) => setChosen({ lens, organizationId: id });

  return (
    <section
      className="section activity"
      aria-labelledby="activity-title"
      data-testid="activity"
      data-status={state.status}
      data-organization-filter={organizationId ?? "all"}
    >
      <SectionHeading
        id="activity-title"
        title={t("activity.title")}
        subtitle={t("activity.subtitle")}
      >
        <button
          type="button"
          className="button button--small"
          disabled={state.status === "loading"}
          onClick={() => void refresh()}
        >
          {t("activity.refresh")}
        </button>
      </SectionHeading>
      <div className="card filters">
        <div
          className="segmented"
          role="group"
          aria-label={t("activity.filter")}
          data-testid="activity-filter"
        >
          <SegmentedOption pressed={organizationId === null} onChoose={() => choose(null)}>
            {t("filter.all")}
          </SegmentedOption>
          {organizations.map((organization) => (
            <SegmentedOption
              key={organization.id}
              className="activity__filter-option"
              pressed={organizationId === organization.id}
              onChoose={() => choose(organization.id)}
            >
              <ColorSwatch color={organization.color} />
              {organization.name}
            </SegmentedOption>
          ))}
        </div>
        <p className="lens-note">{t("activity.countsEdits")}</p>
      </div>
      <ActivityList
        state={state}
        onRetry={() => void refresh()}
        onLoadMore={() => void loadMore()}
      />
    </section>
  );
}

function ActivityList({
  state,
  onRetry,
  onLoadMore,
}: {
  state: ReturnType<typeof useActivity>["state"];
  onRetry: () => void;
  onLoadMore: () => void;
}) {
  const t = useT();
  const { language } = useI18n();

  if (state.entries.length === 0) {
    if (state.status === "loading") return <PageStatus>{t("common.loading")}</PageStatus>;
    if (state.status === "error" && state.error) {
      return <LoadFailedStatus error={state.error} onRetry={onRetry} />;
    }
    return <EmptyState title={t("activity.empty")} text={t("activity.emptyHint")} />;
  }

  const dayFormat = new Intl.DateTimeFormat(language, { dateStyle: "full" });
  const dayTitle = (day: string) => {
    const relative = relativeDay(day);
    if (relative) return t(`activity.${relative}`);
    const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
    return dayFormat.format(new Date(y, m - 1, d));
  };

  return (
    <div className="activity__days" data-testid="activity-list">
      {groupByDay(state.entries).map(({ day, entries }) => (
        <section key={day} className="activity-day" aria-label={dayTitle(day)}>
          <h3 className="activity-day__title">{dayTitle(day)}</h3>
          <ul className="card activity-day__list">
            {entries.map((entry) => (
              <ActivityRow
                key={`${entry.document.name}|${entry.charter?.event ?? ""}|${entry.user?.id}|${entry.organization?.id}|${entry.from}`}
                entry={entry}
              />
            ))}
          </ul>
        </section>
      ))}
      {state.error ? (
        <p className="form-error" role="alert">
          {errorMessage(t, state.error)}
        </p>
      ) : null}
      {state.nextCursor ? (
        <div className="activity__more">
          <button
            type="button"
            className="button"
            disabled={state.loadingMore}
            onClick={onLoadMore}
          >
            {state.loadingMore ? t("common.loading") : t("activity.loadMore")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function ActivityRow({ entry }: { entry: ActivityEntry }) {
  const t = useT();
  const { language } = useI18n();
  const { organization } = usePartnershipDirectory();
  const color = entry.organization ? organization(entry.organization.id)?.color : undefined;
  const owner = entry.document.organizationId
    ? (organization(entry.document.organizationId)?.name ?? t("organization.unknown"))
    : "";
  const name = entry.user?.name ?? t("activity.system");
  const edits =
    entry.updates === 1
      ? t("activity.edits.one")
      : t("activity.edits.many", { count: entry.updates });

  const time = new Intl.DateTimeFormat(language, { timeStyle: "short" });
  const from = time.format(new Date(entry.from));
  const to = time.format(new Date(entry.to));
  const full = new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "medium" });

  return (
    <li
      className="activity-entry"
      data-testid="activity-entry"
      data-organization-id={entry.organization?.id ?? ""}
      data-document-kind={entry.document.kind}
      data-charter-event={entry.charter?.event}
    >
      <span className="activity-entry__text">
        {entry.organization ? (
          <>
            <span className="org-tag" data-testid="org-tag">
              <ColorSwatch color={color ?? "#94a3b8"} />
              {entry.organization.name}
            </span>
            {" · "}
          </>
        ) : null}
        {entry.charter
          ? charterSentence(t, entry.charter, name)
          : editSentence(t, entry, { name, edits, organization: owner })}
      </span>
      <time
        className="activity-entry__time"
        dateTime={entry.to}
        title={`${full.format(new Date(entry.from))} – ${full.format(new Date(entry.to))}`}
      >
        {from === to ? to : `${from} – ${to}`}
      </time>
    </li>
  );
}

/** "Sofia endorsed version 3 of the charter", or that the charter changed since. */
function charterSentence(t: Translate, charter: CharterActivity, name: string): string {
  return charter.event === "endorsed"
    ? t("activity.charter.endorsed", { name, number: charter.versionNumber })
    : t("activity.charter.endorsementLost", {
        organization: charter.organization.name,
        number: charter.versionNumber,
      });
}

/**
 * What one person did to a document in a run: named by its deletions or restorations when
 * the server says they are all it holds (`summaryKey`), else its edits, then what it deleted
 * or restored.
 */
function editSentence(
  t: Translate,
  entry: ActivityEntry,
  values: { name: string; edits: string; organization: string },
): string {
  const { name } = values;
  const deleted = entry.deleted ?? [];
  const restored = entry.restored ?? [];
  if (entry.summaryKey === "activity.deleted" && deleted.length > 0) {
    return t("activity.deleted", { name, titles: quoted(deleted) });
  }
  if (entry.summaryKey === "activity.restored" && restored.length > 0) {
    return t("activity.restored", { name, titles: quoted(restored) });
  }
  return [
    sentence(t, entry.document.kind, values),
    ...(deleted.length > 0 ? [t("activity.alsoDeleted", { titles: quoted(deleted) })] : []),
    ...(restored.length > 0 ? [t("activity.alsoRestored", { titles: quoted(restored) })] : []),
  ].join(", ");
}

/** The titles of deleted or restored entries, each in quotes. */
function quoted(entries: readonly { title: string }[]): string {
  return entries.map((e) => `“${e.title}”`).join(", ");
}

/** "Sofia edited the charter (3 edits)", by the kind of document edited. */
function sentence(
  t: Translate,
  kind: string,
  values: { name: string; edits: string; organization: string },
): string {
  const { name, edits, organization } = values;
  switch (kind) {
    case "charter":
      return t("activity.edited.charter", { name, edits });
    case "objectives":
      return t("activity.edited.objectives", { name, edits });
    case "issues":
      return t("activity.edited.issues", { name, edits });
    case "decisions":
      return t("activity.edited.decisions", { name, edits });
    case "profile":
      return t("activity.edited.profile", { name, edits, organization });
    case "private":
      return t("activity.edited.private", { name, edits, organization });
    case "meeting":
      return t("activity.edited.meeting", { name, edits });
    default:
      // A kind of document added to the server after this build.
      return t("activity.edited.other", { name, edits });
  }
}
