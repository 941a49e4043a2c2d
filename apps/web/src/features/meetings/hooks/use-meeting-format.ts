import { useMemo } from "react";
import { useI18n } from "../../../i18n";

/** Meeting times as the user's language writes them, in the user's time zone. */
export function useMeetingFormat() {
  const { language } = useI18n();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    const time = new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit" });
    const date = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
    const valid = (iso: string) => !Number.isNaN(new Date(iso).getTime());
    return {
      /** "Tue, 4 May 2026, 14:30". */
      dateTime: (iso: string) => (valid(iso) ? dateTime.format(new Date(iso)) : iso),
      /** "Tue, 4 May 2026, 14:30 – 15:30". */
      range: (iso: string, minutes: number) => {
        if (!valid(iso)) return iso;
        const start = new Date(iso);
        const end = new Date(start.getTime() + minutes * 60_000);
        return `${dateTime.format(start)} – ${time.format(end)}`;
      },
      /** "4 May 2026". */
      date: (iso: string) => (valid(iso) ? date.format(new Date(iso)) : iso),
      /** "Tue, 4 May 2026, 14:30" as read in `zone` (the meeting's own). */
      dateTimeIn: (iso: string, zone: string) =>
        valid(iso)
          ? new Intl.DateTimeFormat(language, {
              weekday: "short",
              day: "numeric",
              month: "short",
              hour: "2-digit",
              minute: "2-digit",
              timeZone: zone,
            }).format(new Date(iso))
          : iso,
    };
  }, [language]);
}
