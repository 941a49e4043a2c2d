import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useRequiredContext } from "../lib/required-context";
import { parseDay } from "../lib/dates";
import {
  createTranslate,
  firstCatalogue,
  isLanguage,
  languageFromNavigator,
  loadCatalogue,
  loadedCatalogue,
  type Catalogue,
  type CataloguePart,
  type Language,
  type Translate,
} from "./translate";

const STORAGE_KEY = "entente.language";
const LANGUAGE_COOKIE = "entente-language";

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

export function initialLanguage(): Language {
  return readStoredLanguage() ?? languageFromNavigator(navigator.languages ?? [navigator.language]);
}

/**
 * Mirrors the language into a cookie, so that the server can hint the right catalogue to the
 * browser in the page it serves (see `web-assets.ts`); localStorage stays the source of truth.
 */
function rememberLanguageForServer(language: Language): void {
  document.cookie = `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** What brings in the whole catalogue on a page that started with the sign-in part. */
const INTERACTIONS = ["pointerdown", "keydown", "focusin", "touchstart"] as const;

/**
 * Renders once the initial language's messages are loaded (`main.tsx` waits for them): the
 * whole catalogue, or on the sign-in pages its sign-in part, completed at the user's first
 * interaction (or first message outside the part) before anything else is shown.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [{ language, catalogue, whole }, setCurrent] = useState<{
    language: Language;
    catalogue: Catalogue | CataloguePart;
    whole: boolean;
  }>(() => {
    const language = initialLanguage();
    const catalogue = firstCatalogue(language);
    if (!catalogue) throw new Error(`The ${language} catalogue must be loaded before rendering`);
    return { language, catalogue, whole: catalogue === loadedCatalogue(language) };
  });

  const completeCatalogue = useCallback(() => {
    void loadCatalogue(language).then((full) =>
      setCurrent((current) =>
        current.language === language ? { language, catalogue: full, whole: true } : current,
      ),
    );
  }, [language]);

  useEffect(() => {
    if (whole) return;
    const onInteraction = () => completeCatalogue();
    for (const type of INTERACTIONS) {
      document.addEventListener(type, onInteraction, { once: true, capture: true });
    }
    return () => {
      for (const type of INTERACTIONS) {
        document.removeEventListener(type, onInteraction, { capture: true });
      }
    };
  }, [whole, completeCatalogue]);

  useEffect(() => {
    document.documentElement.lang = language;
    rememberLanguageForServer(language);
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    // The previous language stays on screen until the next one's messages arrive.
    void loadCatalogue(next).then((nextCatalogue) =>
      setCurrent({ language: next, catalogue: nextCatalogue, whole: true }),
    );
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
      t: createTranslate(catalogue, language, whole ? undefined : completeCatalogue),
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
  }, [language, catalogue, whole, completeCatalogue, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  return useRequiredContext(I18nContext, "useI18n", "I18nProvider");
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
