import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { fr } from "./messages/fr";
import {
  createTranslate,
  languageFromNavigator,
  loadCatalogue,
  loadedCatalogue,
} from "./translate";

/** `{name}` placeholders and the arguments of `{name, plural, …}` blocks, once each. */
const placeholders = (message: string) =>
  [...new Set([...message.matchAll(/\{(\w+)(?=\}|,\s*plural,)/g)].map((m) => m[1]))].sort();

describe("message catalogues", () => {
  it("fr and en have the same keys", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it("no message is empty", () => {
    for (const catalogue of [en, fr]) {
      for (const [key, message] of Object.entries(catalogue)) {
        expect(message.trim(), key).not.toBe("");
      }
    }
  });

  it("fr uses the same placeholders as en", () => {
    for (const [key, message] of Object.entries(en)) {
      expect(placeholders(fr[key as keyof typeof en]), key).toEqual(placeholders(message));
    }
  });
});

describe("translate", () => {
  it("writes plurals the language's way", () => {
    const tEn = createTranslate(en, "en");
    const tFr = createTranslate(fr, "fr");
    expect(tEn("workshop.vote.count", { count: 1 })).toBe("1 dot");
    expect(tEn("workshop.vote.count", { count: 4 })).toBe("4 dots");
    expect(tFr("workshop.vote.count", { count: 0 })).toBe("0 gommette");
    expect(tFr("endorsement.progress", { count: 1, total: 2 })).toBe(
      "1 organisation sur 2 a approuvé la version actuelle.",
    );
    expect(tFr("endorsement.progress", { count: 2, total: 2 })).toBe(
      "2 organisations sur 2 ont approuvé la version actuelle.",
    );
  });

  it("French uses the typographic apostrophe only", () => {
    for (const [key, message] of Object.entries(fr)) expect(message, key).not.toContain("'");
  });

  it("no message writes a plural with (s)", () => {
    for (const catalogue of [en, fr]) {
      for (const [key, message] of Object.entries(catalogue)) {
        expect(message, key).not.toMatch(/\((?:e)?s\)/);
      }
    }
  });

  it("fills placeholders", () => {
    expect(createTranslate(en, "en")("home.createdOn", { date: "1 May" })).toBe("Created on 1 May");
    expect(createTranslate(fr, "fr")("charter.title")).toBe("Charte");
  });

  it("loads each language's catalogue once, on demand", async () => {
    expect(loadedCatalogue("fr")).toBeUndefined();
    const first = loadCatalogue("fr");
    expect(loadCatalogue("fr")).toBe(first);
    expect(await first).toBe(fr);
    expect(loadedCatalogue("fr")).toBe(fr);
  });

  it("picks French for fr-* browsers only", () => {
    expect(languageFromNavigator(["fr-CA", "en"])).toBe("fr");
    expect(languageFromNavigator(["de-DE", "en-GB"])).toBe("en");
    expect(languageFromNavigator([])).toBe("en");
  });
});
