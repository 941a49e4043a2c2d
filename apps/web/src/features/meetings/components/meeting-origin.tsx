import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { usePartnershipContext } from "../../partnerships";
import { meetingPath } from "../state/meeting-paths";

/**
 * "From a meeting": on an action, issue or decision a workshop turned a note into, the way
 * back to the meeting it came from. Nothing for items made anywhere else.
 */
export function MeetingOrigin({ meetingId }: { meetingId: string | null }) {
  const t = useT();
  const { partnershipId } = usePartnershipContext();
  if (!meetingId) return null;
  return (
    <Link
      to={meetingPath(partnershipId, meetingId)}
      className="meeting-origin"
      data-testid="meeting-origin"
    >
      {t("meetings.origin")}
    </Link>
  );
}
