import { startTransition, useActionState } from "react";
import { ApiError } from "../../../lib/api-client";

export interface SignInAction {
  /** Runs the action (again): the last error is cleared while it runs. */
  submit: () => void;
  pending: boolean;
  /** Why the last run failed; null before, while running and after a success. */
  error: ApiError | null;
}

/**
 * A sign-in page's form submission on React's own action state: the sign-in entry carries no
 * server-state library (its pages read nothing and cache nothing). A successful `run` ends
 * by leaving the page, so `pending` stays true until the next page shows.
 */
export function useSignInAction(run: () => Promise<void>): SignInAction {
  const [error, dispatch, pending] = useActionState<ApiError | null>(async () => {
    try {
      await run();
      return null;
    } catch (thrown) {
      return thrown instanceof ApiError ? thrown : new ApiError(0, "internal", String(thrown));
    }
  }, null);
  return { submit: () => startTransition(dispatch), pending, error };
}
