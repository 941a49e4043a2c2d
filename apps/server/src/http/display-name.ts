import { hasUnsafeNameCharacter } from "@entente/domain";
import { z } from "zod";

/**
 * The one schema of a name people read as someone's, an organization's or a partnership's:
 * trimmed, 1 to `max` characters, and free of control characters and bidirectional
 * overrides or isolates (which let a name print as another one).
 */
export function displayName(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((name) => !hasUnsafeNameCharacter(name), {
      message: "must not contain control characters or bidirectional formatting",
    });
}
