import type { MeetingView } from "@entente/protocol";
import { useT } from "../../../i18n";
import { useMeetingFormat } from "../../meetings";
import { usePartnershipContext } from "../../partnerships";

/**
 * Who runs the workshop and when it starts (or started), so that a participant who arrives
 * early knows whom to expect and when: "Run by Lucas Bernard (Southpeak) · starts Tue, …".
 */
export function WorkshopHost({ meeting, now }: { meeting: MeetingView; now: number }) {
  const t = useT();
  const format = useMeetingFormat();
  const { organizations } = usePartnershipContext();
  const organization = organizations.find((o) => o.id === meeting.facilitator.organizationId);
  const values = {
    name: meeting.facilitator.name,
    organization: organization?.name ?? t("organization.unknown"),
    when: format.dateTime(meeting.startsAt),
  };
  const started = Date.parse(meeting.startsAt) <= now;
  return (
    <p className="workshop__host" data-testid="workshop-host">
      <time dateTime={meeting.startsAt}>
        {started ? t("workshop.host.started", values) : t("workshop.host.upcoming", values)}
      </time>
    </p>
  );
}
