import { SchemaWriteError } from "@entente/schema";
import { useCallback, useState } from "react";
import { useT, type Translate } from "../../../i18n";

/** The user-facing sentence for a refused write, by its stable code. */
export function writeErrorMessage(t: Translate, error: unknown): string {
  if (error instanceof SchemaWriteError) {
    switch (error.code) {
      case "invalid_input":
        return t("write.invalid_input");
      case "not_found":
        return t("write.not_found");
      case "newer_schema":
        return t("write.newer_schema");
    }
  }
  return t("errors.generic");
}

/**
 * Runs a write into a live document for a form: `run` returns whether it went through and
 * keeps the reason when it did not. A writer returning `false` means the item was deleted
 * meanwhile (by the partner, typically).
 */
export function useWrite() {
  const t = useT();
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    (write: () => unknown): boolean => {
      try {
        if (write() === false) {
          setError(t("write.not_found"));
          return false;
        }
        setError(null);
        return true;
      } catch (caught) {
        setError(writeErrorMessage(t, caught));
        return false;
      }
    },
    [t],
  );

  const clear = useCallback(() => setError(null), []);
  return { run, error, clear };
}
