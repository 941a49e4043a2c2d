import { describe, expect, it } from "vitest";
import { decimalText, parseDecimal } from "./decimal-text";

describe("a decimal number in a form", () => {
  it("reads a point or a comma as the decimal mark, and nothing or garbage as none", () => {
    expect(parseDecimal("12.5")).toBe(12.5);
    expect(parseDecimal("12,5")).toBe(12.5);
    expect(parseDecimal("  ")).toBeNull();
    expect(parseDecimal("abc")).toBeNull();
  });

  it("writes none as an empty field", () => {
    expect(decimalText(null)).toBe("");
    expect(decimalText(0)).toBe("0");
    expect(decimalText(-3.25)).toBe("-3.25");
  });
});
