import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { I18nProvider } from "./i18n";
import { SessionProvider } from "./features/auth/state/session-provider";
import { createQueryClient } from "./lib/query-client";
import { createAppRouter } from "./routes";
import { AnnouncerProvider } from "./ui/announcer";
import { SkipLink } from "./ui/skip-link";

const queryClient = createQueryClient();
const router = createAppRouter({ queryClient });

export function App() {
  return (
    <StrictMode>
      <I18nProvider>
        <SkipLink />
        <AnnouncerProvider>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <RouterProvider router={router} />
            </SessionProvider>
          </QueryClientProvider>
        </AnnouncerProvider>
      </I18nProvider>
    </StrictMode>
  );
}
