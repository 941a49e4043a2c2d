import {
  addAction,
  addKpi,
  addMeasurement,
  addObjective,
  readObjectives,
  removeAction,
  removeKpi,
  removeObjective,
  updateAction,
  updateKpi,
  updateObjective,
  type ActionInput,
  type Author,
  type ActionPatch,
  type KpiInput,
  type KpiPatch,
  type MeasurementInput,
  type Objective,
  type ObjectiveInput,
  type ObjectivePatch,
} from "@entente/schema";
import type * as Y from "yjs";
import { useDocumentItems, type DocumentItems } from "../../items";

/**
 * Every write of the objectives document a view may make; each goes through `@entente/schema`.
 * Targets are not among them: they change through the server (`KpiTargetsProvider`), which
 * appends to a KPI's target history once every owning organization agreed.
 */
export interface ObjectivesWriter {
  add: (input: ObjectiveInput) => string;
  update: (id: string, patch: ObjectivePatch) => boolean;
  remove: (id: string) => boolean;
  addAction: (objectiveId: string, input: ActionInput) => string;
  updateAction: (objectiveId: string, actionId: string, patch: ActionPatch) => boolean;
  removeAction: (objectiveId: string, actionId: string) => boolean;
  addKpi: (objectiveId: string, input: KpiInput) => string;
  updateKpi: (objectiveId: string, kpiId: string, patch: KpiPatch) => boolean;
  removeKpi: (objectiveId: string, kpiId: string) => boolean;
  addMeasurement: (objectiveId: string, kpiId: string, input: MeasurementInput) => string;
}

function writer(d: () => Y.Doc, author: Author): ObjectivesWriter {
  return {
    add: (input) => addObjective(d(), input, author),
    update: (id, patch) => updateObjective(d(), id, patch),
    remove: (id) => removeObjective(d(), id),
    addAction: (objectiveId, input) => addAction(d(), objectiveId, input, author),
    updateAction: (objectiveId, actionId, patch) => updateAction(d(), objectiveId, actionId, patch),
    removeAction: (objectiveId, actionId) => removeAction(d(), objectiveId, actionId),
    addKpi: (objectiveId, input) => addKpi(d(), objectiveId, input, author),
    updateKpi: (objectiveId, kpiId, patch) => updateKpi(d(), objectiveId, kpiId, patch),
    removeKpi: (objectiveId, kpiId) => removeKpi(d(), objectiveId, kpiId),
    addMeasurement: (objectiveId, kpiId, input) =>
      addMeasurement(d(), objectiveId, kpiId, input, author),
  };
}

/**
 * The partnership's objectives (with actions and KPIs), live: re-read on every change, and
 * the writers to change them. `items` keeps unreadable entries (`ok: false`) in place.
 */
export function useObjectives(): DocumentItems<Objective, ObjectivesWriter> {
  return useDocumentItems("objectives", readObjectives, writer);
}
