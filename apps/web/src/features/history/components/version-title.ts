import type { DocumentVersionView } from "@entente/protocol";
import { useMemo } from "react";
import { useI18n } from "../../../i18n";

/** "Version 3 · 3 Dec 2026, 14:05 · Sent to legal": how people tell versions apart. */
export function useVersionTitle(): (version: DocumentVersionView) => string {
  const { t, language } = useI18n();
  const format = useMemo(
    () => new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }),
    [language],
  );
  return (version) => {
    const date = format.format(new Date(version.createdAt));
    return version.label
      ? t("history.versionLabelled", { number: version.number, date, label: version.label })
      : t("history.version", { number: version.number, date });
  };
}
