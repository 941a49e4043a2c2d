import { describe, expect, it } from "vitest";
import { parseSection, sectionPath } from "./sections";

describe("sections", () => {
  it("maps URL segments to sections; the charter is the root", () => {
    expect(parseSection(null)).toBe("charter");
    expect(parseSection("issues")).toBe("issues");
    expect(parseSection("updates")).toBe("updates");
    expect(parseSection("activity")).toBe("activity");
    expect(parseSection("dashboard")).toBe("dashboard");
    expect(parseSection("charter")).toBe("charter");
    expect(parseSection("nope")).toBeUndefined();
  });

  it("puts the dashboard at the root for a member who landed there, the charter under /charter", () => {
    expect(parseSection(null, "dashboard")).toBe("dashboard");
    expect(parseSection("charter", "dashboard")).toBe("charter");
    expect(parseSection("dashboard", "dashboard")).toBe("dashboard");
    expect(sectionPath("p1", "dashboard", "dashboard")).toBe("/p/p1");
    expect(sectionPath("p1", "charter", "dashboard")).toBe("/p/p1/charter");
  });

  it("builds paths", () => {
    expect(sectionPath("p1", "charter")).toBe("/p/p1");
    expect(sectionPath("p1", "dashboard")).toBe("/p/p1/dashboard");
    expect(sectionPath("p1", "organizations")).toBe("/p/p1/organizations");
  });
});
