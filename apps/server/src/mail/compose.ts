import type { Language } from "@entente/protocol";

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
  en: "You get this e-mail because of your notification settings in Entente",
  fr: "Vous recevez cet e-mail selon vos préférences de notification dans Entente",
};

/** Why the e-mail came, and where to change that. */
export function footer(language: Language, origin: string): string {
  return `${FOOTER[language]}: ${origin}/settings`;
}
