import { createRoot } from "react-dom/client";
import { App } from "./app";

/** Renders the signed-in app (its router, server-state cache and pages) into `container`. */
export function startApp(container: HTMLElement): void {
  createRoot(container).render(<App />);
}
