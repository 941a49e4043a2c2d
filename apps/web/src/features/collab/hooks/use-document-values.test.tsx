// @vitest-environment happy-dom
import { act, cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useDocumentValues } from "./use-document-values";

// Testing Library unmounts after each test only where the test runner has globals.
afterEach(cleanup);

const readTitles = (doc: Y.Doc) => doc.getArray<string>("titles").toArray();

describe("useDocumentValues", () => {
  it("reads each document now and again after every local or remote change", () => {
    const charter = new Y.Doc();
    const issues = new Y.Doc();
    charter.getArray<string>("titles").push(["Purpose"]);
    const { result } = renderHook(() => useDocumentValues([charter, issues, null], readTitles));
    expect(result.current).toEqual([["Purpose"], [], null]);

    act(() => issues.getArray<string>("titles").push(["Late deliveries"]));
    expect(result.current[1]).toEqual(["Late deliveries"]);

    // A partner's change arrives as an update from another replica.
    const partner = new Y.Doc();
    Y.applyUpdate(partner, Y.encodeStateAsUpdate(charter));
    partner.getArray<string>("titles").push(["Scope"]);
    act(() => Y.applyUpdate(charter, Y.encodeStateAsUpdate(partner, Y.encodeStateVector(charter))));
    expect(result.current[0]).toEqual(["Purpose", "Scope"]);
  });

  it("stops listening to a document no longer asked for, and reads a new one", () => {
    const first = new Y.Doc();
    const second = new Y.Doc();
    second.getArray<string>("titles").push(["Second"]);
    const { result, rerender } = renderHook(({ docs }) => useDocumentValues(docs, readTitles), {
      initialProps: { docs: [first] as (Y.Doc | null)[] },
    });
    rerender({ docs: [second] });
    expect(result.current).toEqual([["Second"]]);
    const renders = result.current;
    act(() => first.getArray<string>("titles").push(["ignored"]));
    expect(result.current).toBe(renders);
  });
});
