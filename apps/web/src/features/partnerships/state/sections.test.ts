import { describe, expect, it } from "vitest";
import { parseSection, sectionPath } from "./sections";

describe("sections", () => {
  it("maps URL segments to sections; the charter is the root", () => {
    expect(parseSection(null)).toBe("charter");
    expect(parseSection("issues")).toBe("issues");
    expect(parseSection("updates")).toBe("updates");
    expect(parseSection("activity")).toBe("activity");
    expect(parseSection("charter")).toBeUndefined();
    expect(parseSection("nope")).toBeUndefined();
  });

  it("builds paths", () => {
    expect(sectionPath("p1", "charter")).toBe("/p/p1");
    expect(sectionPath("p1", "organizations")).toBe("/p/p1/organizations");
  });
});
