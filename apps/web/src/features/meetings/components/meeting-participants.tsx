import type { MeetingParticipantView } from "@entente/protocol";
import { useT } from "../../../i18n";
import { OrganizationChip, usePartnershipContext } from "../../partnerships";
import { participantsByOrganization } from "../state/meetings-state";

/** Who takes part, organization by organization, each behind its chip. */
export function MeetingParticipants({
  participants,
  facilitatorId,
}: {
  participants: readonly MeetingParticipantView[];
  facilitatorId: string;
}) {
  const t = useT();
  const { organizations } = usePartnershipContext();
  const groups = participantsByOrganization(
    participants,
    organizations.map((o) => o.id),
  );
  if (groups.length === 0) return <span className="muted">{t("meetings.participants.none")}</span>;
  return (
    <ul className="meeting-participants" aria-label={t("meetings.participants.label")}>
      {groups.map((group) => (
        <li
          key={group.organizationId}
          className="meeting-participants__org"
          data-testid="meeting-participants"
          data-organization-id={group.organizationId}
        >
          <OrganizationChip organizationId={group.organizationId} />
          <span className="meeting-participants__names">
            {group.participants
              .map((p) =>
                p.id === facilitatorId
                  ? t("meetings.participants.facilitating", { name: p.name })
                  : p.name,
              )
              .join(", ")}
          </span>
        </li>
      ))}
    </ul>
  );
}
