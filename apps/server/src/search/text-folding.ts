/**
 * The one normalization search applies to both what it indexes and what it is asked, so
 * the two always meet: lower case, accents folded ("Échéance" → "echeance"), ligatures
 * spelled out, words of letters and digits only.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss" };
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents; length may change (ligatures). */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .normalize("NFC");
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/**
 * Jacques Savoy's minimal French stemmer (the one Lucene ships as `FrenchMinimalStemmer`),
 * on a folded word: plural and feminine endings and a final doubled letter go, so
 * "échéances", "échéance" and "echeance" meet, and "décidées" meets "décidé". English
 * stemming is the store's own (FTS5's porter, PostgreSQL's `english` configuration).
 */
export function frenchMinimalStem(word: string): string {
  let length = word.length;
  if (length < 6) return word;
  if (word.endsWith("x")) {
    if (word.endsWith("aux")) return `${word.slice(0, -3)}al`;
    return word.slice(0, -1);
  }
  if (word[length - 1] === "s") length--;
  if (word[length - 1] === "r") length--;
  if (word[length - 1] === "e") length--;
  // Savoy's "é" step; the word is folded, so that é is now an e.
  if (word[length - 1] === "e") length--;
  if (length >= 2 && word[length - 1] === word[length - 2]) length--;
  return word.slice(0, length);
}
