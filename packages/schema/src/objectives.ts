import { GOVERNANCE_LEVELS } from "@entente/domain";
import * as Y from "yjs";
import {
  FieldReader,
  readCollection,
  readRootCollection,
  toPlain,
  type ReadResult,
} from "./read-result.js";
import {
  date,
  dateTime,
  describeEntries,
  idSet,
  number,
  oneOf,
  optionalDate,
  optionalNumber,
  optionalRef,
  optionalText,
  ref,
  richText,
  title,
  unit,
  type Entries,
  type EntryOf,
  type InputOf,
  type Values,
} from "./collection.js";
import {
  checkAuthor,
  deleteEntry,
  insertItem,
  itemIn,
  SchemaWriteError,
  subCollection,
  write,
  type Author,
} from "./writing.js";

/** The root map of `<pid>/objectives`: objective id → objective. */
export const OBJECTIVES_ROOT = "objectives";
/** The map of an objective's actions, in the objective: action id → action. */
export const ACTIONS_KEY = "actions";
/** The map of an objective's KPIs, in the objective: KPI id → KPI. */
export const KPIS_KEY = "kpis";
/** The map of a KPI's measurements, in the KPI: measurement id → measurement. */
export const MEASUREMENTS_KEY = "measurements";
/** A KPI's target history, in the KPI: a Y.Array of target changes, oldest first. */
export const TARGET_HISTORY_KEY = "targetHistory";

/** Where an objective stands. */
export const OBJECTIVE_STATUSES = ["proposed", "active", "on_hold", "achieved", "dropped"] as const;
/** One of {@link OBJECTIVE_STATUSES}. */
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/** Where an action stands. */
export const ACTION_STATUSES = ["todo", "in_progress", "blocked", "done", "cancelled"] as const;
/** One of {@link ACTION_STATUSES}. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Which way a KPI should move to be on track. */
export const KPI_DIRECTIONS = ["increase", "decrease", "maintain"] as const;
/** One of {@link KPI_DIRECTIONS}. */
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/** A concrete action that turns an objective into work (its objective's id besides). */
const ACTION = describeEntries({
  title: title(),
  ownerOrganizationId: ref("checked"),
  /** A user id, or `null` while nobody is assigned. */
  assigneeUserId: optionalRef("checked"),
  dueDate: optionalDate(),
  /** Defaults to `todo`. */
  status: oneOf(ACTION_STATUSES, "todo"),
  /** The meeting (workshop) it came out of; `null` when none (or written before the field existed). */
  meetingId: optionalRef("absent"),
});

type ActionFields = typeof ACTION extends Entries<infer F> ? F : never;

/** A concrete action that turns an objective into work. */
export type Action = EntryOf<ActionFields> & { objectiveId: string };

/**
 * One entry of a KPI's target history (a plain object in a Y.Array, not an item: no id of
 * its own, no stamp): the target from then on, and who set it when.
 */
const TARGET_CHANGE = describeEntries({
  target: number(),
  changedBy: ref("checked"),
  organizationId: ref("checked"),
  changedAt: dateTime(),
  note: optionalText(),
  /**
   * The server's record of the proposal this target came from (who proposed, who agreed);
   * `null` for the target a KPI was created with and for entries written before targets
   * went through the server.
   */
  proposalId: optionalRef("absent"),
});

type TargetChangeFields = typeof TARGET_CHANGE extends Entries<infer F> ? F : never;

/** One entry of a KPI's target history: the target from then on, and who set it when. */
export type TargetChange = Values<TargetChangeFields>;

/** A target change's stamp: who set it, for which organization, when (as an entry's stamp). */
export const TARGET_CHANGE_STAMP_KEYS = [
  "changedBy",
  "organizationId",
  "changedAt",
] as const satisfies readonly (keyof TargetChange)[];

/** A dated value of a KPI (its KPI's measurements are a collection of their own). */
const MEASUREMENT = describeEntries({
  date: date(),
  value: number(),
  note: optionalText(),
});

type MeasurementFields = typeof MEASUREMENT extends Entries<infer F> ? F : never;

/** A dated value of a KPI. */
export type Measurement = EntryOf<MeasurementFields>;

