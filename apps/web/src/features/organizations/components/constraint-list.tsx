import {
  CONSTRAINT_KINDS,
  FIELD_LIMITS,
  SEVERITIES,
  type Constraint,
  type ConstraintKind,
  type ReadResult,
  type Severity,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { changedFields } from "../../../lib/changed-fields";
import { ConfirmButton } from "../../../ui/confirm-button";
import { CheckboxGroup, FormFooter, SelectField, TextAreaField } from "../../../ui/fields";
import { UnreadableEntry } from "../../partnerships/components/unreadable-entry";
import { useWrite } from "../../partnerships/hooks/use-write";
import type { ProfileWriter } from "../hooks/use-profiles";
import { SeverityBadge } from "./severity-badge";

interface ConstraintFormValues {
  kind: ConstraintKind;
  severity: Severity;
  description: string;
  affectedObjectiveIds: string[];
}

type ObjectiveTitle = { id: string; title: string };

/** Where the organization is constrained, and which objectives that weighs on. */
export function ConstraintList({
  constraints,
  objectives,
  writable,
  write,
}: {
  constraints: ReadResult<Constraint>[];
  objectives: readonly ObjectiveTitle[];
  writable: boolean;
  write: ProfileWriter;
}) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const { run, error, clear } = useWrite();
  return (
    <section className="profile-block" aria-label={t("constraint.title")}>
      <header className="subsection__header">
        <h3 className="subsection__title">
          {t("constraint.title")} <span className="count">{constraints.length}</span>
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
            {t("constraint.add")}
          </button>
        ) : null}
      </header>
      {adding ? (
        <ConstraintForm
          initial={null}
          objectives={objectives}
          label={t("constraint.add")}
          submitLabel={t("common.add")}
          error={error}
          onCancel={() => setAdding(false)}
          onSubmit={(values) => {
            if (run(() => write.addConstraint(values))) setAdding(false);
          }}
        />
      ) : null}
      {constraints.length === 0 && !adding ? (
        <p className="muted">{t("constraint.empty")}</p>
      ) : (
        <ul className="profile-list">
          {constraints.map((entry) =>
            entry.ok ? (
              <ConstraintItem
                key={entry.value.id}
                constraint={entry.value}
                objectives={objectives}
                writable={writable}
                write={write}
              />
            ) : (
              <li key={entry.id}>
                <UnreadableEntry
                  problem={entry.problem}
                  onDelete={writable ? () => void write.removeConstraint(entry.id) : undefined}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function ConstraintItem({
  constraint,
  objectives,
  writable,
  write,
}: {
  constraint: Constraint;
  objectives: readonly ObjectiveTitle[];
  writable: boolean;
  write: ProfileWriter;
}) {
  const t = useT();
  // What the form started from: only the fields changed since are written.
  const [snapshot, setSnapshot] = useState<ConstraintFormValues | null>(null);
  const { run, error, clear } = useWrite();
  const initial: ConstraintFormValues = {
    kind: constraint.kind,
    severity: constraint.severity,
    description: constraint.description,
    affectedObjectiveIds: constraint.affectedObjectiveIds,
  };

  if (snapshot) {
    return (
      <li>
        <ConstraintForm
          initial={snapshot}
          objectives={objectives}
          label={t("constraint.edit")}
          submitLabel={t("common.save")}
          error={error}
          onCancel={() => setSnapshot(null)}
          onSubmit={(values) => {
            if (run(() => write.updateConstraint(constraint.id, changedFields(snapshot, values)))) {
              setSnapshot(null);
            }
          }}
        />
      </li>
    );
  }

  return (
    <li className="profile-item" data-testid="constraint" data-constraint-id={constraint.id}>
      <div className="profile-item__head">
        <span className="pill">{t(`constraint.kind.${constraint.kind}`)}</span>
        <SeverityBadge severity={constraint.severity} />
        {writable ? (
          <span className="item-tools">
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t("constraint.edit")}
              onClick={() => {
                clear();
                setSnapshot(initial);
              }}
            >
              {t("common.edit")}
            </button>
            <ConfirmButton
              label={t("common.delete")}
              confirmLabel={t("common.confirmDelete")}
              cancelLabel={t("common.cancel")}
              name={t("constraint.delete")}
              onConfirm={() => run(() => write.removeConstraint(constraint.id))}
            />
          </span>
        ) : null}
      </div>
      {constraint.description ? (
        <p className="profile-item__text">{constraint.description}</p>
      ) : null}
      {constraint.affectedObjectiveIds.length > 0 ? (
        <p className="profile-item__affects">
          <span className="muted">{t("constraint.affects")}</span>{" "}
          {constraint.affectedObjectiveIds.map((id) => (
            <span key={id} className="objective-ref">
              {objectives.find((o) => o.id === id)?.title ?? t("issue.deletedObjective")}
            </span>
          ))}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function ConstraintForm({
  initial,
  objectives,
  label,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  initial: ConstraintFormValues | null;
  objectives: readonly ObjectiveTitle[];
  label: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (values: ConstraintFormValues) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<ConstraintKind>(initial?.kind ?? "budget");
  const [severity, setSeverity] = useState<Severity>(initial?.severity ?? "medium");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [affected, setAffected] = useState<string[]>(initial?.affectedObjectiveIds ?? []);
  // Links to objectives deleted since are kept unless unticked.
  const options = [
    ...objectives.map((o) => ({ value: o.id, label: o.title })),
    ...affected
      .filter((id) => !objectives.some((o) => o.id === id))
      .map((id) => ({ value: id, label: t("issue.deletedObjective") })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ kind, severity, description, affectedObjectiveIds: affected });
  };

  return (
    <form className="item-form item-form--nested" aria-label={label} onSubmit={submit}>
      <div className="item-form__grid">
        <SelectField
          label={t("field.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as ConstraintKind)}
          options={CONSTRAINT_KINDS.map((v) => ({ value: v, label: t(`constraint.kind.${v}`) }))}
        />
        <SelectField
          label={t("field.severity")}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as Severity)}
          options={SEVERITIES.map((v) => ({ value: v, label: t(`severity.${v}`) }))}
        />
        <TextAreaField
          className="item-form__wide"
          label={t("field.description")}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={FIELD_LIMITS.text}
        />
        <div className="item-form__wide">
          {options.length > 0 ? (
            <CheckboxGroup
              legend={t("constraint.field.affects")}
              options={options}
              selected={affected}
              onChange={setAffected}
            />
          ) : (
            <p className="muted">{t("constraint.noObjectives")}</p>
          )}
        </div>
      </div>
      <FormFooter
        submitLabel={submitLabel}
        cancelLabel={t("common.cancel")}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}
