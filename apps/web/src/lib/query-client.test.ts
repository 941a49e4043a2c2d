import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client";
import { createQueryClient } from "./query-client";

describe("the query client", () => {
  it("shows a refusal at once and retries only what a retry may fix", async () => {
    const client = createQueryClient();
    let calls = 0;
    const forbidden = client.fetchQuery({
      queryKey: ["forbidden"],
      queryFn: () => {
        calls += 1;
        return Promise.reject(new ApiError(403, "forbidden", "no"));
      },
    });
    await expect(forbidden).rejects.toMatchObject({ status: 403 });
    expect(calls).toBe(1);

    const retry = client.getDefaultOptions().queries?.retry;
    expect(typeof retry).toBe("function");
    const decide = retry as (failures: number, error: ApiError) => boolean;
    expect(decide(0, new ApiError(0, "network", "down"))).toBe(true);
    expect(decide(1, new ApiError(503, "unavailable", "busy"))).toBe(true);
    expect(decide(2, new ApiError(503, "unavailable", "busy"))).toBe(false);
    expect(decide(0, new ApiError(404, "not_found", "gone"))).toBe(false);
  });
});
