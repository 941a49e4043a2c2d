import { describe, expect, it } from "vitest";
import { parseSnippet } from "./snippet";

describe("parseSnippet", () => {
  it("marks the runs inside <mark> and nothing else", () => {
    expect(parseSnippet("the <mark>échéance</mark> of <mark>Q3</mark>.")).toEqual([
      { text: "the ", marked: false },
      { text: "échéance", marked: true },
      { text: " of ", marked: false },
      { text: "Q3", marked: true },
      { text: ".", marked: false },
    ]);
  });

  it("decodes the server's escapes into plain text, never into markup", () => {
    const runs = parseSnippet("&lt;img src=x onerror=alert(1)&gt; &amp; <mark>R&amp;D</mark>");
    expect(runs).toEqual([
      { text: "<img src=x onerror=alert(1)> & ", marked: false },
      { text: "R&D", marked: true },
    ]);
  });

  it("decodes once: an escaped escape stays visible as written", () => {
    expect(parseSnippet("&amp;lt;b&amp;gt;")).toEqual([{ text: "&lt;b&gt;", marked: false }]);
  });

  it("shows an escaped marker as text", () => {
    expect(parseSnippet("&lt;mark&gt;x&lt;/mark&gt;")).toEqual([
      { text: "<mark>x</mark>", marked: false },
    ]);
  });

  it("reads an empty snippet as no runs", () => {
    expect(parseSnippet("")).toEqual([]);
  });
});
