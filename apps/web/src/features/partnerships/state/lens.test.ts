import { describe, expect, it } from "vitest";
import { inLens, parseLens, withLensParam } from "./lens";

describe("lens", () => {
  it("reads the URL value, defaulting to both", () => {
    expect(parseLens("ours")).toBe("ours");
    expect(parseLens("theirs")).toBe("theirs");
    expect(parseLens(null)).toBe("both");
    expect(parseLens("everything")).toBe("both");
  });

  it("shows ours, theirs, or both; joint items are both ours and theirs", () => {
    expect(inLens("ours", "north", ["north"])).toBe(true);
    expect(inLens("ours", "north", ["south"])).toBe(false);
    expect(inLens("theirs", "north", ["south"])).toBe(true);
    expect(inLens("theirs", "north", ["north"])).toBe(false);
    expect(inLens("ours", "north", ["north", "south"])).toBe(true);
    expect(inLens("theirs", "north", ["north", "south"])).toBe(true);
    expect(inLens("both", "north", [])).toBe(true);
    expect(inLens("ours", "north", [])).toBe(false);
  });

  it("keeps other parameters and leaves the default out of the URL", () => {
    expect(withLensParam("", "ours")).toBe("?lens=ours");
    expect(withLensParam("?lens=ours&x=1", "both")).toBe("?x=1");
    expect(withLensParam("?lens=ours", "both")).toBe("");
  });
});
