import type { MeetingView } from "@entente/protocol";
import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { usePartnershipContext } from "../../partnerships";
import { useMeetingFormat } from "../hooks/use-meeting-format";
import { meetingPath } from "../state/meeting-paths";
import { MeetingLogistics } from "./meeting-logistics";
import { MeetingParticipants } from "./meeting-participants";

/** A meeting in the list: what, when, at which level, and who comes from each side. */
export function MeetingCard({ meeting }: { meeting: MeetingView }) {
  const t = useT();
  const format = useMeetingFormat();
  const { partnershipId } = usePartnershipContext();
  return (
    <li
      className="card meeting-card"
      data-testid="meeting"
      data-meeting-id={meeting.id}
      data-kind={meeting.kind}
    >
      <div className="meeting-card__head">
        <h4 className="meeting-card__title">
          <Link to={meetingPath(partnershipId, meeting.id)}>{meeting.title}</Link>
        </h4>
        <span className="pill" data-testid="meeting-kind">
          {t(`meetings.kind.${meeting.kind}`)}
        </span>
        <span className="pill pill--level" data-testid="meeting-level">
          {t(`level.${meeting.level}`)}
        </span>
      </div>
      <p className="meeting-card__when">
        <time dateTime={meeting.startsAt} data-testid="meeting-time">
          {format.range(meeting.startsAt, meeting.durationMinutes)}
        </time>
        <span className="muted">
          {" · "}
          {t("meetings.agendaCount", { count: meeting.agenda.length })}
        </span>
      </p>
      <MeetingLogistics meeting={meeting} />
      <MeetingParticipants
        participants={meeting.participants}
        facilitatorId={meeting.facilitator.id}
      />
    </li>
  );
}
