import { describe, expect, it } from "vitest";
import { buildSnippet } from "./snippet.js";
import { foldText, foldedWords, frenchMinimalStem } from "./text-folding.js";

describe("text folding", () => {
  it("folds case, accents and ligatures", () => {
    expect(foldText("Échéance À L’ŒUVRE, naïve façade")).toBe("echeance a l’oeuvre, naive facade");
    expect(foldedWords("L’échéance (2027) — décidée!")).toEqual([
      "l",
      "echeance",
      "2027",
      "decidee",
    ]);
  });

  it("stems French plurals and feminines to one stem (Savoy's minimal stemmer)", () => {
    const stem = (word: string) => frenchMinimalStem(foldText(word));
    expect(stem("échéances")).toBe(stem("échéance"));
    expect(stem("décidées")).toBe(stem("décidé"));
    expect(stem("réunions")).toBe(stem("réunion"));
    expect(stem("nationaux")).toBe("national");
    // Short words are left alone.
    expect(stem("mois")).toBe("mois");
  });
});

describe("snippets", () => {
  it("marks the words that answer the query, accents and endings aside", () => {
    expect(buildSnippet("L’échéance des livraisons approche", ["echeance", "livraison"])).toBe(
      "L&#39;<mark>échéance</mark> des <mark>livraisons</mark> approche".replace("&#39;", "’"),
    );
  });

  it("escapes everything else", () => {
    expect(buildSnippet(`<b>budget</b> & "cost"`, ["budget"])).toBe(
      "&lt;b&gt;<mark>budget</mark>&lt;/b&gt; &amp; &quot;cost&quot;",
    );
  });

  it("cuts long text around the first match", () => {
    const text = `${"word ".repeat(100)}target ${"tail ".repeat(100)}`;
    const snippet = buildSnippet(text, ["target"]);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(snippet).toContain("<mark>target</mark>");
    expect(snippet.length).toBeLessThan(220);
  });

  it("starts at the beginning when nothing in the text answers", () => {
    expect(buildSnippet("Nothing to see", ["zebra"])).toBe("Nothing to see");
  });
});
