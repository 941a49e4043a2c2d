import type { NotificationView } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import {
  filterFromSearch,
  isFiltered,
  listQueryOf,
  matchesFilter,
  NO_FILTER,
  readAllBodyOf,
  searchOfFilter,
  withKind,
} from "./notification-filter";

const mine = ["p1", "p2"];

describe("the notifications page's filter in its address", () => {
  it("reads a partnership and kinds, in the protocol's order, each once", () => {
    expect(filterFromSearch("?partnership=p2&kind=reply&kind=mention&kind=reply", mine)).toEqual({
      partnershipId: "p2",
      kinds: ["mention", "reply"],
    });
    expect(filterFromSearch("", mine)).toEqual(NO_FILTER);
  });

  it("leaves out kinds it does not know and partnerships the user is not in", () => {
    expect(filterFromSearch("?partnership=elsewhere&kind=gossip&kind=item_overdue", mine)).toEqual({
      partnershipId: null,
      kinds: ["item_overdue"],
    });
  });

  it("writes the same address back, and none for no filter", () => {
    const filter = { partnershipId: "p 1/x", kinds: ["reply" as const, "mention" as const] };
    const search = searchOfFilter(filter);
    expect(search).toBe("?partnership=p+1%2Fx&kind=mention&kind=reply");
    expect(filterFromSearch(search, ["p 1/x"])).toEqual({
      partnershipId: "p 1/x",
      kinds: ["mention", "reply"],
    });
    expect(searchOfFilter(NO_FILTER)).toBe("");
  });
});

describe("the filter sent to the API", () => {
  const filter = { partnershipId: "p1", kinds: ["mention" as const, "reply" as const] };

  it("names the list's parameters as the API does, with the cursor", () => {
    // Written as "?partnershipId=p1&kind=mention&kind=reply&before=123.abc" (api-client.test.ts).
    expect(listQueryOf(filter, "123.abc")).toEqual({
      partnershipId: "p1",
      kind: ["mention", "reply"],
      before: "123.abc",
    });
    expect(listQueryOf(NO_FILTER, null)).toEqual({
      partnershipId: undefined,
      kind: undefined,
      before: undefined,
    });
    expect(listQueryOf(NO_FILTER, "1.a")).toEqual({
      partnershipId: undefined,
      kind: undefined,
      before: "1.a",
    });
  });

  it("marks as read what the list shows", () => {
    expect(readAllBodyOf(filter)).toEqual({ partnershipId: "p1", kind: ["mention", "reply"] });
    expect(readAllBodyOf(NO_FILTER)).toEqual({});
  });
});

describe("choosing kinds", () => {
  it("adds and removes one kind, keeping the order", () => {
    const one = withKind(NO_FILTER, "reply", true);
    const two = withKind(one, "mention", true);
    expect(two.kinds).toEqual(["mention", "reply"]);
    expect(withKind(two, "mention", true).kinds).toEqual(["mention", "reply"]);
    expect(withKind(two, "reply", false).kinds).toEqual(["mention"]);
    expect(isFiltered(two)).toBe(true);
    expect(isFiltered(withKind(one, "reply", false))).toBe(false);
  });

  it("tells which notifications a filter holds", () => {
    const n = { partnershipId: "p1", kind: "reply" } as NotificationView;
    expect(matchesFilter(n, NO_FILTER)).toBe(true);
    expect(matchesFilter(n, { partnershipId: "p1", kinds: ["reply"] })).toBe(true);
    expect(matchesFilter(n, { partnershipId: "p2", kinds: [] })).toBe(false);
    expect(matchesFilter(n, { partnershipId: null, kinds: ["mention"] })).toBe(false);
  });
});
