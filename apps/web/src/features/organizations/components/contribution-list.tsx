import {
  CONTRIBUTION_KINDS,
  FIELD_LIMITS,
  type Contribution,
  type ContributionKind,
  type ReadResult,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useI18n, useT } from "../../../i18n";
import { changedFields } from "../../../lib/changed-fields";
import { ConfirmButton } from "../../../ui/confirm-button";
import { FormFooter, InputField, SelectField, TextAreaField } from "../../../ui/fields";
import { ProgressBar } from "../../../ui/progress-bar";
import { UnreadableEntry } from "../../partnerships/components/unreadable-entry";
import { useWrite } from "../../partnerships/hooks/use-write";
import type { ProfileWriter } from "../hooks/use-profiles";

interface ContributionFormValues {
  kind: ContributionKind;
  description: string;
  unit: string;
  promisedAmount: number | null;
  deliveredAmount: number | null;
  periodStart: string | null;
  periodEnd: string | null;
}

/** What the organization brings: promised vs delivered. */
export function ContributionList({
  contributions,
  writable,
  write,
}: {
  contributions: ReadResult<Contribution>[];
  writable: boolean;
  write: ProfileWriter;
}) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const { run, error, clear } = useWrite();
  return (
    <section className="profile-block" aria-label={t("contribution.title")}>
      <header className="subsection__header">
        <h3 className="subsection__title">
          {t("contribution.title")} <span className="count">{contributions.length}</span>
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
            {t("contribution.add")}
          </button>
        ) : null}
      </header>
      {adding ? (
        <ContributionForm
          initial={null}
          label={t("contribution.add")}
          submitLabel={t("common.add")}
          error={error}
          onCancel={() => setAdding(false)}
          onSubmit={(values) => {
            if (run(() => write.addContribution(values))) setAdding(false);
          }}
        />
      ) : null}
      {contributions.length === 0 && !adding ? (
        <p className="muted">{t("contribution.empty")}</p>
      ) : (
        <ul className="profile-list">
          {contributions.map((entry) =>
            entry.ok ? (
              <ContributionItem
                key={entry.value.id}
                contribution={entry.value}
                writable={writable}
                write={write}
              />
            ) : (
              <li key={entry.id}>
                <UnreadableEntry
                  problem={entry.problem}
                  onDelete={writable ? () => void write.removeContribution(entry.id) : undefined}
                />
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function ContributionItem({
  contribution,
  writable,
  write,
}: {
  contribution: Contribution;
  writable: boolean;
  write: ProfileWriter;
}) {
  const { t, formatDay, formatNumber } = useI18n();
  // What the form started from: only the fields changed since are written.
  const [snapshot, setSnapshot] = useState<ContributionFormValues | null>(null);
  const { run, error, clear } = useWrite();
  const { promisedAmount: promised, deliveredAmount: delivered, unit } = contribution;
  const amount = (n: number | null) =>
    n === null ? "—" : unit ? `${formatNumber(n)} ${unit}` : formatNumber(n);
  const ratio = promised && promised > 0 ? (delivered ?? 0) / promised : null;

  const initial: ContributionFormValues = {
    kind: contribution.kind,
    description: contribution.description,
    unit: contribution.unit,
    promisedAmount: contribution.promisedAmount,
    deliveredAmount: contribution.deliveredAmount,
    periodStart: contribution.periodStart,
    periodEnd: contribution.periodEnd,
  };

  if (snapshot) {
    return (
      <li>
        <ContributionForm
          initial={snapshot}
          label={t("contribution.edit")}
          submitLabel={t("common.save")}
          error={error}
          onCancel={() => setSnapshot(null)}
          onSubmit={(values) => {
            if (
              run(() => write.updateContribution(contribution.id, changedFields(snapshot, values)))
            ) {
              setSnapshot(null);
            }
          }}
        />
      </li>
    );
  }

  return (
    <li className="profile-item" data-testid="contribution" data-contribution-id={contribution.id}>
      <div className="profile-item__head">
        <span className="pill">{t(`contribution.kind.${contribution.kind}`)}</span>
        {contribution.periodStart || contribution.periodEnd ? (
          <span className="muted profile-item__period">
            {contribution.periodStart ? formatDay(contribution.periodStart) : "…"} –{" "}
            {contribution.periodEnd ? formatDay(contribution.periodEnd) : "…"}
          </span>
        ) : null}
        {writable ? (
          <span className="item-tools">
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t("contribution.edit")}
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
              name={t("contribution.delete")}
              onConfirm={() => run(() => write.removeContribution(contribution.id))}
            />
          </span>
        ) : null}
      </div>
      {contribution.description ? (
        <p className="profile-item__text">{contribution.description}</p>
      ) : null}
      <div className="delivery">
        <span className="delivery__numbers">
          {t("contribution.delivered", {
            delivered: amount(delivered),
            promised: amount(promised),
          })}
        </span>
        {ratio !== null ? (
          <ProgressBar
            ratio={ratio}
            tone={ratio >= 1 ? "good" : "neutral"}
            label={t("contribution.deliveredPercent", { percent: Math.round(ratio * 100) })}
          />
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function amountText(n: number | null): string {
  return n === null ? "" : String(n);
}

function parseAmount(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

function ContributionForm({
  initial,
  label,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  initial: ContributionFormValues | null;
  label: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (values: ContributionFormValues) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<ContributionKind>(initial?.kind ?? "funding");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [unit, setUnit] = useState(initial?.unit ?? "");
  const [promised, setPromised] = useState(amountText(initial?.promisedAmount ?? null));
  const [delivered, setDelivered] = useState(amountText(initial?.deliveredAmount ?? null));
  const [start, setStart] = useState(initial?.periodStart ?? "");
  const [end, setEnd] = useState(initial?.periodEnd ?? "");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      kind,
      description,
      unit: unit.trim(),
      promisedAmount: parseAmount(promised),
      deliveredAmount: parseAmount(delivered),
      periodStart: start === "" ? null : start,
      periodEnd: end === "" ? null : end,
    });
  };

  return (
    <form className="item-form item-form--nested" aria-label={label} onSubmit={submit}>
      <div className="item-form__grid">
        <SelectField
          label={t("field.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as ContributionKind)}
          options={CONTRIBUTION_KINDS.map((v) => ({
            value: v,
            label: t(`contribution.kind.${v}`),
          }))}
        />
        <InputField
          label={t("field.unit")}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          maxLength={FIELD_LIMITS.unit}
          placeholder="EUR, FTE…"
        />
        <TextAreaField
          className="item-form__wide"
          label={t("field.description")}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          maxLength={FIELD_LIMITS.text}
        />
        <InputField
          label={t("contribution.field.promised")}
          type="number"
          min={0}
          step="any"
          value={promised}
          onChange={(e) => setPromised(e.target.value)}
        />
        <InputField
          label={t("contribution.field.delivered")}
          type="number"
          min={0}
          step="any"
          value={delivered}
          onChange={(e) => setDelivered(e.target.value)}
        />
        <InputField
          label={t("contribution.field.start")}
          type="date"
          value={start}
          onChange={(e) => setStart(e.target.value)}
        />
        <InputField
          label={t("contribution.field.end")}
          type="date"
          value={end}
          min={start || undefined}
          onChange={(e) => setEnd(e.target.value)}
        />
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
