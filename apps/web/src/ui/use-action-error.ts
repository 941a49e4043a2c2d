import { useCallback, useState } from "react";
import { ApiError } from "../lib/api-client";

/** Runs one-click actions (react, delete) and keeps the last one's error to show beside it. */
export function useActionError() {
  const [error, setError] = useState<ApiError | null>(null);
  const guard = useCallback((action: () => Promise<void>) => {
    setError(null);
    action().catch((caught: unknown) => {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught)));
    });
  }, []);
  return { error, guard };
}
