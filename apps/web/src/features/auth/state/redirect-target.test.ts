import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./redirect-target";

describe("safeRedirectTarget", () => {
  it.each([
    ["/p/1", "/p/1"],
    ["/", "/"],
    ["/p/1?tab=kpis#kpi-3", "/p/1?tab=kpis#kpi-3"],
    ["/invite/abcdefghijklmnop", "/invite/abcdefghijklmnop"],
    ["/p/1/../2", "/p/2"],
    ["/search?q=a%20b", "/search?q=a%20b"],
  ])("follows the app path %s", (target, expected) => {
    expect(safeRedirectTarget(target)).toBe(expected);
  });

  it.each([
    ["nothing", null],
    ["an empty value", ""],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/p/1"],
    ["a backslash after the slash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a carriage return between the slashes", "/\r/evil.example"],
    ["a space between the slashes", "/ /evil.example"],
    ["an absolute URL", "https://evil.example"],
    ["an absolute URL of another scheme", "javascript:alert(1)"],
    ["a relative path", "p/1"],
    ["an encoded second slash", "/%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["encoded slashes only", "%2F%2Fevil.example"],
    ["a malformed escape", "/%E0%A4%A"],
    ["a control character", "/p/1\u0000"],
    ["a C1 control character", "/p/\u00851"],
  ])("refuses %s", (_label, target) => {
    expect(safeRedirectTarget(target)).toBe("/");
  });

  it("answers the fallback given", () => {
    expect(safeRedirectTarget("//evil.example", "/home")).toBe("/home");
  });
});
