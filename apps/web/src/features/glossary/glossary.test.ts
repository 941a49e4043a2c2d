import { describe, expect, it } from "vitest";
import { en } from "../../i18n/messages/en";
import { fr } from "../../i18n/messages/fr";
import { GLOSSARY, GLOSSARY_TERMS, glossaryKeys } from "./glossary";

describe("glossary", () => {
  it("explains every term it lists, lens, governance levels, ratified and two-key", () => {
    expect(Object.keys(GLOSSARY).sort()).toEqual([...GLOSSARY_TERMS].sort());
    expect(GLOSSARY.governanceLevel.kinds.map((kind) => kind.name)).toEqual([
      "level.strategic",
      "level.tactical",
      "level.operational",
    ]);
    expect(GLOSSARY.lens.kinds.map((kind) => kind.name)).toEqual([
      "lens.ours",
      "lens.theirs",
      "lens.both",
    ]);
  });

  it("has its texts in English and in French, and they differ", () => {
    for (const key of glossaryKeys()) {
      expect(en[key].trim(), key).not.toBe("");
      expect(fr[key].trim(), key).not.toBe("");
    }
    for (const entry of Object.values(GLOSSARY)) {
      expect(fr[entry.meaning], entry.meaning).not.toBe(en[entry.meaning]);
    }
  });

  it("writes French with typographic apostrophes, spaced punctuation and no “(s)” plurals", () => {
    for (const key of [...glossaryKeys(), "glossary.explain" as const]) {
      const text = fr[key];
      expect(text, key).not.toContain("'");
      expect(text, key).not.toContain("(s)");
      expect(text, key).not.toMatch(/\S[:;?!]/);
    }
  });
});
