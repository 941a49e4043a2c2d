import {
  addDecision,
  readDecisions,
  removeDecision,
  updateDecision,
  type Author,
  type Decision,
  type DecisionInput,
  type DecisionPatch,
} from "@entente/schema";
import type * as Y from "yjs";
import { useDocumentItems, type DocumentItems } from "../../items";

export interface DecisionsWriter {
  add: (input: DecisionInput) => string;
  update: (id: string, patch: DecisionPatch) => boolean;
  remove: (id: string) => boolean;
}

function writer(d: () => Y.Doc, author: Author): DecisionsWriter {
  return {
    add: (input) => addDecision(d(), input, author),
    update: (id, patch) => updateDecision(d(), id, patch),
    remove: (id) => removeDecision(d(), id),
  };
}

/**
 * The proposed decisions, live, and their writers. Their outcome is not here: it is the
 * server's (`useDecisionVotes`), since anyone who may edit this document may edit a status.
 */
export function useDecisions(): DocumentItems<Decision, DecisionsWriter> {
  return useDocumentItems("decisions", readDecisions, writer);
}
