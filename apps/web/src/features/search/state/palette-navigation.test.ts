import { describe, expect, it } from "vitest";
import { activeIndexOf, isNavigationKey, moveActive } from "./palette-navigation";

describe("moveActive", () => {
  it("walks down and up, wrapping at both ends", () => {
    expect(moveActive(0, 3, "ArrowDown")).toBe(1);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(2, 3, "ArrowUp")).toBe(1);
  });

  it("starts from the first (down) or the last (up) when nothing is active", () => {
    expect(moveActive(-1, 3, "ArrowDown")).toBe(0);
    expect(moveActive(-1, 3, "ArrowUp")).toBe(2);
    expect(moveActive(7, 3, "ArrowDown")).toBe(0);
  });

  it("jumps to the ends and by pages without wrapping", () => {
    expect(moveActive(4, 10, "Home")).toBe(0);
    expect(moveActive(4, 10, "End")).toBe(9);
    expect(moveActive(4, 10, "PageDown")).toBe(9);
    expect(moveActive(1, 10, "PageDown")).toBe(6);
    expect(moveActive(3, 10, "PageUp")).toBe(0);
    expect(moveActive(8, 10, "PageUp")).toBe(3);
  });

  it("has nothing to activate in an empty list", () => {
    expect(moveActive(0, 0, "ArrowDown")).toBe(-1);
    expect(moveActive(-1, 0, "End")).toBe(-1);
  });
});

describe("activeIndexOf", () => {
  it("keeps the option the user reached when the list changes around it", () => {
    expect(activeIndexOf(["a", "b", "c"], "c")).toBe(2);
    expect(activeIndexOf(["x", "c"], "c")).toBe(1);
  });

  it("falls back to the first option", () => {
    expect(activeIndexOf(["a", "b"], null)).toBe(0);
    expect(activeIndexOf(["a", "b"], "gone")).toBe(0);
    expect(activeIndexOf([], "a")).toBe(-1);
  });
});

describe("isNavigationKey", () => {
  it("knows the listbox keys and nothing else", () => {
    expect(isNavigationKey("ArrowDown")).toBe(true);
    expect(isNavigationKey("End")).toBe(true);
    expect(isNavigationKey("Enter")).toBe(false);
    expect(isNavigationKey("a")).toBe(false);
  });
});
