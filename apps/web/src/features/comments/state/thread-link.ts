import { THREAD_PARAM, type CommentTarget } from "@entente/protocol";
import type { Section } from "../../partnerships";

/**
 * The section of a partnership page where a thread's subject is shown: the charter's own
 * threads beside its text; an item's where the item is listed (its comment dialog opens there).
 */
export function threadSection(target: CommentTarget): Section {
  switch (target.kind) {
    case "charter":
      return "charter";
    case "objective":
    case "action":
    case "kpi":
      return "objectives";
    case "issue":
      return "issues";
    case "decision":
      return "decisions";
    case "contribution":
    case "constraint":
      return "organizations";
  }
}

/** The thread a URL's query names (`?thread=<id>`), if any. */
export function linkedThreadId(search: string): string | null {
  const value = new URLSearchParams(search).get(THREAD_PARAM);
  return value === null || value === "" ? null : value;
}

/** `search` without the thread it named, the rest (the lens) kept. */
export function withoutThreadParam(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(THREAD_PARAM);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}
