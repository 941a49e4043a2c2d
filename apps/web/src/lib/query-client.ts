import { QueryClient } from "@tanstack/react-query";
import { NETWORK_ERROR_STATUS, type ApiError } from "./api-client";

declare module "@tanstack/react-query" {
  interface Register {
    // Every query and mutation goes through `api` (lib/api-client.ts), which throws ApiError only.
    defaultError: ApiError;
  }
}

/** A failure worth asking again for: the network, or the server's own trouble (5xx). */
function isTransient(error: ApiError): boolean {
  return error.status === NETWORK_ERROR_STATUS || error.status >= 500;
}

/**
 * The tab's cache of server state. Live events (SSE) invalidate what they change, so an
 * answer stays fresh for a while instead of being asked again by every component that mounts.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // An error the user must see (403, 404) is shown at once; a dropped request is retried.
        retry: (failures, error) => failures < 2 && isTransient(error),
        // Requests are made, and fail with a message, even when the browser says it is offline.
        networkMode: "always",
      },
      mutations: { networkMode: "always", retry: false },
    },
  });
}
