import type { MeetingView } from "@entente/protocol";
import { useT } from "../../../i18n";
import { useMeetingFormat } from "../hooks/use-meeting-format";
import { browserTimeZone } from "../state/time-zones";

/**
 * Where a meeting happens and the time in its own zone when it is not the viewer's: the
 * viewer's time is what the meeting shows first, everywhere.
 */
export function MeetingLogistics({ meeting }: { meeting: MeetingView }) {
  const t = useT();
  const format = useMeetingFormat();
  const ownZone = browserTimeZone();
  const otherZone = meeting.timeZone !== ownZone;
  if (!otherZone && !meeting.place && !meeting.videoUrl) return null;
  return (
    <ul className="meeting-logistics" data-testid="meeting-logistics">
      {otherZone ? (
        <li data-testid="meeting-zone-time">
          {t("meetings.inTheirZone", {
            time: format.dateTimeIn(meeting.startsAt, meeting.timeZone),
            zone: meeting.timeZone,
          })}
        </li>
      ) : null}
      {meeting.place ? (
        <li data-testid="meeting-place">
          <span className="muted">{t("meetings.field.place")}: </span>
          {meeting.place}
        </li>
      ) : null}
      {meeting.videoUrl ? (
        <li>
          <a
            href={meeting.videoUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="meeting-video-link"
          >
            {t("meetings.joinVideo")}
          </a>
        </li>
      ) : null}
    </ul>
  );
}
