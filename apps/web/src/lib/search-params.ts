import { useLocation } from "@tanstack/react-router";

/**
 * The router's query-string codec: every parameter a plain string, written back as the
 * browser's `URLSearchParams` would, so `?post=42&next=%2Fp%2F1` stays exactly that (the
 * router's default would JSON-encode values and change addresses already in e-mails).
 */
export function parseSearchParams(searchStr: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(searchStr)) {
    if (!(name in result)) result[name] = value;
  }
  return result;
}

export function stringifySearchParams(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) {
    if (value === undefined || value === null) continue;
    params.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** One query parameter of the current address (`null` when absent). */
export function useSearchParam(name: string): string | null {
  return useLocation({
    select: (location) => new URLSearchParams(location.searchStr).get(name),
  });
}
