import { useT } from "../../../i18n";
import { useOverdueLevels } from "../hooks/use-overdue-levels";
import "../meetings.css";

/** On the Meetings tab: a governance level's meeting is overdue. */
export function MeetingsTabBadge({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const overdue = useOverdueLevels(partnershipId);
  if (overdue.length === 0) return null;
  const levels = overdue.map((level) => t(`level.${level}`)).join(", ");
  return (
    <span
      className="tab-badge tab-badge--overdue"
      data-testid="meetings-overdue-badge"
      title={t("meetings.rhythm.overdueLevels", { levels })}
    >
      <span aria-hidden="true">!</span>
      <span className="visually-hidden">{t("meetings.rhythm.overdueLevels", { levels })}</span>
    </span>
  );
}
