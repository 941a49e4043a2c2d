import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, NETWORK_ERROR_STATUS } from "./api-client";

function failingFetch() {
  return vi.fn(() => Promise.reject(new TypeError("Failed to fetch")));
}

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("api client without a network", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("says offline when the browser has no connection", async () => {
    vi.stubGlobal("fetch", failingFetch());
    vi.stubGlobal("navigator", { onLine: false });
    const error = await errorOf(api.post("/api/partnerships/p1/invitations", { kind: "member" }));
    expect(error.code).toBe("offline");
    expect(error.status).toBe(NETWORK_ERROR_STATUS);
  });

  it("says the server cannot be reached when the browser is online", async () => {
    vi.stubGlobal("fetch", failingFetch());
    vi.stubGlobal("navigator", { onLine: true });
    const error = await errorOf(api.get("/api/me"));
    expect(error.code).toBe("network");
  });

  it("keeps the server's own error codes", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() =>
        Promise.resolve(
          new Response(JSON.stringify({ error: { code: "forbidden", message: "no" } }), {
            status: 403,
          }),
        ),
      ),
    );
    vi.stubGlobal("navigator", { onLine: false });
    const error = await errorOf(api.get("/api/me"));
    expect(error.code).toBe("forbidden");
    expect(error.status).toBe(403);
  });
});
