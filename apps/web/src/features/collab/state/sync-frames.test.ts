import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { isSyncStep2Frame, syncStep1Frame } from "./sync-frames";

/** A state vector of `clients` clients (each a document that wrote something). */
function stateVectorOf(clients: number): Uint8Array {
  const doc = new Y.Doc();
  for (let i = 0; i < clients; i += 1) {
    const other = new Y.Doc();
    other.getText("t").insert(0, "x");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  }
  return Y.encodeStateVector(doc);
}

describe("sync frames", () => {
  it("writes message sync, step 1, the vector's length as a varint, then the vector", () => {
    const short = stateVectorOf(1);
    expect(short.length).toBeLessThan(128);
    const frame = syncStep1Frame(short);
    expect([...frame.slice(0, 3)]).toEqual([0, 0, short.length]);
    expect(Y.decodeStateVector(frame.slice(3))).toEqual(Y.decodeStateVector(short));

    // Past 127 bytes the length takes two bytes, low seven bits first (lib0's varUint).
    const long = stateVectorOf(40);
    expect(long.length).toBeGreaterThan(127);
    const longFrame = syncStep1Frame(long);
    expect([...longFrame.slice(0, 4)]).toEqual([
      0,
      0,
      0x80 | (long.length & 0x7f),
      long.length >> 7,
    ]);
    expect(Y.decodeStateVector(longFrame.slice(4))).toEqual(Y.decodeStateVector(long));
  });

  it("recognizes a step 2 (message 0, sync type 1) and nothing else", () => {
    expect(isSyncStep2Frame(new Uint8Array([0, 1, 2, 0, 0]))).toBe(true);
    expect(isSyncStep2Frame(syncStep1Frame(stateVectorOf(1)))).toBe(false);
    expect(isSyncStep2Frame(new Uint8Array([0, 2, 1, 0]))).toBe(false); // an update
    expect(isSyncStep2Frame(new Uint8Array([1, 1]))).toBe(false); // awareness
    expect(isSyncStep2Frame(new Uint8Array([0]))).toBe(false);
  });
});
