import { describe, expect, it } from "vitest";
import { linkedThreadId, threadSection, withoutThreadParam } from "./thread-link";

describe("a thread named in the URL", () => {
  it("is read from ?thread=, with or without the lens", () => {
    expect(linkedThreadId("?thread=t1")).toBe("t1");
    expect(linkedThreadId("?lens=ours&thread=t%2F1")).toBe("t/1");
    expect(linkedThreadId("?lens=ours")).toBeNull();
    expect(linkedThreadId("?thread=")).toBeNull();
  });

  it("is dropped from the URL without losing the lens", () => {
    expect(withoutThreadParam("?thread=t1")).toBe("");
    expect(withoutThreadParam("?lens=theirs&thread=t1")).toBe("?lens=theirs");
    expect(withoutThreadParam("?thread=t1&lens=ours")).toBe("?lens=ours");
  });

  it("is shown in the section that lists its subject", () => {
    const anchor = { start: "a", end: "b", quote: "q" };
    expect(threadSection({ kind: "charter", anchor })).toBe("charter");
    expect(threadSection({ kind: "objective", id: "o" })).toBe("objectives");
    expect(threadSection({ kind: "action", id: "a" })).toBe("objectives");
    expect(threadSection({ kind: "kpi", id: "k" })).toBe("objectives");
    expect(threadSection({ kind: "issue", id: "i" })).toBe("issues");
    expect(threadSection({ kind: "decision", id: "d" })).toBe("decisions");
    expect(threadSection({ kind: "contribution", id: "c" })).toBe("organizations");
    expect(threadSection({ kind: "constraint", id: "c" })).toBe("organizations");
  });
});
