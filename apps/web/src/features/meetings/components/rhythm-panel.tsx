import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import type { RhythmLevelView } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { useMutation } from "@tanstack/react-query";
import { FormError } from "../../../ui/form";
import { InputField } from "../../../ui/fields";
import { usePartnershipContext } from "../../partnerships";
import type { RhythmInput } from "../api/meetings-api";
import { useMeetingFormat } from "../hooks/use-meeting-format";
import { meetingPath } from "../state/meeting-paths";
import { CancelSubmitButtons } from "./cancel-submit-buttons";

/**
 * How often each governance level meets, when it last met, what is next, when it is due,
 * and which level is late; admins set the intervals.
 */
export function RhythmPanel({
  rhythm,
  onSave,
}: {
  rhythm: readonly RhythmLevelView[];
  onSave: (input: RhythmInput) => Promise<void>;
}) {
  const t = useT();
  const context = usePartnershipContext();
  const [editing, setEditing] = useState(false);
  const isAdmin = context.me.permission === "admin";
  const byLevel = new Map(rhythm.map((r) => [r.level, r]));

  return (
    <section className="card rhythm" aria-labelledby="rhythm-title" data-testid="rhythm">
      <header className="rhythm__header">
        <h3 id="rhythm-title" className="card__title">
          {t("meetings.rhythm.title")}
        </h3>
        {isAdmin && !editing ? (
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            {t("meetings.rhythm.edit")}
          </button>
        ) : null}
      </header>
      {editing ? (
        <RhythmForm
          rhythm={rhythm}
          onCancel={() => setEditing(false)}
          onSave={async (input) => {
            await onSave(input);
            setEditing(false);
          }}
        />
      ) : (
        <table className="data-table rhythm__table">
          <thead>
            <tr>
              <th scope="col">{t("field.level")}</th>
              <th scope="col">{t("meetings.rhythm.interval")}</th>
              <th scope="col">{t("meetings.rhythm.last")}</th>
              <th scope="col">{t("meetings.rhythm.next")}</th>
              <th scope="col">{t("meetings.rhythm.due")}</th>
            </tr>
          </thead>
          <tbody>
            {GOVERNANCE_LEVELS.map((level) => (
              <RhythmRow key={level} level={level} view={byLevel.get(level) ?? null} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RhythmRow({ level, view }: { level: GovernanceLevel; view: RhythmLevelView | null }) {
  const t = useT();
  const format = useMeetingFormat();
  const { partnershipId } = usePartnershipContext();
  const overdue = view?.overdue === true;
  return (
    <tr
      className={overdue ? "rhythm__row rhythm__row--overdue" : "rhythm__row"}
      data-testid="rhythm-level"
      data-level={level}
      data-overdue={overdue ? "true" : "false"}
    >
      <th scope="row">{t(`level.${level}`)}</th>
      <td>
        {view?.intervalDays == null
          ? t("meetings.rhythm.none")
          : view.intervalDays === 1
            ? t("meetings.rhythm.everyDay")
            : t("meetings.rhythm.every", { days: view.intervalDays })}
      </td>
      <td>{view?.lastMeetingAt ? format.date(view.lastMeetingAt) : t("meetings.rhythm.never")}</td>
      <td>
        {view?.nextMeeting ? (
          <>
            <Link to={meetingPath(partnershipId, view.nextMeeting.id)}>
              {view.nextMeeting.title}
            </Link>{" "}
            <span className="muted">{format.dateTime(view.nextMeeting.startsAt)}</span>
          </>
        ) : (
          <span className="muted">{t("meetings.rhythm.noneScheduled")}</span>
        )}
      </td>
      <td>
        {view?.dueAt ? format.date(view.dueAt) : <span className="muted">—</span>}
        {overdue ? (
          <>
            {" "}
            <span className="pill pill--overdue" data-testid="rhythm-overdue">
              {t("meetings.rhythm.overdue")}
            </span>
          </>
        ) : null}
      </td>
    </tr>
  );
}

function RhythmForm({
  rhythm,
  onSave,
  onCancel,
}: {
  rhythm: readonly RhythmLevelView[];
  onSave: (input: RhythmInput) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const [days, setDays] = useState<Record<GovernanceLevel, string>>(() => {
    const of = (level: GovernanceLevel) => {
      const interval = rhythm.find((r) => r.level === level)?.intervalDays;
      return interval == null ? "" : String(interval);
    };
    return { strategic: of("strategic"), tactical: of("tactical"), operational: of("operational") };
  });
  const { mutate: run, isPending: pending, error } = useMutation({ mutationFn: onSave });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run({
      levels: GOVERNANCE_LEVELS.map((level) => {
        const value = days[level].trim();
        return { level, intervalDays: value === "" ? null : Number(value) };
      }),
    });
  };

  return (
    <form className="item-form" aria-label={t("meetings.rhythm.edit")} onSubmit={submit}>
      <p className="item-form__intro muted">{t("meetings.rhythm.hint")}</p>
      <div className="item-form__grid">
        {GOVERNANCE_LEVELS.map((level) => (
          <InputField
            key={level}
            label={t("meetings.rhythm.intervalOf", { level: t(`level.${level}`) })}
            type="number"
            min={1}
            max={3650}
            step={1}
            inputMode="numeric"
            value={days[level]}
            onChange={(e) => setDays((current) => ({ ...current, [level]: e.target.value }))}
          />
        ))}
      </div>
      <FormError error={error} />
      <CancelSubmitButtons submitLabel={t("common.save")} pending={pending} onCancel={onCancel} />
    </form>
  );
}
