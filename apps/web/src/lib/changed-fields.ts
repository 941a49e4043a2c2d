function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const sortedA = [...(a as unknown[])].map(String).sort();
    const sortedB = [...(b as unknown[])].map(String).sort();
    return sortedA.length === sortedB.length && sortedA.every((v, i) => v === sortedB[i]);
  }
  return a === b;
}

/**
 * The fields of an edit form the user actually changed, as a patch. Sending only those
 * keeps a partner's concurrent edit of another field: a form opened before it still holds
 * the old value. Lists compare as sets.
 */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!same(before[key], after[key])) patch[key] = after[key];
  }
  return patch;
}
