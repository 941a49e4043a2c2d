import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { fr } from "./messages/fr";
import {
  createTranslate,
  languageFromNavigator,
  loadCatalogue,
  loadedCatalogue,
} from "./translate";

const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
  it("fills placeholders", () => {
    expect(createTranslate(en)("home.createdOn", { date: "1 May" })).toBe("Created on 1 May");
    expect(createTranslate(fr)("charter.title")).toBe("Charte");
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