/** An indicator of an objective (its target history and measurements besides). */
const KPI = describeEntries({
  name: title(),
  unit: unit("checked"),
  baseline: optionalNumber(),
  direction: oneOf(KPI_DIRECTIONS),
});

type KpiFields = typeof KPI extends Entries<infer F> ? F : never;

/** An indicator of an objective. */
export type Kpi = EntryOf<KpiFields> & {
  objectiveId: string;
  /** The current target: the last well-formed entry of `targetHistory`. */
  target: number;
  /** Every target the KPI had, oldest first; the first one is the target it was created with. */
  targetHistory: ReadResult<TargetChange>[];
  /** Measurements by date, oldest first. */
  measurements: ReadResult<Measurement>[];
};

/** A shared objective of the partnership (its actions and KPIs are collections of their own). */
const OBJECTIVE = describeEntries({
  title: title(),
  description: richText(),
  /** At least one organization. */
  ownerOrganizationIds: idSet("owners", "checked"),
  governanceLevel: oneOf(GOVERNANCE_LEVELS),
  /** Defaults to `proposed`. */
  status: oneOf(OBJECTIVE_STATUSES, "proposed"),
  dueDate: optionalDate(),
});

type ObjectiveFields = typeof OBJECTIVE extends Entries<infer F> ? F : never;

/** A shared objective of the partnership, with its actions and KPIs. */
export type Objective = EntryOf<ObjectiveFields> & {
  actions: ReadResult<Action>[];
  kpis: ReadResult<Kpi>[];
};

/** What a new objective needs. */
export type ObjectiveInput = InputOf<ObjectiveFields>;

/** Fields to change on an objective; `undefined` leaves a field alone, `null` clears it. */
export type ObjectivePatch = Partial<ObjectiveInput>;

/** What a new action needs. */
export type ActionInput = InputOf<ActionFields>;

/** Fields to change on an action; `undefined` leaves a field alone, `null` clears it. */
export type ActionPatch = Partial<ActionInput>;

/** What a new KPI needs; `target` becomes the first entry of its target history. */
export type KpiInput = InputOf<KpiFields> & { target: number };

/** Fields to change on a KPI. The target changes only through {@link setKpiTarget}. */
export type KpiPatch = Partial<InputOf<KpiFields>>;

/** What a new measurement needs. */
export type MeasurementInput = InputOf<MeasurementFields>;

/** Every collection an objectives document holds, as `describeEntries` describes it. */
export const OBJECTIVES_DESCRIPTIONS = [OBJECTIVE, ACTION, KPI, MEASUREMENT] as const;

// ---- reading ----

function readTargetChange(entry: unknown, index: number): ReadResult<TargetChange> {
  const id = String(index);
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    return { ok: false, id, problem: "expected a target change (an object)", raw: toPlain(entry) };
  }
  const record = entry as Record<string, unknown>;
  const f = new FieldReader({ get: (key) => record[key] });
  return f.result(id, TARGET_CHANGE.readFields(f), entry);
}

function byDate(a: ReadResult<Measurement>, b: ReadResult<Measurement>): number {
  const dateA = a.ok ? a.value.date : "";
  const dateB = b.ok ? b.value.date : "";
  return dateA < dateB ? -1 : dateA > dateB ? 1 : 0;
}

function readKpi(item: Y.Map<unknown>, id: string, objectiveId: string): ReadResult<Kpi> {
  const f = new FieldReader(item);
  const history = f.array(TARGET_HISTORY_KEY);
  const measurements = f.map(MEASUREMENTS_KEY);
  const targetHistory = history ? history.toArray().map(readTargetChange) : [];
  let target = 0;
  let hasTarget = false;
  for (const change of targetHistory) {
    if (change.ok) {
      target = change.value.target;
      hasTarget = true;
    }
  }
  if (history && !hasTarget) f.problems.push("targetHistory: no well-formed target");
  const value: Kpi = {
    id,
    objectiveId,
    ...KPI.readFields(f),
    target,
    targetHistory,
    // Stable sort: same-day measurements stay in the order they were recorded.
    measurements: measurements
      ? readCollection(measurements, (m, measurementId) => MEASUREMENT.read(m, measurementId)).sort(
          byDate,
        )
      : [],
    ...f.stamp(),
  };
  return f.result(id, value, item);
}

