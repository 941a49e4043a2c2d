import { describe, expect, it } from "vitest";
import { parseSecretKey, SecretBox } from "./secret-box.js";

const box = new SecretBox(Buffer.alloc(32, 3));

describe("SecretBox", () => {
  it("opens what it sealed, in its context only", () => {
    const sealed = box.seal("client-secret-value", "org-1");
    expect(sealed).not.toContain("client-secret-value");
    expect(box.open(sealed, "org-1")).toBe("client-secret-value");
    expect(() => box.open(sealed, "org-2")).toThrow();
  });

  it("seals the same secret differently each time (a fresh IV)", () => {
    expect(box.seal("same", "org")).not.toBe(box.seal("same", "org"));
  });

  it("refuses an altered ciphertext and another key", () => {
    const sealed = box.seal("secret", "org");
    const [version, iv, ciphertext = "", tag] = sealed.split(".");
    const flipped = Buffer.from(ciphertext, "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      box.open([version, iv, flipped.toString("base64url"), tag].join("."), "org"),
    ).toThrow();
    expect(() => new SecretBox(Buffer.alloc(32, 4)).open(sealed, "org")).toThrow();
  });

  it("parses only 32-byte base64 keys", () => {
    expect(parseSecretKey(Buffer.alloc(32, 9).toString("base64"))).toHaveLength(32);
    expect(parseSecretKey(Buffer.alloc(31, 9).toString("base64"))).toBeNull();
    expect(parseSecretKey("%%%")).toBeNull();
  });
});
