import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** A random url-safe id (120 bits), valid in document names. */
export function newId(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(15));
}

/** A random secret token (160 bits) for sessions and invitations. */
export function newToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}
