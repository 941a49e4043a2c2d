import type * as Y from "yjs";
import {
  defineCollection,
  idSet,
  oneOf,
  optionalDate,
  optionalNumber,
  richText,
  unit,
  type FieldsOf,
  type EntryOf,
  type InputOf,
} from "./collection.js";
import { SEVERITIES } from "./fields.js";
import type { ReadResult } from "./read-result.js";
import { SchemaWriteError } from "./writing.js";

/** The root map of `<pid>/org/<oid>/profile` holding contribution id → contribution. */
export const CONTRIBUTIONS_ROOT = "contributions";
/** The root map of `<pid>/org/<oid>/profile` holding constraint id → constraint. */
export const CONSTRAINTS_ROOT = "constraints";
/** The root map of `<pid>/org/<oid>/profile` holding ambition id → ambition. */
export const AMBITIONS_ROOT = "ambitions";

/** What an organization brings to the partnership. */
export const CONTRIBUTION_KINDS = [
  "funding",
  "people",
  "technology",
  "expertise",
  "network",
  "data",
  "other",
] as const;
/** One of {@link CONTRIBUTION_KINDS}. */
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Where an organization is constrained. */
export const CONSTRAINT_KINDS = [
  "legal",
  "budget",
  "capacity",
  "confidentiality",
  "regulatory",
  "timeline",
  "cultural",
] as const;
/** One of {@link CONSTRAINT_KINDS}. */
export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/** Something the organization brings: promised, and how much of it was delivered. */
export const CONTRIBUTIONS = defineCollection(
  CONTRIBUTIONS_ROOT,
  {
    kind: oneOf(CONTRIBUTION_KINDS),
    description: richText(),
    /** What the amounts count ("EUR", "FTE", "datasets"); may be empty. */
    unit: unit(),
    promisedAmount: optionalNumber(0),
    deliveredAmount: optionalNumber(0),
    periodStart: optionalDate(),
    periodEnd: optionalDate(),
  },
  ({ periodStart, periodEnd }) => {
    // Only checked when both are given: a patch of one end may meet a concurrent edit anyway.
    if (periodStart && periodEnd && periodStart > periodEnd) {
      throw new SchemaWriteError("invalid_input", "periodEnd: expected a date after periodStart");
    }
  },
);

/** A limit the organization discloses to its partners. */
export const CONSTRAINTS = defineCollection(CONSTRAINTS_ROOT, {
  kind: oneOf(CONSTRAINT_KINDS),
  description: richText(),
  severity: oneOf(SEVERITIES),
  /** Objectives of the partnership's objectives document it weighs on; may include deleted ones. */
  affectedObjectiveIds: idSet("affectedObjectives"),
});

/** One of the organization's stated ambitions for the partnership. */
export const AMBITIONS = defineCollection(
  AMBITIONS_ROOT,
  { statement: richText("checked") },
  ({ statement }, whole) => {
    if (whole && statement?.trim() === "") {
      throw new SchemaWriteError("invalid_input", "statement: expected a non-empty text");
    }
  },
);

/** Something the organization brings: promised, and how much of it was delivered. */
export type Contribution = EntryOf<FieldsOf<typeof CONTRIBUTIONS>>;
/** What a new contribution needs. */
export type ContributionInput = InputOf<FieldsOf<typeof CONTRIBUTIONS>>;
/** Fields to change on a contribution; `undefined` leaves a field alone, `null` clears it. */
export type ContributionPatch = Partial<ContributionInput>;

/** A limit the organization discloses to its partners. */
export type Constraint = EntryOf<FieldsOf<typeof CONSTRAINTS>>;
/** What a new constraint needs. */
export type ConstraintInput = InputOf<FieldsOf<typeof CONSTRAINTS>>;
/** Fields to change on a constraint; `undefined` leaves a field alone. */
export type ConstraintPatch = Partial<ConstraintInput>;

/** One of the organization's stated ambitions for the partnership. */
export type Ambition = EntryOf<FieldsOf<typeof AMBITIONS>>;
/** What a new ambition needs. */
export type AmbitionInput = InputOf<FieldsOf<typeof AMBITIONS>>;
/** A new statement for an ambition. */
export type AmbitionPatch = Partial<AmbitionInput>;

/** Everything an organization's profile holds. */
export interface Profile {
  contributions: ReadResult<Contribution>[];
  constraints: ReadResult<Constraint>[];
  ambitions: ReadResult<Ambition>[];
}

/** The contributions of a profile document, oldest first. Never throws. */
export const readContributions = CONTRIBUTIONS.read;

/** The constraints of a profile document, oldest first. Never throws. */
export const readConstraints = CONSTRAINTS.read;

/** The ambitions of a profile document, oldest first. Never throws. */
export const readAmbitions = AMBITIONS.read;

/** Everything a profile document holds. Never throws. */
export function readProfile(doc: Y.Doc): Profile {
  return {
    contributions: readContributions(doc),
    constraints: readConstraints(doc),
    ambitions: readAmbitions(doc),
  };
}

/** Adds a contribution to the author's organization's profile; returns its id. */
export const addContribution = CONTRIBUTIONS.add;

/** Changes some fields of a contribution (delivering is `{ deliveredAmount }`). */
export const updateContribution = CONTRIBUTIONS.update;

/** Deletes a contribution (or whatever broken entry has that id). */
export const removeContribution = CONTRIBUTIONS.remove;

/** Adds a constraint to the author's organization's profile; returns its id. */
export const addConstraint = CONSTRAINTS.add;

/** Changes some fields of a constraint. Returns `false` if it is gone. */
export const updateConstraint = CONSTRAINTS.update;

/** Deletes a constraint (or whatever broken entry has that id). */
export const removeConstraint = CONSTRAINTS.remove;

/** Adds an ambition to the author's organization's profile; returns its id. */
export const addAmbition = AMBITIONS.add;

/** Rewrites an ambition's statement (in place, so concurrent edits merge). */
export const updateAmbition = AMBITIONS.update;

/** Deletes an ambition (or whatever broken entry has that id). */
export const removeAmbition = AMBITIONS.remove;
