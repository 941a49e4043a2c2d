import { useT } from "../../../i18n";
import { InputField, SelectField } from "../../../ui/fields";
import { usePartnershipContext } from "../../partnerships";

/**
 * An agenda item's owner organization and time box (in minutes, as typed), as both the agenda
 * item form and a new meeting's agenda rows ask for them.
 */
export function AgendaOwnerTimeboxFields({
  owner,
  timebox,
  onOwnerChange,
  onTimeboxChange,
}: {
  owner: string;
  timebox: string;
  onOwnerChange: (organizationId: string) => void;
  onTimeboxChange: (minutes: string) => void;
}) {
  const t = useT();
  const { organizations } = usePartnershipContext();
  return (
    <>
      <SelectField
        label={t("meetings.agenda.owner")}
        value={owner}
        onChange={(e) => onOwnerChange(e.target.value)}
        options={organizations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <InputField
        label={t("meetings.agenda.timebox")}
        type="number"
        required
        min={1}
        max={480}
        value={timebox}
        onChange={(e) => onTimeboxChange(e.target.value)}
      />
    </>
  );
}
