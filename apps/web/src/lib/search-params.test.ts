import { describe, expect, it } from "vitest";
import { parseSearchParams, stringifySearchParams } from "./search-params";

describe("the router's query-string codec", () => {
  it("reads every parameter as a string, the first of repeated ones", () => {
    expect(parseSearchParams("?post=42&lens=ours&next=%2Fp%2F1%3Fa%3Db&post=7")).toEqual({
      post: "42",
      lens: "ours",
      next: "/p/1?a=b",
    });
    expect(parseSearchParams("")).toEqual({});
  });

  it("writes strings as they are (no JSON quotes) and drops absent values", () => {
    expect(stringifySearchParams({ post: "42", flag: "true", gone: undefined })).toBe(
      "?post=42&flag=true",
    );
    expect(stringifySearchParams({})).toBe("");
  });

  it("round-trips an address already in an e-mail", () => {
    const search = "?next=%2Finvite%2Fabc&sso_error=denied";
    expect(stringifySearchParams(parseSearchParams(search))).toBe(search);
  });
});
