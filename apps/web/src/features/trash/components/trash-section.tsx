import type { TrashEntryView } from "@entente/protocol";
import { useI18n, useT } from "../../../i18n";
import { EmptyState } from "../../../ui/empty-state";
import { errorMessage } from "../../../ui/error-message";
import { PageStatus } from "../../../ui/page-status";
import { usePartnershipContext, usePartnershipDirectory } from "../../partnerships";
import { useTrash } from "../hooks/use-trash";
import "../trash.css";
import { SectionHeading } from "../../../ui/section-heading";

/**
 * The "Trash" tab (a lazy chunk): entries deleted in the last 30 days, who deleted them
 * and when, as the server recorded it; editors restore one in one click.
 */
export default function TrashSection() {
  const t = useT();
  const { partnershipId } = usePartnershipContext();
  const { state, refresh, restore } = useTrash(partnershipId);

  return (
    <section
      className="section trash"
      aria-labelledby="trash-title"
      data-testid="trash"
      data-status={state.status}
    >
      <SectionHeading id="trash-title" title={t("trash.title")} subtitle={t("trash.subtitle")}>
        <button type="button" className="button button--small" onClick={() => void refresh()}>
          {t("activity.refresh")}
        </button>
      </SectionHeading>
      {state.status === "loading" && state.entries.length === 0 ? (
        <PageStatus>{t("common.loading")}</PageStatus>
      ) : state.status === "error" && state.error ? (
        <PageStatus role="alert">
          <p>{errorMessage(t, state.error)}</p>
        </PageStatus>
      ) : state.entries.length === 0 ? (
        <EmptyState title={t("trash.empty")} text={t("trash.emptyHint")} />
      ) : (
        <ul className="card trash__list" data-testid="trash-list">
          {state.entries.map((entry) => (
            <TrashRow
              key={entry.id}
              entry={entry}
              restoring={state.restoring === entry.id}
              error={
                state.restoreError?.trashId === entry.id
                  ? errorMessage(t, state.restoreError.error)
                  : null
              }
              onRestore={() => void restore(entry.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function TrashRow({
  entry,
  restoring,
  error,
  onRestore,
}: {
  entry: TrashEntryView;
  restoring: boolean;
  error: string | null;
  onRestore: () => void;
}) {
  const t = useT();
  const { language } = useI18n();
  const { organization } = usePartnershipDirectory();
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const day = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  const who = entry.deletedBy.userName ?? t("notifications.someone");
  const by = entry.deletedBy.organizationName
    ? `${entry.deletedBy.organizationName} · ${who}`
    : who;
  const owner = entry.ownerOrganizationId
    ? (organization(entry.ownerOrganizationId)?.name ?? t("organization.unknown"))
    : null;
  return (
    <li className="trash-entry" data-testid="trash-entry" data-entry-id={entry.entryId}>
      <div className="trash-entry__text">
        <strong className="trash-entry__title">{entry.title}</strong>
        <span className="trash-entry__what">
          {t(`trash.kind.${kindOf(entry)}`)}
          {owner ? ` · ${t("trash.owner", { organization: owner })}` : ""}
        </span>
        <span className="trash-entry__who">
          {t("trash.deletedBy", { name: by, date: when.format(new Date(entry.deletedAt)) })}
          {" · "}
          {t("trash.expires", { date: day.format(new Date(entry.expiresAt)) })}
        </span>
        {error ? (
          <span className="form-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
      <button
        type="button"
        className="button button--small"
        disabled={restoring}
        onClick={onRestore}
        data-testid="trash-restore"
      >
        {restoring ? t("common.loading") : t("trash.restore")}
      </button>
    </li>
  );
}

/** What kind of entry it was, from where it lived. */
function kindOf(
  entry: TrashEntryView,
):
  | "objective"
  | "action"
  | "kpi"
  | "measurement"
  | "issue"
  | "decision"
  | "contribution"
  | "constraint"
  | "ambition"
  | "other" {
  const last = entry.collection.at(-1);
  switch (last) {
    case "objectives":
      return "objective";
    case "actions":
      return "action";
    case "kpis":
      return "kpi";
    case "measurements":
      return "measurement";
    case "issues":
      return "issue";
    case "decisions":
      return "decision";
    case "contributions":
      return "contribution";
    case "constraints":
      return "constraint";
    case "ambitions":
      return "ambition";
    default:
      return "other";
  }
}