function readAction(item: Y.Map<unknown>, id: string, objectiveId: string): ReadResult<Action> {
  const f = new FieldReader(item);
  const value: Action = { id, objectiveId, ...ACTION.readFields(f), ...f.stamp() };
  return f.result(id, value, item);
}

function readObjective(item: Y.Map<unknown>, id: string): ReadResult<Objective> {
  const f = new FieldReader(item);
  const actions = f.map(ACTIONS_KEY);
  const kpis = f.map(KPIS_KEY);
  const value: Objective = {
    id,
    ...OBJECTIVE.readFields(f),
    actions: actions ? readCollection(actions, (a, actionId) => readAction(a, actionId, id)) : [],
    kpis: kpis ? readCollection(kpis, (k, kpiId) => readKpi(k, kpiId, id)) : [],
    ...f.stamp(),
  };
  return f.result(id, value, item);
}

/**
 * Every objective of an objectives document, oldest first, each with its actions and KPIs.
 * Never throws: what does not fit the schema comes back as `ok: false`, at whatever depth.
 */
export function readObjectives(doc: Y.Doc): ReadResult<Objective>[] {
  return readRootCollection(doc, OBJECTIVES_ROOT, readObjective);
}

// ---- writing ----

function objectives(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(OBJECTIVES_ROOT);
}

/** Adds an objective (with empty actions and KPIs); returns its id. */
export function addObjective(doc: Y.Doc, input: ObjectiveInput, by: Author): string {
  const fields = OBJECTIVE.forNew(input, by);
  const at = checkAuthor(by);
  return write(doc, () =>
    insertItem(
      objectives(doc),
      { ...fields, [ACTIONS_KEY]: new Y.Map(), [KPIS_KEY]: new Y.Map() },
      by,
      at,
    ),
  );
}

/**
 * Changes some fields of an objective. Each field is its own map entry (the description a
 * Y.Text, the owners a set), so two people editing different fields both keep their edit.
 * Returns `false` if the objective is gone (deleted meanwhile).
 */
export function updateObjective(doc: Y.Doc, id: string, patch: ObjectivePatch): boolean {
  const apply = OBJECTIVE.change(patch);
  return write(doc, () => {
    const item = itemIn(objectives(doc), id);
    if (!item) return false;
    apply(item);
    return true;
  });
}

/** Deletes an objective with its actions and KPIs (or whatever broken entry has that id). */
export function removeObjective(doc: Y.Doc, id: string): boolean {
  return write(doc, () => deleteEntry(objectives(doc), id));
}

/** Adds an action to an objective; returns its id. `not_found` if the objective is gone. */
export function addAction(doc: Y.Doc, objectiveId: string, input: ActionInput, by: Author): string {
  const fields = ACTION.forNew(input, by);
  const at = checkAuthor(by);
  return write(doc, () =>
    insertItem(
      subCollection(objectives(doc), objectiveId, ACTIONS_KEY, "objective"),
      fields,
      by,
      at,
    ),
  );
}

function subItem(
  doc: Y.Doc,
  objectiveId: string,
  key: typeof ACTIONS_KEY | typeof KPIS_KEY,
  id: string,
): Y.Map<unknown> | null {
  const sub = itemIn(objectives(doc), objectiveId)?.get(key);
  return sub instanceof Y.Map ? itemIn(sub as Y.Map<unknown>, id) : null;
}

function removeSubItem(
  doc: Y.Doc,
  objectiveId: string,
  key: typeof ACTIONS_KEY | typeof KPIS_KEY,
  id: string,
) {
  return write(doc, () => deleteEntry(itemIn(objectives(doc), objectiveId)?.get(key), id));
}

/** Changes some fields of an action. Returns `false` if it (or its objective) is gone. */
export function updateAction(
  doc: Y.Doc,
  objectiveId: string,
  actionId: string,
  patch: ActionPatch,
): boolean {
  const apply = ACTION.change(patch);
  return write(doc, () => {
    const item = subItem(doc, objectiveId, ACTIONS_KEY, actionId);
    if (!item) return false;
    apply(item);
    return true;
  });
}

