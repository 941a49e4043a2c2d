/** The part of Web Crypto this package needs; present in browsers and in Node ≥ 19. */
interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
const ITEM_ID_PATTERN = /^[a-z2-7]{24}$/;
const REF_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A new id for an item of a document (objective, action, KPI, issue…): 120 random bits in
 * lower-case base32, the same look as the server's ids. Ids are made on the client that
 * creates the item, so two browsers creating items at once can never pick the same key.
 * `getRandomValues` rather than `randomUUID`: the latter is missing outside secure contexts.
 */
export function newItemId(): string {
  const { crypto } = globalThis as unknown as { crypto: RandomSource };
  const bytes = crypto.getRandomValues(new Uint8Array(15));
  let id = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      id += BASE32[(buffer >> bits) & 31];
    }
  }
  return id;
}

/** Whether a string has the shape {@link newItemId} produces. */
export function isItemId(value: unknown): value is string {
  return typeof value === "string" && ITEM_ID_PATTERN.test(value);
}

/**
 * Whether a string may be used as a reference to a user, an organization or an item:
 * the url-safe alphabet of document names, 1–64 characters.
 */
export function isRefId(value: unknown): value is string {
  return typeof value === "string" && REF_ID_PATTERN.test(value);
}
