import { useState } from "react";
import { changedFields } from "../../../lib/changed-fields";
import { useWrite } from "./use-write";

/**
 * The edit state of one item of a live document: the values the form started from (only
 * the fields changed since are written), and the write that closes the form when it went
 * through.
 */
export function useItemEditor<V extends object>() {
  const [snapshot, setSnapshot] = useState<V | null>(null);
  const { run, error, clear } = useWrite();
  return {
    snapshot,
    run,
    error,
    edit: (initial: V) => {
      clear();
      setSnapshot(initial);
    },
    cancel: () => setSnapshot(null),
    /** Writes what changed since the form opened; closes the form if it went through. */
    save: (values: V, write: (patch: Partial<V>) => unknown) => {
      if (snapshot && run(() => write(changedFields(snapshot, values)))) setSnapshot(null);
    },
  };
}

/** The "add" state of a list or section: whether its form is open, and its write. */
export function useCreateForm() {
  const [creating, setCreating] = useState(false);
  const { run, error, clear } = useWrite();
  return {
    creating,
    error,
    open: () => {
      clear();
      setCreating(true);
    },
    close: () => setCreating(false),
    /** Runs the write; closes the form if it went through. */
    save: (write: () => unknown) => {
      if (run(write)) setCreating(false);
    },
  };
}
