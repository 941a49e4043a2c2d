import { describe, expect, it } from "vitest";
import { signInPagePath } from "./sign-in-navigation";

describe("signInPagePath", () => {
  it("keeps where to go next, encoded as the app's own links write it", () => {
    expect(signInPagePath("/signup", "/p/abc?post=42")).toBe("/signup?next=%2Fp%2Fabc%3Fpost%3D42");
    expect(signInPagePath("/login", "/p/abc")).toBe("/login?next=%2Fp%2Fabc");
  });

  it("names no next page when there is none", () => {
    expect(signInPagePath("/login", null)).toBe("/login");
    expect(signInPagePath("/signup", "")).toBe("/signup");
  });
});
