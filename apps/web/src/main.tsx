import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { initialLanguage } from "./i18n/i18n-provider";
import { loadCatalogue } from "./i18n/translate";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
// Only the shown language's messages are loaded (the page the server sent hints them).
// The server state pages read through TanStack Query (the notifications page so far).
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});
void loadCatalogue(initialLanguage()).then(() =>
  createRoot(container).render(
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>,
  ),
);
