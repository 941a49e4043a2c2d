import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** The key is 32 random bytes, given base64-encoded (`openssl rand -base64 32`). */
export function parseSecretKey(base64: string): Buffer | null {
  const key = Buffer.from(base64, "base64");
  return key.length === KEY_BYTES && key.toString("base64") === base64.trim() ? key : null;
}

/**
 * AES-256-GCM for secrets kept in the database. `context` (e.g. the organization id) is
 * bound as additional data: a ciphertext copied to another row does not decrypt there.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error("The secret key must be 32 bytes");
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv, ciphertext, tag].map((part) => part.toString("base64url")).join(".");
  }

  /** Throws when the sealed text was altered, sealed under another key or another context. */
  open(sealed: string, context: string): string {
    const [version, iv, ciphertext, tag] = sealed.split(".");
    if (version !== VERSION || !iv || ciphertext === undefined || !tag) {
      throw new Error("Not a sealed secret");
    }
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  }
}
