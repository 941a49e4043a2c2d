import type { MeResponse } from "@entente/protocol";
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../../../lib/api-client";
import { useRequiredContext } from "../../../lib/required-context";
import { clearOfflineData } from "../../../lib/offline-data";
import { authApi } from "../api/auth-api";

/** The session as the app knows it: `/api/me` answered, or a 401, or still asking. */
export type Session =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "error"; error: ApiError }
  | { status: "authenticated"; me: MeResponse };

interface SessionValue {
  session: Session;
  /** Re-reads `/api/me` (after creating an organization, a partnership, accepting an invitation…). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, "internal", String(error));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: "loading" });

  const refresh = useCallback(async () => {
    try {
      const me = await authApi.me();
      setSession({ status: "authenticated", me });
    } catch (error) {
      const apiError = toApiError(error);
      setSession(
        apiError.status === 401 ? { status: "anonymous" } : { status: "error", error: apiError },
      );
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const queryClient = useQueryClient();
  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setSession({ status: "anonymous" });
      // Nothing of this user stays in the browser: documents' copies, cached answers.
      await clearOfflineData();
      // What the cache holds was this user's to see: the next one starts empty. Cleared once
      // the signed-in pages are gone (nothing left to refetch what is dropped).
      queryClient.clear();
    }
  }, [queryClient]);

  const value = useMemo(() => ({ session, refresh, logout }), [session, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useRequiredContext(SessionContext, "useSession", "SessionProvider");
}

/** For pages behind `RequireSession`: the signed-in user's `/api/me`. */
export function useMe(): MeResponse {
  const { session } = useSession();
  if (session.status !== "authenticated") throw new Error("useMe needs an authenticated session");
  return session.me;
}
