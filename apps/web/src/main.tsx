import { startEarlyConnection } from "./features/collab/start-early-connection";
import { openPartnershipEventsAhead } from "./features/partnerships/state/partnership-event-stream";
import { initialLanguage } from "./i18n/i18n-provider";
import { loadPageCatalogue } from "./i18n/translate";
import { isSignInPath } from "./i18n/sign-in-messages";
import { registerServiceWorker } from "./lib/service-worker-registration";
import "./styles.css";

// Before anything waits: the charter's live document syncs while the app reads the session.
startEarlyConnection(window.location.pathname);
// And the partnership's event stream: open before the partnership is read, it spares a re-read.
openPartnershipEventsAhead(window.location.pathname);
const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

// Two entries: the sign-in pages load React and their form only (no router, no server-state
// cache, none of the app's pages); everything else loads the app. The page the server sent
// hints the entry its path needs, so neither waits for this script to ask for it.
const pathname = window.location.pathname;
const entry = isSignInPath(pathname)
  ? import("./sign-in-entry").then((module) => module.startSignIn)
  : import("./app-entry").then((module) => module.startApp);
// Only the shown language's messages are loaded; on the sign-in pages, only their part of them.
void Promise.all([entry, loadPageCatalogue(initialLanguage(), pathname)]).then(([start]) =>
  start(container),
);

// Development (Vite’s server) keeps no worker: its modules change under it.
if (import.meta.env.PROD) registerServiceWorker();
