import { useCallback, useEffect, useState } from "react";
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

  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    load(key).then(
      (data) => {
        if (current) setState({ status: "ready", data });
      },
      (error: unknown) => {
        if (!current) return;
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
  return { state, reload };
}
