import type { DocumentKind } from "@entente/domain";
import { DECISIONS } from "./decisions.js";
import { ISSUES } from "./issues.js";
import {
  ACTIONS_KEY,
  KPIS_KEY,
  MEASUREMENTS_KEY,
  OBJECTIVES_DESCRIPTIONS,
  OBJECTIVES_ROOT,
} from "./objectives.js";
import { AMBITIONS, CONSTRAINTS, CONTRIBUTIONS } from "./profile.js";

/**
 * Where the stamped entries of a structured document live: each key of a layout is a
 * `Y.Map` of entries (id → `Y.Map`); its value lists the nested collections every entry
 * of it holds (README.md, "Layout").
 */
export interface CollectionLayout {
  readonly [collection: string]: CollectionLayout;
}

const NO_NESTED: CollectionLayout = Object.freeze({});

/** The layout of each structured document kind; rich-text kinds (charter, notes, meetings) have none. */
export const ENTRY_LAYOUTS: Readonly<Partial<Record<DocumentKind, CollectionLayout>>> = {
  objectives: {
    [OBJECTIVES_ROOT]: {
      [ACTIONS_KEY]: NO_NESTED,
      [KPIS_KEY]: { [MEASUREMENTS_KEY]: NO_NESTED },
    },
  },
  issues: { [ISSUES.root]: NO_NESTED },
  decisions: { [DECISIONS.root]: NO_NESTED },
  profile: {
    [CONTRIBUTIONS.root]: NO_NESTED,
    [CONSTRAINTS.root]: NO_NESTED,
    [AMBITIONS.root]: NO_NESTED,
  },
};

/**
 * The keys that an entry of any collection keeps as a co-edited `Y.Text` (its rich text
 * fields), whatever the collection.
 */
export const TEXT_KEYS: ReadonlySet<string> = new Set(
  [...OBJECTIVES_DESCRIPTIONS, ISSUES, DECISIONS, CONTRIBUTIONS, CONSTRAINTS, AMBITIONS].flatMap(
    (collection) => collection.textKeys,
  ),
);
