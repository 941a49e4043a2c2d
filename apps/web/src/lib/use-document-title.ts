import { useEffect } from "react";

/** Sets the tab title as "<page> · <app>", or just the app name. */
export function useDocumentTitle(page: string | null, appName: string): void {
  useEffect(() => {
    document.title = page ? `${page} · ${appName}` : appName;
  }, [page, appName]);
}
