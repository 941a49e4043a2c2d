import { createRoot } from "react-dom/client";
import { App } from "./app";
import { initialLanguage } from "./i18n/i18n-provider";
import { loadCatalogue } from "./i18n/translate";
import { registerServiceWorker } from "./lib/service-worker-registration";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
// Only the shown language's messages are loaded (the page the server sent hints them).
void loadCatalogue(initialLanguage()).then(() => createRoot(container).render(<App />));

// Development (Vite's server) keeps no worker: its modules change under it.
if (import.meta.env.PROD) registerServiceWorker();
