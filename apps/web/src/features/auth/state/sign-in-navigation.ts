/*
 * The sign-in pages are an entry of their own (`src/sign-in-entry.tsx`): moving between them
 * and the app is a page load, not a route change inside one script.
 */

/** `/login` or `/signup`, keeping where to go afterwards (`?next=`, as the app writes it). */
export function signInPagePath(page: "/login" | "/signup", next: string | null): string {
  return next ? `${page}?${new URLSearchParams({ next }).toString()}` : page;
}

/** Leaves the sign-in page for the app at `target` (already checked to be one of ours). */
export function enterApp(target: string): void {
  window.location.replace(target);
}
