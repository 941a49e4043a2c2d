import { describe, expect, it } from "vitest";
import { formatPlurals } from "./plural";

const notes = "{count, plural, =0 {no hidden note} one {# hidden note} other {# hidden notes}}";

describe("ICU plurals", () => {
  it("pick the exact case, then the language's rule, and write # the language's way", () => {
    expect(formatPlurals(notes, "en", { count: 0 })).toBe("no hidden note");
    expect(formatPlurals(notes, "en", { count: 1 })).toBe("1 hidden note");
    expect(formatPlurals(notes, "en", { count: 2 })).toBe("2 hidden notes");
    expect(formatPlurals(notes, "en", { count: 12000 })).toBe("12,000 hidden notes");
  });

  it("follow French rules: 0 and 1 are singular, and the digits group with a space", () => {
    const fr = "{count, plural, one {# note cachée} other {# notes cachées}}";
    expect(formatPlurals(fr, "fr", { count: 0 })).toBe("0 note cachée");
    expect(formatPlurals(fr, "fr", { count: 1 })).toBe("1 note cachée");
    expect(formatPlurals(fr, "fr", { count: 1500 })).toBe("1\u202f500 notes cachées");
  });

  it("leave the text around and other placeholders alone", () => {
    const message = "{shown, plural, one {# entry} other {# entries}} of {total} shown.";
    expect(formatPlurals(message, "en", { shown: 3, total: 9 })).toBe(
      "3 entries of {total} shown.",
    );
  });
});
