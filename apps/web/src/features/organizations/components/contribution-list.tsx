import { CONTRIBUTION_KINDS, type Contribution, type ContributionKind } from "@entente/schema";
import { useState, type FormEvent, type ReactNode } from "react";
import { useI18n, useT } from "../../../i18n";
import { decimalText, parseDecimal } from "../../../lib/decimal-text";
import { ChoiceField, DecimalField, InputField, ItemForm } from "../../../ui/fields";
import { ProgressBar } from "../../../ui/progress-bar";
import { DescriptionField, UnitField } from "../../items";
import {
  ProfileEntryHead,
  ProfileList,
  type ProfileListProps,
  type ProfileFormProps,
} from "./profile-list";

/** What the form of a contribution edits. */
const FORM_FIELDS = [
  "kind",
  "description",
  "unit",
  "promisedAmount",
  "deliveredAmount",
  "periodStart",
  "periodEnd",
] as const;
type ContributionFormValues = Pick<Contribution, (typeof FORM_FIELDS)[number]>;

/** What the organization brings: promised vs delivered. */
export function ContributionList({ write, ...list }: ProfileListProps<Contribution>) {
  return (
    <ProfileList
      kind="contribution"
      {...list}
      write={write.contribution}
      fields={FORM_FIELDS}
      renderForm={(form) => <ContributionForm {...form} />}
      renderEntry={(contribution, tools) => (
        <ContributionEntry contribution={contribution} tools={tools} />
      )}
    />
  );
}

function ContributionEntry({
  contribution,
  tools,
}: {
  contribution: Contribution;
  tools: ReactNode;
}) {
  const { t, formatDay, formatNumber } = useI18n();
  const { promisedAmount: promised, deliveredAmount: delivered, unit } = contribution;
  const amount = (n: number | null) =>
    n === null ? "—" : unit ? `${formatNumber(n)} ${unit}` : formatNumber(n);
  const ratio = promised && promised > 0 ? (delivered ?? 0) / promised : null;
  return (
    <>
      <ProfileEntryHead
        kind="contribution"
        id={contribution.id}
        kindLabel={t(`contribution.kind.${contribution.kind}`)}
        description={contribution.description}
        tools={tools}
      >
        {contribution.periodStart || contribution.periodEnd ? (
          <span className="muted profile-item__period">
            {contribution.periodStart ? formatDay(contribution.periodStart) : "…"} –{" "}
            {contribution.periodEnd ? formatDay(contribution.periodEnd) : "…"}
          </span>
        ) : null}
      </ProfileEntryHead>
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
    </>
  );
}

function ContributionForm({
  initial,
  onSubmit,
  ...form
}: ProfileFormProps<ContributionFormValues>) {
  const t = useT();
  const [kind, setKind] = useState<ContributionKind>(initial?.kind ?? "funding");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [unit, setUnit] = useState(initial?.unit ?? "");
  const [promised, setPromised] = useState(decimalText(initial?.promisedAmount ?? null));
  const [delivered, setDelivered] = useState(decimalText(initial?.deliveredAmount ?? null));
  const [start, setStart] = useState(initial?.periodStart ?? "");
  const [end, setEnd] = useState(initial?.periodEnd ?? "");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      kind,
      description,
      unit: unit.trim(),
      promisedAmount: parseDecimal(promised),
      deliveredAmount: parseDecimal(delivered),
      periodStart: start === "" ? null : start,
      periodEnd: end === "" ? null : end,
    });
  };

  return (
    <ItemForm {...form} nested onSubmit={submit}>
      <ChoiceField
        label={t("field.kind")}
        value={kind}
        values={CONTRIBUTION_KINDS}
        optionLabel={(v) => t(`contribution.kind.${v}`)}
        onChange={setKind}
      />
      <UnitField value={unit} onChange={setUnit} placeholder="EUR, FTE…" />
      <DescriptionField
        label={t("field.description")}
        value={description}
        onChange={setDescription}
      />
      <DecimalField
        label={t("contribution.field.promised")}
        min={0}
        value={promised}
        onChange={setPromised}
      />
      <DecimalField
        label={t("contribution.field.delivered")}
        min={0}
        value={delivered}
        onChange={setDelivered}
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
    </ItemForm>
  );
}
