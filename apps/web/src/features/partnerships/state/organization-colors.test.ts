import { describe, expect, it } from "vitest";
import { colorOrganizations, ORGANIZATION_PALETTE, organizationColor } from "./organization-colors";

/** WCAG 2.x relative luminance of a 6-digit hex colour (`#rrggbb`). */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `color` laid at `alpha` over `background`, as the browser composes it. */
function over(color: string, alpha: number, background: string): string {
  const mix = [1, 3, 5].map((at) => {
    const front = parseInt(color.slice(at, at + 2), 16);
    const back = parseInt(background.slice(at, at + 2), 16);
    return Math.round(front * alpha + back * (1 - alpha))
      .toString(16)
      .padStart(2, "0");
  });
  return `#${mix.join("")}`;
}

describe("organization colours", () => {
  it("hold WCAG AA contrast (4.5:1) under white text and as text on their own tint", () => {
    const pageBackground = "#f5f6f8";
    for (const color of ORGANIZATION_PALETTE) {
      expect(contrast(color, "#ffffff"), color).toBeGreaterThanOrEqual(4.5);
      // A mention: the colour over its "14" (8%) alpha tint, on the page's grey.
      const tint = over(color, 0x14 / 255, pageBackground);
      expect(contrast(color, tint), color).toBeGreaterThanOrEqual(4.5);
    }
  });

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
