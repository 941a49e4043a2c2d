import { describe, expect, it } from "vitest";
import { LiveDocumentStore, NOT_OPEN } from "./live-document-store";

describe("LiveDocumentStore", () => {
  it("reads a document not open yet as connecting, and tells listeners about changes", () => {
    const store = new LiveDocumentStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    expect(store.get("p/objectives")).toBe(NOT_OPEN);

    const version = store.getVersion();
    const session = { document: null, status: "synced" as const, deniedReason: null };
    store.set("p/objectives", session);
    expect(store.get("p/objectives")).toBe(session);
    expect(store.getVersion()).toBeGreaterThan(version);
    expect(calls).toBe(1);

    store.delete("p/objectives");
    store.delete("p/objectives");
    expect(store.get("p/objectives")).toBe(NOT_OPEN);
    expect(calls).toBe(2);

    unsubscribe();
    store.set("p/issues", session);
    expect(calls).toBe(2);
  });
});
