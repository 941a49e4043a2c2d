import * as Y from "yjs";
import type { Author } from "../writing.js";

/** Two members of different organizations, as the writers' `by`. */
export const ana: Author = { userId: "ana", organizationId: "northwind" };
export const ben: Author = { userId: "ben", organizationId: "southpeak" };

/** A copy of `doc` made only from its binary state, as a fresh client would receive it. */
export function throughBinary(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Two peers that start from the same state (`setup` runs on the first one). */
export function twoPeers(setup: (doc: Y.Doc) => void = () => {}): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  setup(a);
  return [a, throughBinary(a)];
}

/** Sends each peer what it misses from the others, as a sync round does. */
export function exchange(...docs: Y.Doc[]): void {
  const updates = docs.map((doc) => Y.encodeStateAsUpdate(doc));
  for (const doc of docs) for (const update of updates) Y.applyUpdate(doc, update);
}

/** The value of an `ok` read result, failing the test otherwise. */
export function okValue<T>(
  result: { ok: true; value: T } | { ok: false; problem: string } | undefined,
): T {
  if (!result) throw new Error("no such entry");
  if (!result.ok) throw new Error(`expected a well-formed entry, got: ${result.problem}`);
  return result.value;
}
