import { formatDocumentName } from "@entente/domain";
import {
  addAction,
  addKpi,
  addMeasurement,
  addObjective,
  readObjectives,
  removeAction,
  removeKpi,
  removeMeasurement,
  removeObjective,
  setKpiTarget,
  updateAction,
  updateKpi,
  updateObjective,
  type ActionInput,
  type ActionPatch,
  type KpiInput,
  type KpiPatch,
  type MeasurementInput,
  type Objective,
  type ObjectiveInput,
  type ObjectivePatch,
  type ReadResult,
} from "@entente/schema";
import { useMemo } from "react";
import type * as Y from "yjs";
import {
  useAuthor,
  usePartnershipDocuments,
  type PartnershipDocument,
} from "../../partnerships/hooks/use-partnership-documents";
import { usePartnershipContext } from "../../partnerships/state/partnership-context";

const EMPTY: ReadResult<Objective>[] = [];

/** Every write of the objectives document a view may make; each goes through `@entente/schema`. */
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
  setKpiTarget: (objectiveId: string, kpiId: string, target: number, note?: string) => void;
  addMeasurement: (objectiveId: string, kpiId: string, input: MeasurementInput) => string;
  removeMeasurement: (objectiveId: string, kpiId: string, measurementId: string) => boolean;
}

function notOpen(): never {
  throw new Error("the objectives document is not open");
}

/**
 * The partnership's objectives (with actions and KPIs), live: re-read on every change, and
 * the writers to change them. `items` keeps unreadable entries (`ok: false`) in place.
 */
export function useObjectives(): PartnershipDocument<ReadResult<Objective>[]> & {
  items: ReadResult<Objective>[];
  write: ObjectivesWriter;
} {
  const { partnershipId } = usePartnershipContext();
  const name = formatDocumentName({ kind: "objectives", partnershipId });
  const [view] = usePartnershipDocuments([name], readObjectives, EMPTY);
  if (!view) throw new Error("unreachable: one document asked, one returned");
  const author = useAuthor();
  const doc = view.doc;

  const write = useMemo<ObjectivesWriter>(() => {
    const d = (): Y.Doc => doc ?? notOpen();
    return {
      add: (input) => addObjective(d(), input, author),
      update: (id, patch) => updateObjective(d(), id, patch),
      remove: (id) => removeObjective(d(), id),
      addAction: (objectiveId, input) => addAction(d(), objectiveId, input, author),
      updateAction: (objectiveId, actionId, patch) =>
        updateAction(d(), objectiveId, actionId, patch),
      removeAction: (objectiveId, actionId) => removeAction(d(), objectiveId, actionId),
      addKpi: (objectiveId, input) => addKpi(d(), objectiveId, input, author),
      updateKpi: (objectiveId, kpiId, patch) => updateKpi(d(), objectiveId, kpiId, patch),
      removeKpi: (objectiveId, kpiId) => removeKpi(d(), objectiveId, kpiId),
      setKpiTarget: (objectiveId, kpiId, target, note) =>
        setKpiTarget(d(), objectiveId, kpiId, target, author, note),
      addMeasurement: (objectiveId, kpiId, input) =>
        addMeasurement(d(), objectiveId, kpiId, input, author),
      removeMeasurement: (objectiveId, kpiId, measurementId) =>
        removeMeasurement(d(), objectiveId, kpiId, measurementId),
    };
  }, [doc, author]);

  return { ...view, items: view.value, write };
}
