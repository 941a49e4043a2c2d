import { createRoot } from "react-dom/client";
import { App } from "./app";
import { startEarlyConnection } from "./features/collab/start-early-connection";
import { initialLanguage } from "./i18n/i18n-provider";
import { loadPageCatalogue } from "./i18n/translate";
import { registerServiceWorker } from "./lib/service-worker-registration";
import "./styles.css";

// Before anything waits: the charter's live document syncs while the app reads the session.
startEarlyConnection(window.location.pathname);
const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
// Only the shown language's messages are loaded (the page the server sent hints them); on
// the sign-in pages, only their part of them.
void loadPageCatalogue(initialLanguage(), window.location.pathname).then(() =>
  createRoot(container).render(<App />),
);

// Development (Vite’s server) keeps no worker: its modules change under it.
if (import.meta.env.PROD) registerServiceWorker();
