import { describe, expect, it } from "vitest";
import { en as enMessages } from "../../../i18n/messages/en";
import { fr as frMessages } from "../../../i18n/messages/fr";
import { createTranslate } from "../../../i18n/translate";
import { buildCommands, filterCommands } from "./palette-commands";

const en = createTranslate(enMessages, "en");
const fr = createTranslate(frMessages, "fr");
const partnerships = [
  { id: "p1", name: "Northwind × Southpeak" },
  { id: "p2", name: "Harbour alliance" },
];

describe("buildCommands", () => {
  it("offers each section of the current partnership at its own address", () => {
    const commands = buildCommands(en, { partnershipId: "p1", permission: "viewer" }, partnerships);
    const dashboard = commands.find((c) => c.label === "Go to Dashboard");
    expect(dashboard?.path).toBe("/p/p1/dashboard");
    expect(commands.find((c) => c.label === "Go to Charter")?.path).toBe("/p/p1/charter");
  });

  it("offers the other partnerships, home, notifications and settings", () => {
    const commands = buildCommands(en, { partnershipId: "p1", permission: "viewer" }, partnerships);
    const labels = commands.map((c) => c.label);
    expect(labels).toContain("Go to Harbour alliance");
    expect(labels).not.toContain("Go to Northwind × Southpeak");
    expect(labels).toContain("Go to all partnerships");
    expect(commands.find((c) => c.id === "notifications")?.effect).toBe("open-notifications");
    expect(commands.find((c) => c.id === "settings")?.path).toBe("/settings/notifications");
  });

  it("offers the new-item actions to editors and admins only", () => {
    const actions = (permission: "viewer" | "editor" | "admin") =>
      buildCommands(en, { partnershipId: "p1", permission }, partnerships)
        .filter((c) => c.group === "actions")
        .map((c) => c.label);
    expect(actions("viewer")).toEqual([]);
    expect(actions("editor")).toEqual([
      "New objective",
      "New issue",
      "New decision",
      "New meeting",
      "New post",
    ]);
    expect(actions("admin")).toContain("New decision");
    const decision = buildCommands(en, { partnershipId: "a/b", permission: "editor" }, []).find(
      (c) => c.id === "new:decisions",
    );
    expect(decision?.path).toBe("/p/a%2Fb/decisions?new=1");
  });

  it("offers no section nor action outside a partnership", () => {
    const commands = buildCommands(en, null, partnerships);
    expect(commands.some((c) => c.id.startsWith("section:"))).toBe(false);
    expect(commands.some((c) => c.group === "actions")).toBe(false);
    expect(commands.map((c) => c.label)).toContain("Go to Northwind × Southpeak");
  });

  it("speaks the user's language", () => {
    const commands = buildCommands(fr, { partnershipId: "p1", permission: "editor" }, []);
    expect(commands.map((c) => c.label)).toContain("Nouvelle décision");
    expect(commands.map((c) => c.label)).toContain("Aller à : Tableau de bord");
  });
});

describe("filterCommands", () => {
  const commands = buildCommands(en, { partnershipId: "p1", permission: "editor" }, partnerships);

  it("keeps everything for an empty query", () => {
    expect(filterCommands(commands, "  ")).toHaveLength(commands.length);
  });

  it("keeps the commands holding every word, in any order and any case", () => {
    expect(filterCommands(commands, "dashboard go").map((c) => c.label)).toEqual([
      "Go to Dashboard",
    ]);
    expect(filterCommands(commands, "NEW dec").map((c) => c.label)).toEqual(["New decision"]);
    expect(filterCommands(commands, "nothing like this")).toEqual([]);
  });

  it("ignores accents both ways", () => {
    const french = buildCommands(fr, { partnershipId: "p1", permission: "editor" }, []);
    expect(filterCommands(french, "nouvelle decision").map((c) => c.label)).toEqual([
      "Nouvelle décision",
    ]);
    expect(filterCommands(french, "réunion").map((c) => c.label)).toEqual([
      "Aller à : Réunions",
      "Nouvelle réunion",
    ]);
  });
});
