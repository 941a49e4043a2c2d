/**
 * `?new=1` on a section's address opens its "new …" form (the command palette's "New
 * decision" leads there). The form opens once; the parameter is then dropped from the URL so
 * going back or reloading does not open it again.
 */
export const CREATE_PARAM = "new";

export function hasCreateIntent(search: string): boolean {
  return new URLSearchParams(search).get(CREATE_PARAM) === "1";
}

/** `search` without the create intent, the rest (the lens) kept. */
export function withoutCreateIntent(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(CREATE_PARAM);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}
