import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addDecision } from "./decisions.js";
import {
  META_ROOT,
  readSchemaVersion,
  SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  stampSchemaVersion,
} from "./schema-version.js";
import { ana, throughBinary } from "./test/peers.js";
import type { SchemaWriteError } from "./writing.js";

function withVersion(version: unknown): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap<unknown>(META_ROOT).set(SCHEMA_VERSION_KEY, version);
  return doc;
}

describe("schema version", () => {
  it("reads absent, current, older, newer and malformed versions", () => {
    expect(readSchemaVersion(new Y.Doc())).toEqual({ status: "absent" });
    expect(readSchemaVersion(withVersion(SCHEMA_VERSION))).toEqual({
      status: "current",
      version: SCHEMA_VERSION,
    });
    expect(readSchemaVersion(withVersion(SCHEMA_VERSION + 1))).toEqual({
      status: "newer",
      version: SCHEMA_VERSION + 1,
    });
    expect(readSchemaVersion(withVersion(0))).toEqual({ status: "malformed", raw: 0 });
    expect(readSchemaVersion(withVersion("1"))).toEqual({ status: "malformed", raw: "1" });
    const wrongRoot = new Y.Doc();
    wrongRoot.getArray(META_ROOT);
    expect(readSchemaVersion(wrongRoot)).toEqual({ status: "malformed", raw: null });
  });

  it("classifies a lower version as older", () => {
    // Only version 1 exists so far; the comparison itself is what is tested.
    const state = readSchemaVersion(withVersion(1));
    expect(state.status).toBe(SCHEMA_VERSION > 1 ? "older" : "current");
  });

  it("reading writes nothing", () => {
    const doc = new Y.Doc();
    readSchemaVersion(doc);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
  });

  it("stamps the version once, and it survives the binary round trip", () => {
    const doc = new Y.Doc();
    stampSchemaVersion(doc);
    stampSchemaVersion(doc);
    expect(readSchemaVersion(throughBinary(doc))).toEqual({
      status: "current",
      version: SCHEMA_VERSION,
    });
  });

  it("refuses to write into a document of a newer schema", () => {
    const doc = withVersion(SCHEMA_VERSION + 1);
    expect(() => addDecision(doc, { title: "D", governanceLevel: "strategic" }, ana)).toThrow(
      expect.objectContaining({ code: "newer_schema" }) as SchemaWriteError,
    );
  });
});
