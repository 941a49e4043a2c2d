/**
 * Text as the palette compares it: lower case, accents dropped ("Échéance" matches
 * "echeance"), so typing on a keyboard without French accents still finds French labels.
 */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
