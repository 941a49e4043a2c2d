import {
  FIELD_LIMITS,
  KPI_DIRECTIONS,
  readValues,
  type Kpi,
  type KpiDirection,
  type ReadResult,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useI18n, useT } from "../../../i18n";
import { changedFields } from "../../../lib/changed-fields";
import { todayIso } from "../../../lib/dates";
import { decimalText, parseDecimal } from "../../../lib/decimal-text";
import { ChoiceField, DecimalField, InputField, ItemForm } from "../../../ui/fields";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { ItemComments } from "../../comments";
import { ProgressBar } from "../../../ui/progress-bar";
import { OrganizationChip, canAct, usePartnershipContext } from "../../partnerships";
import { type ItemFormProps, TitleField, UnitField, UnreadableEntry, useWrite } from "../../items";
import type { ObjectivesWriter } from "../hooks/use-objectives";
import { kpiProgress, type KpiState } from "../state/kpi-progress";
import { useKpiTargets } from "../state/kpi-targets-context";
import { ObjectiveItemList } from "./objective-item-list";
import { PendingTarget, TargetForm, TargetHistory, useTargetOwners } from "./kpi-target";

const TONES: Record<KpiState, "good" | "warning" | "danger" | "neutral"> = {
  no_data: "neutral",
  achieved: "good",
  progressing: "neutral",
  regressing: "danger",
  on_target: "good",
  off_target: "warning",
};

function useQuantity() {
  const { formatNumber } = useI18n();
  return (value: number, unit: string) =>
    unit === "" ? formatNumber(value) : `${formatNumber(value)}${unit === "%" ? "" : " "}${unit}`;
}

/** An objective's KPIs, each with its progress towards its target. */
export function KpiList({
  objectiveId,
  owners,
  kpis,
  writable,
  write,
}: {
  objectiveId: string;
  /** The objective's owning organizations: they must agree to a new target. */
  owners: readonly string[];
  kpis: ReadResult<Kpi>[];
  writable: boolean;
  write: ObjectivesWriter;
}) {
  return (
    <ObjectiveItemList
      kind="kpi"
      entries={kpis}
      writable={writable}
      form={KpiForm}
      onAdd={({ target, ...values }) =>
        write.addKpi(objectiveId, { ...values, target: target ?? 0 })
      }
      onRemove={(id) => write.removeKpi(objectiveId, id)}
      renderItem={(kpi) => (
        <KpiItem key={kpi.id} kpi={kpi} owners={owners} writable={writable} write={write} />
      )}
    />
  );
}

type Mode = "view" | "edit" | "measure" | "target";

