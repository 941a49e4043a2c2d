import { describe, expect, it } from "vitest";
import { comparableName, hasUnsafeNameCharacter } from "./names.js";

describe("hasUnsafeNameCharacter", () => {
  it.each([
    ["tab", "North\twind"],
    ["newline", "North\nwind"],
    ["NUL", "North\u0000wind"],
    ["DEL", "North\u007fwind"],
    ["C1 next line", "North\u0085wind"],
    ["C1 last", "North\u009fwind"],
    ["left-to-right embedding", "\u202aNorthwind"],
    ["right-to-left override", "Northwind\u202e"],
    ["left-to-right isolate", "\u2066Northwind"],
    ["pop directional isolate", "Northwind\u2069"],
  ])("refuses a %s", (_label, name) => {
    expect(hasUnsafeNameCharacter(name)).toBe(true);
  });

  it.each(["Northwind", "Nórthwind Ltd", "Amara Diallo", "محمد", "東京", "O'Brien & Sons"])(
    "accepts %s",
    (name) => {
      expect(hasUnsafeNameCharacter(name)).toBe(false);
    },
  );
});

describe("comparableName", () => {
  it("ignores case, accents and spacing", () => {
    expect(comparableName("  Nórthwind   Ltd ")).toBe("northwind ltd");
    expect(comparableName("NORTHWIND")).toBe(comparableName("northwind"));
    expect(comparableName("Nórthwind")).toBe(comparableName("Northwind"));
    expect(comparableName("Noِrthwind")).toBe("northwind");
  });

  it("keeps different names apart", () => {
    expect(comparableName("Northwind")).not.toBe(comparableName("Southpeak"));
  });
});
