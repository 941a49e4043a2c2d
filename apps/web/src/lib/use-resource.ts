import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./api-client";

export type ResourceState<T> =
  { status: "loading" } | { status: "error"; error: ApiError } | { status: "ready"; data: T };

/**
 * Loads one thing from the API for a component: refetches when `key` changes, ignores
 * answers that arrive after the key changed or the component unmounted.
 */
export function useResource<T>(key: string, load: (key: string) => Promise<T>) {
  const [state, setState] = useState<ResourceState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // Set by `refresh`: the next load keeps what is shown until its answer (or its failure).
  const quiet = useRef(false);

  useEffect(() => {
    let current = true;
    const keepShown = quiet.current;
    quiet.current = false;
    if (!keepShown) setState({ status: "loading" });
    load(key).then(
      (data) => {
        if (current) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (!current) return;
        if (keepShown) return;
        setState({
          status: "error",
          error: error instanceof ApiError ? error : new ApiError(0, "internal", String(error)),
        });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a module-level API function; the key alone decides what is loaded.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  /** Reads again without going through "loading" (a live change): the screen stays as it is. */
  const refresh = useCallback(() => {
    quiet.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload, refresh };
}