function KpiItem({
  kpi,
  owners,
  writable,
  write,
}: {
  kpi: Kpi;
  owners: readonly string[];
  writable: boolean;
  write: ObjectivesWriter;
}) {
  const { t, formatDay } = useI18n();
  const quantity = useQuantity();
  const context = usePartnershipContext();
  const targets = useKpiTargets();
  const view = targets.viewOf(kpi.id);
  const required = useTargetOwners(owners);
  const twoKey = required.length > 1;
  // Only the owning organizations' editors change a target (the server checks it too).
  const mayChangeTarget =
    writable && canAct(context) && required.includes(context.me.organizationId);
  const [mode, setMode] = useState<Mode>("view");
  // What the edit form started from: only the fields changed since are written.
  const [snapshot, setSnapshot] = useState<KpiFormValues | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const { run, error, clear } = useWrite();
  const measurements = readValues(kpi.measurements);
  const latest = measurements.at(-1) ?? null;
  const progress = kpiProgress({
    baseline: kpi.baseline,
    target: kpi.target,
    direction: kpi.direction,
    values: measurements.map((m) => m.value),
  });
  const open = (next: Mode) => {
    clear();
    setSnapshot({
      name: kpi.name,
      unit: kpi.unit,
      baseline: kpi.baseline,
      target: null,
      direction: kpi.direction,
    });
    setMode(next);
  };

  return (
    <li className="kpi" data-testid="kpi" data-kpi-id={kpi.id} data-state={progress.state}>
      <div className="kpi__head">
        <span className="kpi__name">{kpi.name}</span>
        <span className="pill" title={t(`kpi.direction.${kpi.direction}.hint`)}>
          {t(`kpi.direction.${kpi.direction}`)}
        </span>
        <span className={`kpi__state kpi__state--${TONES[progress.state]}`}>
          {t(`kpi.state.${progress.state}`)}
        </span>
        <ItemComments kind="kpi" id={kpi.id} title={kpi.name} />
        {writable ? (
          <ItemTools
            editName={t("kpi.edit", { name: kpi.name })}
            deleteName={t("kpi.delete", { name: kpi.name })}
            onEdit={() => open("edit")}
            onDelete={() => run(() => write.removeKpi(kpi.objectiveId, kpi.id))}
          />
        ) : null}
      </div>

      <div className="kpi__track">
        <span className="kpi__end">
          <span className="kpi__end-label">{t("kpi.baseline")}</span>
          {progress.start === null ? "—" : quantity(progress.start, kpi.unit)}
        </span>
        <ProgressBar
          ratio={progress.ratio}
          tone={TONES[progress.state]}
          label={t("kpi.progressLabel", {
            name: kpi.name,
            percent: Math.round(progress.ratio * 100),
          })}
        />
        <span className="kpi__end kpi__end--target">
          <span className="kpi__end-label">{t("kpi.target")}</span>
          <span data-testid="kpi-target">{quantity(kpi.target, kpi.unit)}</span>
        </span>
      </div>
      <PendingTarget kpi={kpi} view={view} quantity={quantity} />
      <p className="kpi__latest">
        {latest ? (
          <>
            {t("kpi.latest")}{" "}
            <strong data-testid="kpi-latest">{quantity(latest.value, kpi.unit)}</strong>{" "}
            {t("kpi.on", { date: formatDay(latest.date) })}
            {kpi.direction !== "maintain"
              ? ` · ${t("kpi.percent", { percent: Math.round(progress.ratio * 100) })}`
              : ""}
          </>
        ) : (
          t("kpi.noMeasurement")
        )}
      </p>

      <div className="kpi__buttons">
        {writable ? (
          <>
            <button type="button" className="button button--small" onClick={() => open("measure")}>
              {t("kpi.measure")}
            </button>
            {mayChangeTarget ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  targets.clearError(kpi.id);
                  open("target");
                }}
              >
                {twoKey ? t("kpi.proposeTarget") : t("kpi.changeTarget")}
              </button>
            ) : null}
          </>
        ) : null}
        <button
          type="button"
          className="button button--small button--ghost"
          aria-expanded={showHistory}
          onClick={() => setShowHistory((v) => !v)}
        >
          {t("kpi.history", { count: measurements.length + kpi.targetHistory.length })}
        </button>
      </div>

      {mode === "edit" && snapshot ? (
        <KpiForm
          initial={snapshot}
          label={t("kpi.edit", { name: kpi.name })}
          submitLabel={t("common.save")}
          error={error}
          onCancel={() => setMode("view")}
          onSubmit={(values) => {
            // The target is not a KPI field: it changes through its history only.
            const patch = changedFields(withoutTarget(snapshot), withoutTarget(values));
            if (run(() => write.updateKpi(kpi.objectiveId, kpi.id, patch))) setMode("view");
          }}
        />
      ) : null}
      {mode === "measure" ? (
        <MeasurementForm
          unit={kpi.unit}
          error={error}
          onCancel={() => setMode("view")}
          onSubmit={(values) => {
            if (run(() => write.addMeasurement(kpi.objectiveId, kpi.id, values))) setMode("view");
          }}
        />
      ) : null}
      {mode === "target" ? (
        <TargetForm kpi={kpi} twoKey={twoKey} onDone={() => setMode("view")} />
      ) : null}
      {mode === "view" ? <WriteError error={error} /> : null}

      {showHistory ? (
        <div className="kpi__history">
          <div>
            <h5 className="kpi__history-title">{t("kpi.targetHistory")}</h5>
            <TargetHistory kpi={kpi} view={view} quantity={quantity} />
          </div>
          <div>
            <h5 className="kpi__history-title">{t("kpi.measurements")}</h5>
            {kpi.measurements.length === 0 ? (
              <p className="muted">{t("kpi.noMeasurement")}</p>
            ) : (
              <ol className="history-list">
                {kpi.measurements.map((entry) =>
                  entry.ok ? (
                    <li key={entry.value.id}>
                      <strong>{quantity(entry.value.value, kpi.unit)}</strong>{" "}
                      <span className="muted">{formatDay(entry.value.date)}</span>{" "}
                      <OrganizationChip organizationId={entry.value.organizationId} />
                      {entry.value.note ? (
                        <q className="history-list__note">{entry.value.note}</q>
                      ) : null}
                    </li>
                  ) : (
                    <li key={entry.id}>
                      {/* Measurements are append-only: the server refuses their deletion. */}
                      <UnreadableEntry problem={entry.problem} />
                    </li>
                  ),
                )}
              </ol>
            )}
          </div>
        </div>
      ) : null}
    </li>
  );
}

