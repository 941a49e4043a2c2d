import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";

/**
 * Reads each document with `read` now and again after every change (each transaction that
 * changed something, local or remote). `read` must be a stable function (module level);
 * a missing document reads as `null`.
 */
export function useDocumentValues<T>(
  docs: readonly (Y.Doc | null)[],
  read: (doc: Y.Doc) => T,
): (T | null)[] {
  const [values, setValues] = useState<ReadonlyMap<Y.Doc, T>>(() => new Map());
  const key = docs.map((doc) => doc?.guid ?? "").join(",");

  useEffect(() => {
    const live = docs.filter((doc): doc is Y.Doc => doc !== null);
    const cleanups = live.map((doc) => {
      const update = () =>
        setValues((previous) => {
          const next = new Map<Y.Doc, T>();
          // Keep only the documents still read; a destroyed one must not linger.
          for (const d of live) {
            const value = previous.get(d);
            if (value !== undefined) next.set(d, value);
          }
          next.set(doc, read(doc));
          return next;
        });
      update();
      doc.on("update", update);
      return () => doc.off("update", update);
    });
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
    // `key` names the documents; `read` is module-level by contract.
  }, [key]);

  return useMemo(() => docs.map((doc) => (doc ? (values.get(doc) ?? null) : null)), [values, key]);
}
