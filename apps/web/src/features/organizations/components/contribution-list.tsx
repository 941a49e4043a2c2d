import {
  CONTRIBUTION_KINDS,
  FIELD_LIMITS,
  type Contribution,
  type ContributionKind,
  type ReadResult,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useI18n, useT } from "../../../i18n";
import { ChoiceField, InputField, ItemForm } from "../../../ui/fields";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { ItemComments } from "../../comments";
import { ProgressBar } from "../../../ui/progress-bar";
import { EditableList, type ItemFormProps, DescriptionField, useItemEditor } from "../../items";
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
  readOnlyHint,
  write,
}: {
  contributions: ReadResult<Contribution>[];
  writable: boolean;
  /** Who may add here, said to a reader who may not. */
  readOnlyHint: string;
  write: ProfileWriter;
}) {
  const t = useT();
  return (
    <EditableList
      className="profile-block"
      heading="h3"
      title={t("contribution.title")}
      addLabel={t("contribution.add")}
      emptyText={t("contribution.empty")}
      emptyHint={t("contribution.emptyHint")}
      readOnlyHint={readOnlyHint}
      listClassName="profile-list"
      entries={contributions}
      writable={writable}
      onRemove={(id) => write.removeContribution(id)}
      renderAddForm={(form, save) => (
        <ContributionForm
          {...form}
          initial={null}
          onSubmit={(values) => save(() => write.addContribution(values))}
        />
      )}
      renderItem={(contribution) => (
        <ContributionItem
          key={contribution.id}
          contribution={contribution}
          writable={writable}
          write={write}
        />
      )}
    />
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
  const editor = useItemEditor<ContributionFormValues>();
  const { promisedAmount: promised, deliveredAmount: delivered, unit } = contribution;
  const amount = (n: number | null) =>
    n === null ? "—" : unit ? `${formatNumber(n)} ${unit}` : formatNumber(n);
  const ratio = promised && promised > 0 ? (delivered ?? 0) / promised : null;

  if (editor.snapshot) {
    return (
      <li>
        <ContributionForm
          initial={editor.snapshot}
          label={t("contribution.edit")}
          submitLabel={t("common.save")}
          error={editor.error}
          onCancel={editor.cancel}
          onSubmit={(values) =>
            editor.save(values, (patch) => write.updateContribution(contribution.id, patch))
          }
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
        <ItemComments
          kind="contribution"
          id={contribution.id}
          title={contribution.description || t(`contribution.kind.${contribution.kind}`)}
        />
        {writable ? (
          <ItemTools
            editName={t("contribution.edit")}
            deleteName={t("contribution.delete")}
            onEdit={() =>
              editor.edit({
                kind: contribution.kind,
                description: contribution.description,
                unit: contribution.unit,
                promisedAmount: contribution.promisedAmount,
                deliveredAmount: contribution.deliveredAmount,
                periodStart: contribution.periodStart,
                periodEnd: contribution.periodEnd,
              })
            }
            onDelete={() => editor.run(() => write.removeContribution(contribution.id))}
          />
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
      <WriteError error={editor.error} />
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
  onSubmit,
  ...form
}: ItemFormProps<ContributionFormValues> & { initial: ContributionFormValues | null }) {
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
    <ItemForm {...form} nested onSubmit={submit}>
      <ChoiceField
        label={t("field.kind")}
        value={kind}
        values={CONTRIBUTION_KINDS}
        optionLabel={(v) => t(`contribution.kind.${v}`)}
        onChange={setKind}
      />
      <InputField
        label={t("field.unit")}
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
        maxLength={FIELD_LIMITS.unit}
        placeholder="EUR, FTE…"
      />
      <DescriptionField
        label={t("field.description")}
        value={description}
        onChange={setDescription}
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
    </ItemForm>
  );
}
