import type { en, MessageKey } from "./messages/en";
import { formatPlurals } from "./plural";
import { isSignInPath } from "./sign-in-messages";

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];

export type Catalogue = Record<MessageKey, string>;

/**
 * Each language's messages are a chunk of their own: a page loads only the catalogue it shows
 * (the other one comes when the user switches).
 */
const loaders: Record<Language, () => Promise<Catalogue>> = {
  en: () => import("./messages/en").then((module) => module.en),
  fr: () => import("./messages/fr").then((module) => module.fr),
};
const loading = new Map<Language, Promise<Catalogue>>();
const loaded = new Map<Language, Catalogue>();

export function loadCatalogue(language: Language): Promise<Catalogue> {
  let pending = loading.get(language);
  if (!pending) {
    pending = loaders[language]().then((catalogue) => {
      loaded.set(language, catalogue);
      return catalogue;
    });
    loading.set(language, pending);
  }
  return pending;
}

/** The catalogue of `language` once {@link loadCatalogue} resolved; `undefined` before. */
export function loadedCatalogue(language: Language): Catalogue | undefined {
  return loaded.get(language);
}

/** Only the sign-in pages' messages (`sign-in-messages.ts`): what `/login` loads first. */
export type CataloguePart = Partial<Catalogue>;

const signInLoaders: Record<Language, () => Promise<CataloguePart>> = {
  en: () => import("./messages/en?sign-in").then((module) => module.en),
  fr: () => import("./messages/fr?sign-in").then((module) => module.fr),
};
const signInParts = new Map<Language, CataloguePart>();

/**
 * What the page at `pathname` needs before its first render: the sign-in part of the
 * catalogue on the sign-in pages, the whole catalogue elsewhere.
 */
export async function loadPageCatalogue(language: Language, pathname: string): Promise<void> {
  if (!isSignInPath(pathname)) {
    await loadCatalogue(language);
    return;
  }
  signInParts.set(language, await signInLoaders[language]());
}

/** The whole catalogue if loaded, else the sign-in part if loaded. */
export function firstCatalogue(language: Language): Catalogue | CataloguePart | undefined {
  return loaded.get(language) ?? signInParts.get(language);
}

/**
 * The `{placeholder}` names of a message, taken from the English literal type: `{name}`, and
 * the argument of an ICU plural `{count, plural, one {# note} other {# notes}}` (the cases'
 * texts, which hold `#` or spaces, are no placeholders).
 */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? PlaceholderName<Name> | Placeholders<Rest>
  : never;
type PlaceholderName<Name extends string> = Name extends `${infer Argument},${string}`
  ? Argument
  : Name extends `${string}${" " | "#"}${string}`
    ? never
    : Name;

type Values<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;

/** `t("home.createdOn", { date })`: the second argument is required exactly when the message has placeholders. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...values: [Placeholders<(typeof en)[K]>] extends [never] ? [] : [Values<K>]
) => string;

/**
 * `onMissing` is told of a key the catalogue does not hold (a part of it is loaded, not the
 * whole): the message reads empty until the whole catalogue replaces the part.
 */
export function createTranslate(
  catalogue: Catalogue | CataloguePart,
  language: Language,
  onMissing?: (key: MessageKey) => void,
): Translate {
  return (key: MessageKey, values?: Record<string, string | number>) => {
    const template = catalogue[key];
    if (template === undefined) {
      onMissing?.(key);
      return "";
    }
    if (!values) return template;
    return formatPlurals(template, language, values).replace(/\{(\w+)\}/g, (match, name: string) =>
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
