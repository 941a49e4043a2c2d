import type * as Y from "yjs";
import { SEVERITIES, type IsoDate, type Severity, type Stamped } from "./fields.js";
import { FieldReader, readRootCollection, type ReadResult } from "./read-result.js";
import {
  checkAuthor,
  checkOneOf,
  checkOptionalDate,
  checkOptionalNumber,
  checkRefList,
  checkText,
  checkUnit,
  deleteEntry,
  insertItem,
  itemIn,
  newIdSet,
  newText,
  pick,
  SchemaWriteError,
  setFields,
  setIdSetField,
  setTextField,
  write,
  type Author,
} from "./writing.js";

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
export interface Contribution extends Stamped {
  id: string;
  kind: ContributionKind;
  description: string;
  /** What the amounts count ("EUR", "FTE", "datasets"); may be empty. */
  unit: string;
  promisedAmount: number | null;
  deliveredAmount: number | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
}

/** What a new contribution needs. */
export interface ContributionInput {
  kind: ContributionKind;
  description?: string;
  unit?: string;
  promisedAmount?: number | null;
  deliveredAmount?: number | null;
  periodStart?: IsoDate | null;
  periodEnd?: IsoDate | null;
}

/** Fields to change on a contribution; `undefined` leaves a field alone, `null` clears it. */
export type ContributionPatch = Partial<ContributionInput>;

/** A limit the organization discloses to its partners. */
export interface Constraint extends Stamped {
  id: string;
  kind: ConstraintKind;
  description: string;
  severity: Severity;
  /** Objectives of the partnership's objectives document it weighs on; may include deleted ones. */
  affectedObjectiveIds: string[];
}

/** What a new constraint needs. */
export interface ConstraintInput {
  kind: ConstraintKind;
  description?: string;
  severity: Severity;
  affectedObjectiveIds?: string[];
}

/** Fields to change on a constraint; `undefined` leaves a field alone. */
export type ConstraintPatch = Partial<ConstraintInput>;

/** One of the organization's stated ambitions for the partnership. */
export interface Ambition extends Stamped {
  id: string;
  statement: string;
}

/** What a new ambition needs. */
export interface AmbitionInput {
  statement: string;
}

/** A new statement for an ambition. */
export type AmbitionPatch = Partial<AmbitionInput>;

/** Everything an organization's profile holds. */
export interface Profile {
  contributions: ReadResult<Contribution>[];
  constraints: ReadResult<Constraint>[];
  ambitions: ReadResult<Ambition>[];
}

// ---- reading ----

function readContribution(item: Y.Map<unknown>, id: string): ReadResult<Contribution> {
  const f = new FieldReader(item);
  const value: Contribution = {
    id,
    kind: f.oneOf("kind", CONTRIBUTION_KINDS),
    description: f.text("description"),
    unit: f.string("unit"),
    promisedAmount: f.optionalNumber("promisedAmount"),
    deliveredAmount: f.optionalNumber("deliveredAmount"),
    periodStart: f.optionalDate("periodStart"),
    periodEnd: f.optionalDate("periodEnd"),
    ...f.stamp(),
  };
  return f.result(id, value, item);
}

function readConstraint(item: Y.Map<unknown>, id: string): ReadResult<Constraint> {
  const f = new FieldReader(item);
  const value: Constraint = {
    id,
    kind: f.oneOf("kind", CONSTRAINT_KINDS),
    description: f.text("description"),
    severity: f.oneOf("severity", SEVERITIES),
    affectedObjectiveIds: f.idSet("affectedObjectives"),
    ...f.stamp(),
  };
  return f.result(id, value, item);
}

function readAmbition(item: Y.Map<unknown>, id: string): ReadResult<Ambition> {
  const f = new FieldReader(item);
  const value: Ambition = { id, statement: f.text("statement"), ...f.stamp() };
  return f.result(id, value, item);
}

/** The contributions of a profile document, oldest first. Never throws. */
export function readContributions(doc: Y.Doc): ReadResult<Contribution>[] {
  return readRootCollection(doc, CONTRIBUTIONS_ROOT, readContribution);
}

/** The constraints of a profile document, oldest first. Never throws. */
export function readConstraints(doc: Y.Doc): ReadResult<Constraint>[] {
  return readRootCollection(doc, CONSTRAINTS_ROOT, readConstraint);
}

/** The ambitions of a profile document, oldest first. Never throws. */
export function readAmbitions(doc: Y.Doc): ReadResult<Ambition>[] {
  return readRootCollection(doc, AMBITIONS_ROOT, readAmbition);
}

/** Everything a profile document holds. Never throws. */
export function readProfile(doc: Y.Doc): Profile {
  return {
    contributions: readContributions(doc),
    constraints: readConstraints(doc),
    ambitions: readAmbitions(doc),
  };
}

// ---- writing ----

