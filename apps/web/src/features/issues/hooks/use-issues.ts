import { formatDocumentName } from "@entente/domain";
import {
  addIssue,
  readIssues,
  removeIssue,
  updateIssue,
  type Issue,
  type IssueInput,
  type IssuePatch,
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

const EMPTY: ReadResult<Issue>[] = [];

export interface IssuesWriter {
  add: (input: IssueInput) => string;
  update: (id: string, patch: IssuePatch) => boolean;
  remove: (id: string) => boolean;
}

/** The open-issues log, live, and its writers. */
export function useIssues(): PartnershipDocument<ReadResult<Issue>[]> & {
  items: ReadResult<Issue>[];
  write: IssuesWriter;
} {
  const { partnershipId } = usePartnershipContext();
  const name = formatDocumentName({ kind: "issues", partnershipId });
  const [view] = usePartnershipDocuments([name], readIssues, EMPTY);
  if (!view) throw new Error("unreachable: one document asked, one returned");
  const author = useAuthor();
  const doc = view.doc;

  const write = useMemo<IssuesWriter>(() => {
    const d = (): Y.Doc => {
      if (!doc) throw new Error("the issues document is not open");
      return doc;
    };
    return {
      add: (input) => addIssue(d(), input, author),
      update: (id, patch) => updateIssue(d(), id, patch),
      remove: (id) => removeIssue(d(), id),
    };
  }, [doc, author]);

  return { ...view, items: view.value, write };
}
