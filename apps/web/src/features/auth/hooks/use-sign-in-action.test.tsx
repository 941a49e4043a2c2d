// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/api-client";
import { useSignInAction } from "./use-sign-in-action";

afterEach(cleanup);

/** A run the test settles by hand. */
function deferred() {
  let settle: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
  return { run, settle: () => settle! };
}

describe("useSignInAction", () => {
  it("is pending while the run lasts and keeps the server's error for the form", async () => {
    const { run, settle } = deferred();
    const { result } = renderHook(() => useSignInAction(run));
    expect(result.current.pending).toBe(false);

    act(() => result.current.submit());
    await waitFor(() => expect(result.current.pending).toBe(true));
    act(() => settle().reject(new ApiError(401, "invalid_credentials", "Wrong")));

    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(result.current.error?.code).toBe("invalid_credentials");
    expect(result.current.error?.status).toBe(401);
  });

  it("clears the last error once a new run succeeds, and turns other failures into an ApiError", async () => {
    let attempt = 0;
    const { result } = renderHook(() =>
      useSignInAction(() => {
        attempt += 1;
        return attempt === 1 ? Promise.reject(new TypeError("Failed to fetch")) : Promise.resolve();
      }),
    );
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.error).toBeInstanceOf(ApiError));
    expect(result.current.error?.code).toBe("internal");

    act(() => result.current.submit());
    await waitFor(() => expect(result.current.error).toBeNull());
    expect(attempt).toBe(2);
  });

  it("runs the latest render's action (what the user typed last)", async () => {
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ email }) =>
        useSignInAction(() => {
          seen.push(email);
          return Promise.resolve();
        }),
      { initialProps: { email: "a@northwind.example" } },
    );
    rerender({ email: "amara@northwind.example" });
    act(() => result.current.submit());
    await waitFor(() => expect(seen).toEqual(["amara@northwind.example"]));
  });
});
