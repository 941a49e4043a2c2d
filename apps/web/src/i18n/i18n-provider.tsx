import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import { parseDay } from "../lib/dates";
import {
  createTranslate,
  isLanguage,
  languageFromNavigator,
  type Language,
  type Translate,
} from "./translate";

const STORAGE_KEY = "entente.language";

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** Dates as the current language writes them. */
  formatDate: (iso: string) => string;
  /** Calendar dates (`YYYY-MM-DD`: due dates, measurements), short. */
  formatDay: (day: string) => string;
  /** Numbers with the language's separators. */
  formatNumber: (value: number) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    // Storage can be disabled (privacy modes); the browser language is then the answer.
    return null;
  }
}

function initialLanguage(): Language {
  return readStoredLanguage() ?? languageFromNavigator(navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: "long" });
    const dayFormat = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
    const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    return {
      language,
      setLanguage,
      t: createTranslate(language),
      formatDate: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
      },
      formatDay: (day) => {
        const date = parseDay(day);
        return date ? dayFormat.format(date) : day;
      },
      formatNumber: (value) => numberFormat.format(value),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
