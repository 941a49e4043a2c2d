import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exchange } from "./test/peers.js";
import { replaceText } from "./writing.js";

function text(initial: string): [Y.Doc, Y.Text] {
  const doc = new Y.Doc();
  const value = doc.getText("t");
  value.insert(0, initial);
  return [doc, value];
}

describe("replaceText", () => {
  it.each([
    ["", "abc"],
    ["abc", ""],
    ["abc", "abc"],
    ["hello world", "hello brave world"],
    ["hello brave world", "hello world"],
    ["aaaa", "aa"],
    ["abcabc", "abc"],
    ["café", "cafe"],
    ["a😀b", "a😁b"],
    ["😀", "😀😀"],
    ["x😀", "😀"],
  ])("turns %j into %j", (from, to) => {
    const [, value] = text(from);
    replaceText(value, to);
    expect(value.toJSON()).toBe(to);
  });

  it("only touches the changed span, so a concurrent edit elsewhere survives", () => {
    const [a, textA] = text("The depot opens in May.");
    const b = new Y.Doc();
    exchange(a, b);
    replaceText(textA, "The shared depot opens in May.");
    replaceText(b.getText("t"), "The depot opens in June.");
    exchange(a, b);
    expect(textA.toJSON()).toBe("The shared depot opens in June.");
    expect(b.getText("t").toJSON()).toBe("The shared depot opens in June.");
  });
});
