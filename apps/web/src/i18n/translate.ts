import { en, type MessageKey } from "./messages/en";
import { fr } from "./messages/fr";

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogues: Record<Language, Record<MessageKey, string>> = { en, fr };

/** The `{placeholder}` names of a message, taken from the English literal type. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type Values<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;

/** `t("home.createdOn", { date })`: the second argument is required exactly when the message has placeholders. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...values: [Placeholders<(typeof en)[K]>] extends [never] ? [] : [Values<K>]
) => string;

export function createTranslate(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key: MessageKey, values?: Record<string, string | number>) => {
    const template = catalogue[key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
  };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** French for any `fr*` browser language, English otherwise. */
export function languageFromNavigator(languages: readonly string[]): Language {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLanguage(primary)) return primary;
  }
  return "en";
}
