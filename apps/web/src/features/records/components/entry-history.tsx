import type { CommentItemKind, EntryChangeView, RecordedDocumentKind } from "@entente/protocol";
import { useI18n, useT, type MessageKey } from "../../../i18n";
import { errorMessage } from "../../../ui/error-message";
import { usePartnershipContext } from "../../partnerships";
import { useEntryHistory } from "../hooks/use-entry-history";
import { useProfileScope } from "../state/history-scope";
import "../records.css";

const DOCUMENT_OF: Record<CommentItemKind, RecordedDocumentKind> = {
  objective: "objectives",
  action: "objectives",
  kpi: "objectives",
  issue: "issues",
  decision: "decisions",
  contribution: "profile",
  constraint: "profile",
};

type FieldKey = Extract<MessageKey, `fieldHistory.field.${string}`>;

/** Fields with a label; any other is shown by its name. */
const FIELD_LABELS: Readonly<Record<string, FieldKey>> = {
  title: "fieldHistory.field.title",
  name: "fieldHistory.field.title",
  description: "fieldHistory.field.description",
  context: "fieldHistory.field.description",
  status: "fieldHistory.field.status",
  dueDate: "fieldHistory.field.dueDate",
  ownerOrganizationId: "fieldHistory.field.owner",
  owners: "fieldHistory.field.owner",
  assigneeUserId: "fieldHistory.field.assignee",
  severity: "fieldHistory.field.severity",
  target: "fieldHistory.field.target",
};

/**
 * "History" of an item (in its dialog): who changed which field when, by organization, as
 * the server recorded it, newest first.
 */
export function EntryHistory({ subject }: { subject: { kind: CommentItemKind; id: string } }) {
  const t = useT();
  const { partnershipId } = usePartnershipContext();
  const profile = useProfileScope();
  const documentKind = DOCUMENT_OF[subject.kind];
  const state = useEntryHistory(
    partnershipId,
    documentKind,
    subject.id,
    documentKind === "profile" ? profile : null,
  );
  return (
    <section className="entry-history" data-testid="entry-history" data-status={state.status}>
      <h3 className="entry-history__title">{t("fieldHistory.title")}</h3>
      {state.status === "loading" ? (
        <p className="muted">{t("common.loading")}</p>
      ) : state.status === "error" && state.error ? (
        <p className="form-error">{errorMessage(t, state.error)}</p>
      ) : state.changes.length === 0 ? (
        <p className="muted">{t("fieldHistory.empty")}</p>
      ) : (
        <ol className="entry-history__list">
          {state.changes.map((change, index) => (
            <ChangeRow key={`${change.at}|${index}`} change={change} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ChangeRow({ change }: { change: EntryChangeView }) {
  const t = useT();
  const { language } = useI18n();
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const who = change.userName ?? t("notifications.someone");
  const by = change.organizationName ? `${change.organizationName} · ${who}` : who;
  const label = (name: string) => {
    const key = Object.hasOwn(FIELD_LABELS, name) ? FIELD_LABELS[name] : undefined;
    return key ? t(key) : name;
  };
  return (
    <li
      className="entry-history__change"
      data-testid="entry-history-change"
      data-kind={change.kind}
    >
      <span className="entry-history__who">
        {t(`fieldHistory.kind.${change.kind}`, { name: by })}
        <time dateTime={change.at}> · {when.format(new Date(change.at))}</time>
      </span>
      {change.kind === "updated" ? (
        <ul className="entry-history__fields">
          {change.fields.map((field) => (
            <li key={field.name} data-field={field.name}>
              <strong>{label(field.name)}</strong>: {show(field.before)} → {show(field.after)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A recorded value, short. */
function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value === "" ? "—" : value;
  if (typeof value === "object" && !Array.isArray(value)) {
    return Object.keys(value).join(", ") || "—";
  }
  return JSON.stringify(value);
}
