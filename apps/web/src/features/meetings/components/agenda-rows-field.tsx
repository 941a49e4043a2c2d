import { useT } from "../../../i18n";
import { InputField } from "../../../ui/fields";
import { usePartnershipContext } from "../../partnerships";
import { AgendaOwnerTimeboxFields } from "./agenda-owner-timebox-fields";

export interface AgendaRow {
  /** Local only: keeps React's rows apart while they are edited. */
  key: number;
  title: string;
  ownerOrganizationId: string;
  timeboxMinutes: string;
}

let nextKey = 0;

/** The first agenda of a new meeting: rows of item, owner organization and time box. */
export function AgendaRowsField({
  rows,
  onChange,
}: {
  rows: readonly AgendaRow[];
  onChange: (rows: AgendaRow[]) => void;
}) {
  const t = useT();
  const { organizations, me } = usePartnershipContext();
  const update = (key: number, change: Partial<AgendaRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <fieldset className="fieldset field item-form__wide" data-testid="agenda-rows">
      <legend className="field__label">{t("meetings.agenda.title")}</legend>
      {rows.length === 0 ? <p className="muted">{t("meetings.agenda.noneYet")}</p> : null}
      <ol className="agenda-rows">
        {rows.map((row, index) => (
          <li key={row.key} className="agenda-rows__row" data-testid="agenda-row">
            <InputField
              label={t("meetings.agenda.itemN", { n: index + 1 })}
              value={row.title}
              required
              maxLength={200}
              onChange={(e) => update(row.key, { title: e.target.value })}
            />
            <AgendaOwnerTimeboxFields
              owner={row.ownerOrganizationId}
              timebox={row.timeboxMinutes}
              onOwnerChange={(ownerOrganizationId) => update(row.key, { ownerOrganizationId })}
              onTimeboxChange={(timeboxMinutes) => update(row.key, { timeboxMinutes })}
            />
            <button
              type="button"
              className="button button--small button--danger-ghost agenda-rows__remove"
              aria-label={t("meetings.agenda.removeRow", { n: index + 1 })}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              {t("common.delete")}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          onChange([
            ...rows,
            {
              key: nextKey++,
              title: "",
              ownerOrganizationId: me.organizationId || (organizations[0]?.id ?? ""),
              timeboxMinutes: "15",
            },
          ])
        }
      >
        {t("meetings.agenda.addRow")}
      </button>
    </fieldset>
  );
}
