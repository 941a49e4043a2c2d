import type { MessageKey } from "../../i18n";

/**
 * The words of the domain a newcomer meets first, each with its texts in the i18n
 * catalogues (`glossary.*`, English and French): the word, what it means, and for a word
 * with kinds (the governance levels) one line per kind.
 */
export const GLOSSARY_TERMS = ["lens", "governanceLevel", "ratified", "twoKey"] as const;
export type GlossaryTermName = (typeof GLOSSARY_TERMS)[number];

export interface GlossaryEntry {
  term: MessageKey;
  meaning: MessageKey;
  /** Kinds of the term, each named and explained. */
  kinds: readonly { name: MessageKey; meaning: MessageKey }[];
}

export const GLOSSARY = {
  lens: {
    term: "glossary.lens.term",
    meaning: "glossary.lens.meaning",
    kinds: [
      { name: "lens.ours", meaning: "glossary.lens.ours" },
      { name: "lens.theirs", meaning: "glossary.lens.theirs" },
      { name: "lens.both", meaning: "glossary.lens.both" },
    ],
  },
  governanceLevel: {
    term: "glossary.governanceLevel.term",
    meaning: "glossary.governanceLevel.meaning",
    kinds: [
      { name: "level.strategic", meaning: "glossary.level.strategic" },
      { name: "level.tactical", meaning: "glossary.level.tactical" },
      { name: "level.operational", meaning: "glossary.level.operational" },
    ],
  },
  ratified: { term: "glossary.ratified.term", meaning: "glossary.ratified.meaning", kinds: [] },
  twoKey: { term: "glossary.twoKey.term", meaning: "glossary.twoKey.meaning", kinds: [] },
} as const satisfies Record<GlossaryTermName, GlossaryEntry>;

/** Every catalogue key the glossary reads, for the catalogue checks. */
export function glossaryKeys(): MessageKey[] {
  return Object.values<GlossaryEntry>(GLOSSARY).flatMap((entry) => [
    entry.term,
    entry.meaning,
    ...entry.kinds.flatMap((kind) => [kind.name, kind.meaning]),
  ]);
}
