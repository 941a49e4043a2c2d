import { useI18n } from "./i18n-provider";
import { LANGUAGES } from "./translate";

/** English / Français toggle; each label is written in its own language. */
export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={t("language.label")}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-switcher__option"
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          {t(option === "en" ? "language.en" : "language.fr")}
        </button>
      ))}
    </div>
  );
}
