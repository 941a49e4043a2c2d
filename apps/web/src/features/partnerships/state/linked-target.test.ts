import { describe, expect, it } from "vitest";
import { linkedTarget } from "./linked-target";

describe("linkedTarget", () => {
  it("reads each kind of link search results make", () => {
    expect(linkedTarget("?passage=12")).toEqual({ kind: "passage", index: 12 });
    expect(linkedTarget("?lens=ours&item=abc")).toEqual({ kind: "item", id: "abc" });
    expect(linkedTarget("?agendaItem=a1")).toEqual({ kind: "agenda-item", id: "a1" });
    expect(linkedTarget("?organization=o1&person=u1")).toEqual({ kind: "organization", id: "o1" });
  });

  it("prefers the item to its organization", () => {
    expect(linkedTarget("?organization=o1&item=c1")).toEqual({ kind: "item", id: "c1" });
  });

  it("ignores what is not a link", () => {
    expect(linkedTarget("")).toBeNull();
    expect(linkedTarget("?lens=both")).toBeNull();
    expect(linkedTarget("?passage=-1")).toBeNull();
    expect(linkedTarget("?passage=two")).toBeNull();
    expect(linkedTarget("?item=")).toBeNull();
  });
});