interface KpiFormValues {
  name: string;
  unit: string;
  baseline: number | null;
  /** Only when creating: afterwards the target changes through its history. */
  target: number | null;
  direction: KpiDirection;
}

function withoutTarget({ name, unit, baseline, direction }: KpiFormValues) {
  return { name, unit, baseline, direction };
}

function KpiForm({
  initial,
  onSubmit,
  ...form
}: ItemFormProps<KpiFormValues> & { initial: KpiFormValues | null }) {
  const t = useT();
  const creating = initial === null;
  const [name, setName] = useState(initial?.name ?? "");
  const [unit, setUnit] = useState(initial?.unit ?? "");
  const [baseline, setBaseline] = useState(decimalText(initial?.baseline ?? null));
  const [target, setTarget] = useState("");
  const [direction, setDirection] = useState<KpiDirection>(initial?.direction ?? "increase");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      name: name.trim(),
      unit: unit.trim(),
      baseline: parseDecimal(baseline),
      target: creating ? parseDecimal(target) : null,
      direction,
    });
  };

  return (
    <ItemForm {...form} nested onSubmit={submit}>
      <TitleField label={t("kpi.field.name")} value={name} onChange={setName} />
      <UnitField value={unit} onChange={setUnit} placeholder="%" />
      <ChoiceField
        label={t("kpi.field.direction")}
        value={direction}
        values={KPI_DIRECTIONS}
        optionLabel={(v) => t(`kpi.direction.${v}`)}
        onChange={setDirection}
      />
      <DecimalField label={t("kpi.field.baseline")} value={baseline} onChange={setBaseline} />
      {creating ? (
        <DecimalField label={t("kpi.field.target")} value={target} onChange={setTarget} required />
      ) : null}
    </ItemForm>
  );
}

function MeasurementForm({
  unit,
  error,
  onSubmit,
  onCancel,
}: {
  unit: string;
  error: string | null;
  onSubmit: (values: { date: string; value: number; note: string | null }) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [date, setDate] = useState(todayIso());
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDecimal(value);
    if (parsed === null) return;
    onSubmit({ date, value: parsed, note: note.trim() === "" ? null : note.trim() });
  };
  return (
    <ItemForm
      label={t("kpi.measure")}
      nested
      submitLabel={t("kpi.measure.submit")}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <DecimalField
        label={unit ? t("kpi.field.valueIn", { unit }) : t("kpi.field.value")}
        value={value}
        onChange={setValue}
        required
        autoFocus
      />
      <InputField
        label={t("kpi.field.date")}
        type="date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        required
      />
      <InputField
        className="item-form__wide"
        label={t("field.note")}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={FIELD_LIMITS.text}
      />
    </ItemForm>
  );
}
