import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { isSignInMessage, isSignInPath } from "./sign-in-messages";
import { createTranslate } from "./translate";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** What the sign-in and sign-up pages render, and only that. */
const SIGN_IN_SOURCES = [
  "sign-in-entry.tsx",
  "ui/skip-link.tsx",
  "features/auth/components",
  "features/sso/components/sso-sign-in.tsx",
  "i18n/language-switcher.tsx",
  "features/shell/components/not-found-page.tsx",
  "ui/form.tsx",
  "ui/error-message.ts",
];

function sourcesUnder(entry: string): string[] {
  const full = path.join(src, entry);
  if (!fs.statSync(full).isDirectory()) return [full];
  return fs
    .readdirSync(full)
    .filter((name) => /\.tsx?$/.test(name) && !name.includes(".test."))
    .map((name) => path.join(full, name));
}

describe("the sign-in part of the messages", () => {
  it("holds every message the sign-in pages name", () => {
    const keys = new Set<string>();
    for (const file of SIGN_IN_SOURCES.flatMap(sourcesUnder)) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) keys.add(match[1] ?? "");
    }
    expect(keys.size).toBeGreaterThan(10);
    const outside = [...keys].filter((key) => !isSignInMessage(key));
    expect(outside).toEqual([]);
    for (const key of keys) expect(en).toHaveProperty([key]);
  });

  it("is a small part of the catalogue", () => {
    const keys = Object.keys(en);
    const part = keys.filter(isSignInMessage);
    expect(part.length).toBeGreaterThan(0);
    expect(part.length).toBeLessThan(keys.length / 5);
  });

  it("is what the sign-in and sign-up pages start with, and only they", () => {
    expect(isSignInPath("/login")).toBe(true);
    expect(isSignInPath("/signup/")).toBe(true);
    expect(isSignInPath("/")).toBe(false);
    expect(isSignInPath("/p/abc")).toBe(false);
    expect(isSignInPath("/login/elsewhere")).toBe(false);
  });

  it("asks for the whole catalogue at a message it does not hold, and reads empty meanwhile", () => {
    const missing: string[] = [];
    const t = createTranslate({ "auth.email": "Email" }, "en", (key) => missing.push(key));
    expect(t("auth.email")).toBe("Email");
    expect(t("header.logout")).toBe("");
    expect(missing).toEqual(["header.logout"]);
  });
});
