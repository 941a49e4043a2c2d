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

describe("api client calls of the contract", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function answering(body: unknown) {
    const fetch = vi.fn((_path: string, _init: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify(body), { status: 200 })),
    );
    vi.stubGlobal("fetch", fetch);
    return fetch;
  }

  it("writes each path parameter into the route's pattern as one segment", async () => {
    const fetch = answering({ invitation: {} });
    await api.call("POST /api/partnerships/:id/invitations/:invitationId/revoke", {
      id: "p/1",
      invitationId: "abc",
    });
    const [path, init] = fetch.mock.calls[0] ?? [];
    expect(path).toBe("/api/partnerships/p%2F1/invitations/abc/revoke");
    expect(init?.method).toBe("POST");
    // A POST without a body still sends an empty JSON object, as `api.post` does.
    expect(init?.body).toBe("{}");
  });

  it("sends the body after the parameters, and none with a GET", async () => {
    const fetch = answering({ status: {} });
    await api.call(
      "POST /api/partnerships/:id/charter/endorsements",
      { id: "p1" },
      { version: "v" },
    );
    await api.call("GET /api/me");
    expect(fetch.mock.calls[0]?.[1].body).toBe(JSON.stringify({ version: "v" }));
    expect(fetch.mock.calls[1]?.[0]).toBe("/api/me");
    expect(fetch.mock.calls[1]?.[1].method).toBe("GET");
    expect(fetch.mock.calls[1]?.[1].body).toBeNull();
  });

  it("writes a GET's query after its parameters, leaving out fields not given", async () => {
    const fetch = answering({ changes: [] });
    const route = "GET /api/partnerships/:id/history/:documentKind/:entryId";
    const entry = { id: "p1", documentKind: "profile", entryId: "e1" };
    await api.call(route, entry, { organizationId: "o 1" });
    await api.call(route, entry, { organizationId: undefined });
    await api.call(route, entry);
    const paths = fetch.mock.calls.map(([path]) => path);
    expect(paths).toEqual([
      "/api/partnerships/p1/history/profile/e1?organizationId=o+1",
      "/api/partnerships/p1/history/profile/e1",
      "/api/partnerships/p1/history/profile/e1",
    ]);
    expect(fetch.mock.calls[0]?.[1].body).toBeNull();
  });

  it("repeats a list field of a GET's query once per value", async () => {
    const fetch = answering({ notifications: [], unread: 0, nextCursor: null });
    await api.call("GET /api/notifications", {
      partnershipId: "p1",
      kind: ["mention", "reply"],
      before: "123.abc",
    });
    await api.call("GET /api/notifications", { kind: undefined, before: "1.a" });
    const paths = fetch.mock.calls.map(([path]) => path);
    expect(paths).toEqual([
      "/api/notifications?partnershipId=p1&kind=mention&kind=reply&before=123.abc",
      "/api/notifications?before=1.a",
    ]);
  });

  it("is typed by the route's name (checked by tsc, never run)", () => {
    const calls = () => {
      // @ts-expect-error: the pattern names `:id`, so the parameters are required.
      void api.call("GET /api/partnerships/:id");
      // @ts-expect-error: the parameters are the pattern's, by name.
      void api.call("GET /api/partnerships/:id", { partnershipId: "p1" });
      // @ts-expect-error: login takes a body.
      void api.call("POST /api/auth/login");
      // @ts-expect-error: not a route of the contract.
      void api.call("GET /api/nowhere");
      // @ts-expect-error: the query's fields are the route's, by name.
      void api.call("GET /api/partnerships/:id/trash", { id: "p1" }, { organizationId: "o1" });
      const answer: Promise<{ user: { name: string } }> = api.call("GET /api/me");
      return answer;
    };
    expect(calls).toBeTypeOf("function");
  });
});
