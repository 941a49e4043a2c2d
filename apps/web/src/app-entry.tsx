import { createRoot } from "react-dom/client";
import { App } from "./app";
import { preloadPage } from "./routes";

/** Renders the signed-in app (its router, server-state cache and pages) into `container`. */
export function startApp(container: HTMLElement): void {
  void preloadPage(window.location.pathname);
  createRoot(container).render(<App />);
}
