import { useI18n, useT } from "../i18n";
import "./written-time.css";

/** When something was written: short in the line, in full on hover. */
export function WrittenTime({ iso }: { iso: string }) {
  const { language } = useI18n();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const short = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const full = new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "medium" });
  return (
    <time className="written-time" dateTime={iso} title={full.format(date)}>
      {short.format(date)}
    </time>
  );
}

/** "edited", with when on hover. */
export function EditedMark({ editedAt }: { editedAt: string | null }) {
  const t = useT();
  const { language } = useI18n();
  if (!editedAt) return null;
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <span
      className="edited-mark"
      data-testid="edited"
      title={t("feed.editedOn", { date: when.format(new Date(editedAt)) })}
    >
      {t("feed.edited")}
    </span>
  );
}