/** Deletes an action. Returns `false` if it was not there. */
export function removeAction(doc: Y.Doc, objectiveId: string, actionId: string): boolean {
  return removeSubItem(doc, objectiveId, ACTIONS_KEY, actionId);
}

/** A new entry of a target history, checked, as stored (a field left out is not there). */
function targetChange(
  target: number,
  by: Author,
  at: string,
  note?: string,
  proposalId?: string,
): Record<string, unknown> {
  const change = TARGET_CHANGE.forNew(
    {
      target,
      changedBy: by.userId,
      organizationId: by.organizationId,
      changedAt: at,
      note,
      proposalId,
    },
    by,
  );
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}

/**
 * Adds a KPI to an objective; its target is the first entry of its target history. Returns
 * its id; `not_found` if the objective is gone.
 */
export function addKpi(doc: Y.Doc, objectiveId: string, input: KpiInput, by: Author): string {
  const fields = KPI.forNew(input, by);
  const at = checkAuthor(by);
  const first = targetChange(input.target, by, at);
  return write(doc, () => {
    const kpis = subCollection(objectives(doc), objectiveId, KPIS_KEY, "objective");
    const history = new Y.Array<unknown>();
    history.push([first]);
    return insertItem(
      kpis,
      { ...fields, [TARGET_HISTORY_KEY]: history, [MEASUREMENTS_KEY]: new Y.Map() },
      by,
      at,
    );
  });
}

/** Changes a KPI's name, unit, baseline or direction. Returns `false` if it is gone. */
export function updateKpi(
  doc: Y.Doc,
  objectiveId: string,
  kpiId: string,
  patch: KpiPatch,
): boolean {
  const apply = KPI.change(patch);
  return write(doc, () => {
    const item = subItem(doc, objectiveId, KPIS_KEY, kpiId);
    if (!item) return false;
    apply(item);
    return true;
  });
}

/** Deletes a KPI with its history and measurements. Returns `false` if it was not there. */
export function removeKpi(doc: Y.Doc, objectiveId: string, kpiId: string): boolean {
  return removeSubItem(doc, objectiveId, KPIS_KEY, kpiId);
}

function kpiItem(doc: Y.Doc, objectiveId: string, kpiId: string): Y.Map<unknown> {
  const item = subItem(doc, objectiveId, KPIS_KEY, kpiId);
  if (!item) throw new SchemaWriteError("not_found", `KPI ${kpiId} not found`);
  return item;
}

/**
 * Changes a KPI's target by appending to its target history (who, when, why): old targets
 * stay visible, in order. The current target is the last entry, so two people setting a
 * target at once both stay in the history, and every peer sees the same one last.
 * `proposalId` names the server's record of the agreement behind it (the server writes
 * targets; clients may only create a KPI with its first one). `not_found` if the KPI is gone.
 */
export function setKpiTarget(
  doc: Y.Doc,
  objectiveId: string,
  kpiId: string,
  target: number,
  by: Author,
  note?: string,
  proposalId?: string,
): void {
  const at = checkAuthor(by);
  const change = targetChange(target, by, at, note, proposalId);
  write(doc, () => {
    const history = kpiItem(doc, objectiveId, kpiId).get(TARGET_HISTORY_KEY);
    if (!(history instanceof Y.Array)) {
      throw new SchemaWriteError("not_found", `target history of KPI ${kpiId} not found`);
    }
    history.push([change]);
  });
}

/** Records a dated value of a KPI; returns its id. `not_found` if the KPI is gone. */
export function addMeasurement(
  doc: Y.Doc,
  objectiveId: string,
  kpiId: string,
  input: MeasurementInput,
  by: Author,
): string {
  const fields = MEASUREMENT.forNew(input, by);
  const at = checkAuthor(by);
  return write(doc, () => {
    const measurements = kpiItem(doc, objectiveId, kpiId).get(MEASUREMENTS_KEY);
    if (!(measurements instanceof Y.Map)) {
      throw new SchemaWriteError("not_found", `measurements of KPI ${kpiId} not found`);
    }
    return insertItem(measurements as Y.Map<unknown>, fields, by, at);
  });
}
