import { describe, expect, it } from "vitest";
import { hasCreateIntent, withoutCreateIntent } from "./create-intent";

describe("create intent (?new=1)", () => {
  it("is asked by new=1 only", () => {
    expect(hasCreateIntent("?new=1")).toBe(true);
    expect(hasCreateIntent("?lens=ours&new=1")).toBe(true);
    expect(hasCreateIntent("?new=0")).toBe(false);
    expect(hasCreateIntent("")).toBe(false);
  });

  it("is dropped from the address, the lens kept", () => {
    expect(withoutCreateIntent("?new=1")).toBe("");
    expect(withoutCreateIntent("?lens=ours&new=1")).toBe("?lens=ours");
  });
});
