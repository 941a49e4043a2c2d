import { FIELD_LIMITS, type Ambition, type ReadResult } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { ConfirmButton } from "../../../ui/confirm-button";
import { FormFooter, TextAreaField } from "../../../ui/fields";
import { UnreadableEntry } from "../../partnerships/components/unreadable-entry";
import { useWrite } from "../../partnerships/hooks/use-write";
import type { ProfileWriter } from "../hooks/use-profiles";

/** What the organization hopes to get out of the partnership, in its own words. */
export function AmbitionList({
  ambitions,
  writable,
  write,
}: {
  ambitions: ReadResult<Ambition>[];
  writable: boolean;
  write: ProfileWriter;
}) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const { run, error, clear } = useWrite();
  return (
    <section className="profile-block" aria-label={t("ambition.title")}>
      <header className="subsection__header">
        <h3 className="subsection__title">
          {t("ambition.title")} <span className="count">{ambitions.length}</span>
        </h3>
        {writable && !adding ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              clear();
              setAdding(true);
            }}
          >
            {t("ambition.add")}
          </button>
        ) : null}
      </header>
      {adding ? (
        <AmbitionForm
          initial=""
          label={t("ambition.add")}
          submitLabel={t("common.add")}
          error={error}
          onCancel={() => setAdding(false)}
          onSubmit={(statement) => {
            if (run(() => write.addAmbition({ statement }))) setAdding(false);
          }}
        />
      ) : null}
      {ambitions.length === 0 && !adding ? (
        <p className="muted">{t("ambition.empty")}</p>
      ) : (
        <ul className="profile-list">
          {ambitions.map((entry) =>
            entry.ok ? (
              <AmbitionItem
                key={entry.value.id}
                ambition={entry.value}
                writable={writable}
                write={write}
              />
            ) : (
              <li key={entry.id}>
                <UnreadableEntry
                  problem={entry.problem}
                  onDelete={writable ? () => void write.removeAmbition(entry.id) : undefined}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function AmbitionItem({
  ambition,
  writable,
  write,
}: {
  ambition: Ambition;
  writable: boolean;
  write: ProfileWriter;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const { run, error, clear } = useWrite();
  if (editing) {
    return (
      <li>
        <AmbitionForm
          initial={ambition.statement}
          label={t("ambition.edit")}
          submitLabel={t("common.save")}
          error={error}
          onCancel={() => setEditing(false)}
          onSubmit={(statement) => {
            if (run(() => write.updateAmbition(ambition.id, { statement }))) setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li className="profile-item profile-item--ambition" data-testid="ambition">
      <p className="profile-item__text">{ambition.statement}</p>
      {writable ? (
        <span className="item-tools">
          <button
            type="button"
            className="button button--small button--ghost"
            aria-label={t("ambition.edit")}
            onClick={() => {
              clear();
              setEditing(true);
            }}
          >
            {t("common.edit")}
          </button>
          <ConfirmButton
            label={t("common.delete")}
            confirmLabel={t("common.confirmDelete")}
            cancelLabel={t("common.cancel")}
            name={t("ambition.delete")}
            onConfirm={() => run(() => write.removeAmbition(ambition.id))}
          />
        </span>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function AmbitionForm({
  initial,
  label,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  initial: string;
  label: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (statement: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [statement, setStatement] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (statement.trim() === "") return;
    onSubmit(statement.trim());
  };
  return (
    <form className="item-form item-form--nested" aria-label={label} onSubmit={submit}>
      <TextAreaField
        label={t("ambition.field.statement")}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        required
        maxLength={FIELD_LIMITS.text}
        autoFocus
      />
      <FormFooter
        submitLabel={submitLabel}
        cancelLabel={t("common.cancel")}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}
