import { describe, expect, it } from "vitest";
import { colorOrganizations, ORGANIZATION_PALETTE, organizationColor } from "./organization-colors";

describe("organization colours", () => {
  it("are 6-digit hex, as the caret extension requires", () => {
    for (const color of ORGANIZATION_PALETTE) expect(color).toMatch(/^#[0-9a-f]{6}$/);
    expect(organizationColor(-1)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("follow the organization's position and wrap around", () => {
    const colored = colorOrganizations([
      { id: "a", name: "Northwind" },
      { id: "b", name: "Southpeak" },
    ]);
    expect(colored.map((o) => o.color)).toEqual([ORGANIZATION_PALETTE[0], ORGANIZATION_PALETTE[1]]);
    expect(organizationColor(ORGANIZATION_PALETTE.length)).toBe(ORGANIZATION_PALETTE[0]);
  });
});
