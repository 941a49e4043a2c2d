import { NOTIFICATION_KINDS } from "@entente/protocol";
import { useT } from "../../../i18n";
import { SelectField } from "../../../ui/fields";
import { kindLabels } from "../../preferences";
import {
  isFiltered,
  NO_FILTER,
  withKind,
  type NotificationFilter,
} from "../state/notification-filter";

/**
 * The notifications page's filters: a partnership (when the user is in several) and kinds,
 * chosen in a disclosure that says how many are chosen. Every change is the new filter.
 */
export function NotificationFilters({
  filter,
  partnerships,
  onChange,
}: {
  filter: NotificationFilter;
  partnerships: readonly { id: string; name: string }[];
  onChange: (filter: NotificationFilter) => void;
}) {
  const t = useT();
  return (
    <div
      className="notification-filters"
      role="group"
      aria-label={t("notifications.filter.label")}
      data-testid="notification-filters"
    >
      {partnerships.length > 1 || filter.partnershipId !== null ? (
        <SelectField
          className="notification-filters__partnership"
          label={t("notifications.filter.partnership")}
          value={filter.partnershipId ?? ""}
          onChange={(event) => onChange({ ...filter, partnershipId: event.target.value || null })}
          options={[
            { value: "", label: t("notifications.filter.allPartnerships") },
            ...partnerships.map((partnership) => ({
              value: partnership.id,
              label: partnership.name,
            })),
          ]}
        />
      ) : null}
      <details className="notification-filters__kinds">
        <summary className="notification-filters__summary">
          {t("notifications.filter.kinds", { count: filter.kinds.length })}
        </summary>
        <fieldset className="notification-filters__choices">
          <legend className="visually-hidden">{t("notifications.filter.kindsLegend")}</legend>
          {NOTIFICATION_KINDS.map((kind) => {
            const labels = kindLabels(kind);
            return (
              <label key={kind} className="notification-filters__kind">
                <input
                  type="checkbox"
                  checked={filter.kinds.includes(kind)}
                  onChange={(event) => onChange(withKind(filter, kind, event.target.checked))}
                />
                {labels ? t(labels.label) : t("preferences.kind.other", { kind })}
              </label>
            );
          })}
        </fieldset>
      </details>
      {isFiltered(filter) ? (
        <button
          type="button"
          className="button button--small button--ghost notification-filters__clear"
          onClick={() => onChange(NO_FILTER)}
        >
          {t("notifications.filter.clear")}
        </button>
      ) : null}
    </div>
  );
}
