// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useResource } from "./use-resource";

afterEach(cleanup);

describe("useResource", () => {
  it("shows loading on reload, keeps what is shown on a quiet refresh, even when it fails", async () => {
    const answers: (() => Promise<string>)[] = [
      () => Promise.resolve("one organization"),
      () => Promise.resolve("two organizations"),
      () => Promise.reject(new Error("offline")),
      () => Promise.resolve("three organizations"),
    ];
    let calls = 0;
    const load = () => answers[calls++]!();
    const { result } = renderHook(() => useResource("p1", load));
    expect(result.current.state.status).toBe("loading");
    await waitFor(() =>
      expect(result.current.state).toEqual({ status: "ready", data: "one organization" }),
    );

    act(() => result.current.refresh());
    // Still on screen while the refresh is under way: no flash of "loading".
    expect(result.current.state).toEqual({ status: "ready", data: "one organization" });
    await waitFor(() =>
      expect(result.current.state).toEqual({ status: "ready", data: "two organizations" }),
    );

    act(() => result.current.refresh());
    await waitFor(() => expect(calls).toBe(3));
    await Promise.resolve();
    expect(result.current.state).toEqual({ status: "ready", data: "two organizations" });

    act(() => result.current.reload());
    expect(result.current.state.status).toBe("loading");
    await waitFor(() =>
      expect(result.current.state).toEqual({ status: "ready", data: "three organizations" }),
    );
  });
});
