import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./api-client";

export interface PolledResource<T> {
  /** The last answer, kept while a later poll fails; `null` before the first one. */
  data: T | null;
  /** The last poll's error; cleared by the next success. */
  error: ApiError | null;
  /** Asks again now (after the user's own action). */
  refresh: () => Promise<void>;
}

/**
 * State the server stamps (endorsements, votes) changes when the partner acts, and no live
 * document carries it: this reads it now, then every `intervalMs` while the tab is visible,
 * and at once when the tab becomes visible again.
 */
export function usePolledResource<T>(
  key: string,
  load: (key: string) => Promise<T>,
  intervalMs = 5_000,
): PolledResource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The answer of an older request must not overwrite a newer one.
  const sequence = useRef(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  const refresh = useCallback(async () => {
    const ticket = ++sequence.current;
    try {
      const next = await loadRef.current(key);
      if (ticket !== sequence.current) return;
      setData(next);
      setError(null);
    } catch (caught) {
      if (ticket !== sequence.current) return;
      setError(caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught)));
    }
  }, [key]);

  useEffect(() => {
    setData(null);
    setError(null);
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, intervalMs);
    const onVisibility = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      // Late answers of this key are dropped.
      sequence.current += 1;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [refresh, intervalMs]);

  return { data, error, refresh };
}
