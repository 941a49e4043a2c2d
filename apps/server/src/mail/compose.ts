import { NOTIFICATION_SETTINGS_PATH, type Language } from "@entente/protocol";

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** A minimal HTML e-mail: one paragraph per (already escaped) piece. */
export function paragraphsHtml(pieces: readonly string[]): string {
  return `<!doctype html><html><body>${pieces.map((p) => `<p>${p}</p>`).join("")}</body></html>`;
}

const FOOTER: Record<Language, string> = {
  en: "You get this e-mail because of your notification settings in Entente:",
  fr: "Vous recevez cet e-mail selon vos préférences de notification dans Entente :",
};

/** Where a member changes what reaches them by e-mail: the notification settings page. */
export function settingsLink(origin: string): string {
  return `${origin}${NOTIFICATION_SETTINGS_PATH}`;
}

/** Why the e-mail came, and where to change that (plain text). */
export function footer(language: Language, origin: string): string {
  return `${FOOTER[language]} ${settingsLink(origin)}`;
}

/** {@link footer} as an HTML paragraph's content, the address a link. */
export function footerHtml(language: Language, origin: string): string {
  const link = escapeHtml(settingsLink(origin));
  return `<small>${escapeHtml(FOOTER[language])} <a href="${link}">${link}</a></small>`;
}