function contributionFields(input: ContributionPatch, whole: boolean) {
  const fields = {
    kind: pick(input.kind, whole, (v) => checkOneOf("kind", CONTRIBUTION_KINDS, v)),
    description: pick(input.description ?? (whole ? "" : undefined), whole, (v) =>
      checkText("description", v),
    ),
    unit: pick(input.unit ?? (whole ? "" : undefined), whole, (v) => checkUnit("unit", v)),
    promisedAmount: pick(input.promisedAmount, whole, (v) =>
      checkOptionalNumber("promisedAmount", v, 0),
    ),
    deliveredAmount: pick(input.deliveredAmount, whole, (v) =>
      checkOptionalNumber("deliveredAmount", v, 0),
    ),
    periodStart: pick(input.periodStart, whole, (v) => checkOptionalDate("periodStart", v)),
    periodEnd: pick(input.periodEnd, whole, (v) => checkOptionalDate("periodEnd", v)),
  };
  // Only checked when both are given: a patch of one end may meet a concurrent edit anyway.
  if (fields.periodStart && fields.periodEnd && fields.periodStart > fields.periodEnd) {
    throw new SchemaWriteError("invalid_input", "periodEnd: expected a date after periodStart");
  }
  return fields;
}

function contributions(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTRIBUTIONS_ROOT);
}

/** Adds a contribution to the author's organization's profile; returns its id. */
export function addContribution(doc: Y.Doc, input: ContributionInput, by: Author): string {
  const { description, ...fields } = contributionFields(input, true);
  const at = checkAuthor(by);
  return write(doc, () =>
    insertItem(contributions(doc), { ...fields, description: newText(description ?? "") }, by, at),
  );
}

/** Changes some fields of a contribution (delivering is `{ deliveredAmount }`). */
export function updateContribution(doc: Y.Doc, id: string, patch: ContributionPatch): boolean {
  const { description, ...fields } = contributionFields(patch, false);
  return write(doc, () => {
    const item = itemIn(contributions(doc), id);
    if (!item) return false;
    setFields(item, fields);
    if (description !== undefined) setTextField(item, "description", description);
    return true;
  });
}

/** Deletes a contribution (or whatever broken entry has that id). */
export function removeContribution(doc: Y.Doc, id: string): boolean {
  return write(doc, () => deleteEntry(contributions(doc), id));
}

function constraintFields(input: ConstraintPatch, whole: boolean) {
  return {
    kind: pick(input.kind, whole, (v) => checkOneOf("kind", CONSTRAINT_KINDS, v)),
    description: pick(input.description ?? (whole ? "" : undefined), whole, (v) =>
      checkText("description", v),
    ),
    severity: pick(input.severity, whole, (v) => checkOneOf("severity", SEVERITIES, v)),
    affectedObjectives: pick(input.affectedObjectiveIds ?? (whole ? [] : undefined), whole, (v) =>
      checkRefList("affectedObjectiveIds", v, false),
    ),
  };
}

function constraints(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONSTRAINTS_ROOT);
}

/** Adds a constraint to the author's organization's profile; returns its id. */
export function addConstraint(doc: Y.Doc, input: ConstraintInput, by: Author): string {
  const { description, affectedObjectives, ...fields } = constraintFields(input, true);
  const at = checkAuthor(by);
  return write(doc, () =>
    insertItem(
      constraints(doc),
      {
        ...fields,
        description: newText(description ?? ""),
        affectedObjectives: newIdSet(affectedObjectives ?? []),
      },
      by,
      at,
    ),
  );
}

/** Changes some fields of a constraint. Returns `false` if it is gone. */
export function updateConstraint(doc: Y.Doc, id: string, patch: ConstraintPatch): boolean {
  const { description, affectedObjectives, ...fields } = constraintFields(patch, false);
  return write(doc, () => {
    const item = itemIn(constraints(doc), id);
    if (!item) return false;
    setFields(item, fields);
    if (description !== undefined) setTextField(item, "description", description);
    if (affectedObjectives !== undefined) {
      setIdSetField(item, "affectedObjectives", affectedObjectives);
    }
    return true;
  });
}

/** Deletes a constraint (or whatever broken entry has that id). */
export function removeConstraint(doc: Y.Doc, id: string): boolean {
  return write(doc, () => deleteEntry(constraints(doc), id));
}

function ambitions(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(AMBITIONS_ROOT);
}

/** Adds an ambition to the author's organization's profile; returns its id. */
export function addAmbition(doc: Y.Doc, input: AmbitionInput, by: Author): string {
  const statement = checkText("statement", input.statement);
  if (statement.trim() === "") {
    throw new SchemaWriteError("invalid_input", "statement: expected a non-empty text");
  }
  const at = checkAuthor(by);
  return write(doc, () => insertItem(ambitions(doc), { statement: newText(statement) }, by, at));
}

/** Rewrites an ambition's statement (in place, so concurrent edits merge). */
export function updateAmbition(doc: Y.Doc, id: string, patch: AmbitionPatch): boolean {
  const statement = pick(patch.statement, false, (v) => checkText("statement", v));
  return write(doc, () => {
    const item = itemIn(ambitions(doc), id);
    if (!item) return false;
    if (statement !== undefined) setTextField(item, "statement", statement);
    return true;
  });
}

/** Deletes an ambition (or whatever broken entry has that id). */
export function removeAmbition(doc: Y.Doc, id: string): boolean {
  return write(doc, () => deleteEntry(ambitions(doc), id));
}
