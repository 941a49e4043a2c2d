import type { DocumentVersionView } from "@entente/protocol";
import { useId, useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { EmptyState } from "../../../ui/empty-state";
import { ConfirmButton } from "../../../ui/confirm-button";
import { errorMessage } from "../../../ui/error-message";
import { OrganizationChip, usePartnershipDirectory } from "../../partnerships";
import type { VersionHistory } from "../hooks/use-version-history";
import { VersionDialog } from "./version-dialog";
import { useVersionTitle } from "./version-title";
import "../history.css";

/**
 * The versions of a rich-text document, newest first: when, named what, who edited (by
 * organization), who endorsed. Open one, compare two (or one with now), restore one (writers),
 * name the current state (writers).
 */
export function HistoryPanel({
  history,
  canWrite,
}: {
  history: VersionHistory;
  canWrite: boolean;
}) {
  const t = useT();
  const headingId = useId();
  const [label, setLabel] = useState("");
  const [selected, setSelected] = useState<string[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) return;
    void history.name(trimmed).then(() => setLabel(""));
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((current) =>
      on ? [...current.filter((x) => x !== id), id].slice(-2) : current.filter((x) => x !== id),
    );
  const [first, second] = selected;

  return (
    <section className="card history" aria-labelledby={headingId} data-testid="history-panel">
      <h2 id={headingId} className="card__title">
        {t("history.title")}
      </h2>
      {canWrite ? (
        <form className="history__name" onSubmit={submit}>
          <label className="history__name-label">
            {t("history.name.label")}
            <input
              className="input"
              value={label}
              maxLength={120}
              placeholder={t("history.name.placeholder")}
              onChange={(event) => setLabel(event.target.value)}
              data-testid="version-label"
            />
          </label>
          <button
            type="submit"
            className="button button--small"
            disabled={history.pending || label.trim() === ""}
          >
            {t("history.name.submit")}
          </button>
        </form>
      ) : null}
      {history.error ? (
        <p className="form-error" role="alert">
          {errorMessage(t, history.error)}
        </p>
      ) : null}
      {!history.loaded ? (
        <p className="muted">
          {history.loadError ? errorMessage(t, history.loadError) : t("common.loading")}
        </p>
      ) : history.versions.length === 0 ? (
        <EmptyState title={t("history.none")} />
      ) : (
        <>
          <ol className="history__list">
            {history.versions.map((version) => (
              <VersionRow
                key={version.id}
                version={version}
                history={history}
                canWrite={canWrite}
                selected={selected.includes(version.id)}
                onSelect={(on) => toggle(version.id, on)}
              />
            ))}
          </ol>
          <button
            type="button"
            className="button button--small"
            disabled={!first || !second || history.pending}
            onClick={() => first && second && void history.compare(first, second)}
            data-testid="compare-selected"
          >
            {t("history.compareSelected")}
          </button>
        </>
      )}
      {history.view ? <VersionDialog view={history.view} onClose={history.close} /> : null}
    </section>
  );
}

function VersionRow({
  version,
  history,
  canWrite,
  selected,
  onSelect,
}: {
  version: DocumentVersionView;
  history: VersionHistory;
  canWrite: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
}) {
  const t = useT();
  const title = useVersionTitle();
  const { member } = usePartnershipDirectory();
  const organizations = [
    ...new Set(version.authors.flatMap((a) => (a.organizationId ? [a.organizationId] : []))),
  ];
  const names = version.authors.map((a) => member(a.userId)?.name ?? t("history.someone"));

  return (
    <li
      className="history__row"
      data-testid="version-row"
      data-number={version.number}
      data-kind={version.kind}
    >
      <label className="history__row-title">
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} />
        <strong>{title(version)}</strong>
      </label>
      <p className="history__row-detail muted">{t(`history.kind.${version.kind}`)}</p>
      {version.authors.length > 0 ? (
        <p className="history__row-detail">
          {t("history.editedBy", { names: [...new Set(names)].join(", ") })}{" "}
          {organizations.map((id) => (
            <OrganizationChip key={id} organizationId={id} />
          ))}
        </p>
      ) : null}
      {version.endorsedBy.length > 0 ? (
        <p className="history__row-detail" data-testid="version-endorsed-by">
          {t("history.endorsedBy")}{" "}
          {version.endorsedBy.map((id) => (
            <OrganizationChip key={id} organizationId={id} />
          ))}
        </p>
      ) : null}
      <div className="history__row-actions">
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => void history.open(version.id)}
        >
          {t("history.open")}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => void history.compare(version.id)}
        >
          {t("history.compareWithNow")}
        </button>
        {canWrite ? (
          <ConfirmButton
            label={t("history.restore")}
            name={t("history.restoreName", { number: version.number })}
            confirmLabel={t("history.restoreConfirm")}
            cancelLabel={t("history.cancel")}
            onConfirm={() => void history.restore(version.id)}
          />
        ) : null}
      </div>
    </li>
  );
}
