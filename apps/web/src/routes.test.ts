import { QueryClient } from "@tanstack/react-query";
import { createMemoryHistory } from "@tanstack/react-router";
import { describe, expect, it } from "vitest";
import { createAppRouter } from "./routes";

/** The route a URL leads to (the deepest match) and the params and search it read. */
function resolve(url: string) {
  const router = createAppRouter({
    queryClient: new QueryClient(),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const location = router.parseLocation(router.history.location);
  const matches = router.matchRoutes(location);
  const last = matches.at(-1);
  // With `notFoundMode: "root"`, an address no route matches whole marks the root not found.
  const notFound = (matches[0] as { _notFound?: boolean } | undefined)?._notFound === true;
  return {
    notFound,
    routeId: last?.routeId,
    params: last?.params,
    search: last?.search as Record<string, unknown> | undefined,
    href: location.href,
  };
}

describe("the route tree", () => {
  it.each([
    ["/", "/", {}],
    ["/login", "/login", {}],
    ["/signup", "/signup", {}],
    ["/invite/t0k-en", "/invite/$token", { token: "t0k-en" }],
    ["/start/p1", "/start/$partnershipId", { partnershipId: "p1" }],
    ["/p/p1", "/p/$partnershipId/", { partnershipId: "p1" }],
    ["/p/p1/issues", "/p/$partnershipId/$section", { partnershipId: "p1", section: "issues" }],
    ["/p/p1/meetings", "/p/$partnershipId/$section", { partnershipId: "p1", section: "meetings" }],
    [
      "/p/p1/meetings/m1",
      "/p/$partnershipId/meetings/$meetingId",
      { partnershipId: "p1", meetingId: "m1" },
    ],
    [
      "/p/p1/meetings/m1/workshop",
      "/p/$partnershipId/meetings/$meetingId/workshop",
      { partnershipId: "p1", meetingId: "m1" },
    ],
    ["/settings/notifications", "/settings/notifications", {}],
    ["/settings/calendar", "/settings/calendar", {}],
    ["/settings/organization", "/settings/organization", {}],
  ])("%s is %s", (url, routeId, params) => {
    const resolved = resolve(url);
    expect(resolved.routeId).toBe(routeId);
    expect(resolved.params).toEqual(params);
  });

  it("sends unknown paths to the root's not-found page", () => {
    for (const url of ["/nowhere", "/p", "/p/p1/issues/extra/more", "/settings"]) {
      expect(resolve(url).notFound, url).toBe(true);
    }
    expect(resolve("/p/p1/issues").notFound).toBe(false);
  });

  it("reads query strings as plain strings and writes them back unchanged", () => {
    const login = resolve("/login?next=%2Fp%2F1%3Fpost%3D42");
    expect(login.search).toEqual({ next: "/p/1?post=42" });
    expect(login.href).toBe("/login?next=%2Fp%2F1%3Fpost%3D42");
    const post = resolve("/p/p1/updates?post=42&lens=ours");
    expect(post.search).toEqual({ post: "42", lens: "ours" });
    expect(post.href).toBe("/p/p1/updates?post=42&lens=ours");
  });

  it("decodes percent-encoded params", () => {
    expect(resolve("/invite/a%20b").params).toEqual({ token: "a b" });
  });
});
