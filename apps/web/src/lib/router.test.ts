import { describe, expect, it } from "vitest";
import { matchPath } from "./router";

describe("matchPath", () => {
  it("extracts params", () => {
    expect(matchPath("/p/:partnershipId", "/p/abc_1")).toEqual({ partnershipId: "abc_1" });
    expect(matchPath("/invite/:token", "/invite/t%2Dx/")).toEqual({ token: "t-x" });
  });

  it("rejects other shapes", () => {
    expect(matchPath("/p/:partnershipId", "/p")).toBeNull();
    expect(matchPath("/p/:partnershipId", "/q/abc")).toBeNull();
    expect(matchPath("/", "/login")).toBeNull();
    expect(matchPath("/", "/")).toEqual({});
  });
});
