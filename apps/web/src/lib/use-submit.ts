import { useCallback, useRef, useState } from "react";
import { ApiError } from "./api-client";

/** Pending and error state of one form's submit action; a second submit while pending is ignored. */
export function useSubmit<Args extends unknown[]>(action: (...args: Args) => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef(false);

  const run = useCallback(
    async (...args: Args) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setPending(true);
      setError(null);
      try {
        await action(...args);
      } catch (caught) {
        setError(caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught)));
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [action],
  );

  return { run, pending, error, clearError: () => setError(null) };
}
