import { formatDocumentName } from "@entente/domain";
import {
  addDecision,
  readDecisions,
  removeDecision,
  updateDecision,
  type Decision,
  type DecisionInput,
  type DecisionPatch,
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

const EMPTY: ReadResult<Decision>[] = [];

export interface DecisionsWriter {
  add: (input: DecisionInput) => string;
  update: (id: string, patch: DecisionPatch) => boolean;
  remove: (id: string) => boolean;
}

/**
 * The proposed decisions, live, and their writers. Their outcome is not here: it is the
 * server's (`useDecisionVotes`), since anyone who may edit this document may edit a status.
 */
export function useDecisions(): PartnershipDocument<ReadResult<Decision>[]> & {
  items: ReadResult<Decision>[];
  write: DecisionsWriter;
} {
  const { partnershipId } = usePartnershipContext();
  const name = formatDocumentName({ kind: "decisions", partnershipId });
  const [view] = usePartnershipDocuments([name], readDecisions, EMPTY);
  if (!view) throw new Error("unreachable: one document asked, one returned");
  const author = useAuthor();
  const doc = view.doc;

  const write = useMemo<DecisionsWriter>(() => {
    const d = (): Y.Doc => {
      if (!doc) throw new Error("the decisions document is not open");
      return doc;
    };
    return {
      add: (input) => addDecision(d(), input, author),
      update: (id, patch) => updateDecision(d(), id, patch),
      remove: (id) => removeDecision(d(), id),
    };
  }, [doc, author]);

  return { ...view, items: view.value, write };
}
