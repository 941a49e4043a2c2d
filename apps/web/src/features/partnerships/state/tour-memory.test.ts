// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from "vitest";
import { dismissChecklist, checklistDismissed } from "../../onboarding";
import { offerTour, tourDone, tourOffered } from "./tour-memory";

beforeEach(() => window.localStorage.clear());

describe("the welcome tour's memory", () => {
  it("offers the tour in the partnership an invitation led to, to that user only", () => {
    offerTour("user-ines", "p1");
    expect(tourOffered("user-ines", "p1")).toBe(true);
    expect(tourOffered("user-ines", "p2")).toBe(false);
    expect(tourOffered("user-lucas", "p1")).toBe(false);
  });

  it("never offers it again once finished or skipped", () => {
    offerTour("user-ines", "p1");
    tourDone("user-ines");
    expect(tourOffered("user-ines", "p1")).toBe(false);
    offerTour("user-ines", "p2");
    expect(tourOffered("user-ines", "p2")).toBe(false);
  });
});

describe("the checklist's dismissal", () => {
  it("is remembered per partnership", () => {
    expect(checklistDismissed("p1")).toBe(false);
    dismissChecklist("p1");
    expect(checklistDismissed("p1")).toBe(true);
    expect(checklistDismissed("p2")).toBe(false);
  });
});
