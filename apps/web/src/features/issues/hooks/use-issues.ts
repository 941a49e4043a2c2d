import {
  addIssue,
  readIssues,
  removeIssue,
  updateIssue,
  type Author,
  type Issue,
  type IssueInput,
  type IssuePatch,
} from "@entente/schema";
import type * as Y from "yjs";
import { useDocumentItems, type DocumentItems } from "../../items";

export interface IssuesWriter {
  add: (input: IssueInput) => string;
  update: (id: string, patch: IssuePatch) => boolean;
  remove: (id: string) => boolean;
}

function writer(d: () => Y.Doc, author: Author): IssuesWriter {
  return {
    add: (input) => addIssue(d(), input, author),
    update: (id, patch) => updateIssue(d(), id, patch),
    remove: (id) => removeIssue(d(), id),
  };
}

/** The open-issues log, live, and its writers. */
export function useIssues(): DocumentItems<Issue, IssuesWriter> {
  return useDocumentItems("issues", readIssues, writer);
}
