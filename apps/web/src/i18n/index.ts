export { I18nProvider, useI18n, useT } from "./i18n-provider";
export { LANGUAGES, type Language, type Translate } from "./translate";
export type { MessageKey } from "./messages/en";
