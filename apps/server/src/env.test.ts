import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.js";

describe("loadEnv", () => {
  it("defaults to an SQLite file under ./data of the repository, whatever the working folder", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toMatch(/^sqlite:\//);
    expect(env.DATABASE_URL.endsWith(path.join("data", "entente.sqlite"))).toBe(true);
    expect(env.PUBLIC_ORIGIN).toBe("http://localhost:3000");
    expect(env.SEED_DEMO).toBe(false);
  });

  it("takes values from the environment", () => {
    const env = loadEnv({
      PORT: "8080",
      DATABASE_URL: "postgres://localhost/entente",
      PUBLIC_ORIGIN: "https://entente.example/",
      SEED_DEMO: "true",
    });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe("postgres://localhost/entente");
    expect(env.PUBLIC_ORIGIN).toBe("https://entente.example");
    expect(env.SEED_DEMO).toBe(true);
  });

  it("names every invalid variable instead of starting half-configured", () => {
    expect(() =>
      loadEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", PUBLIC_ORIGIN: "not a url" }),
    ).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*PUBLIC_ORIGIN|PORT[\s\S]*PUBLIC_ORIGIN[\s\S]*DATABASE_URL/,
    );
  });

  it("takes reply by e-mail only whole: domain and secret together, the listener with both", () => {
    const secret = "s".repeat(32);
    const env = loadEnv({
      INBOUND_DOMAIN: "reply.example.org",
      REPLY_TOKEN_SECRET: secret,
      INBOUND_SMTP_PORT: "2525",
    });
    expect(env).toMatchObject({
      INBOUND_DOMAIN: "reply.example.org",
      INBOUND_SMTP_PORT: 2525,
      INBOUND_SMTP_HOST: "127.0.0.1",
      INBOUND_MAX_BYTES: 1024 * 1024,
      REPLY_TOKEN_DAYS: 30,
    });
    expect(loadEnv({}).INBOUND_SMTP_PORT).toBeUndefined();
    expect(() => loadEnv({ INBOUND_DOMAIN: "reply.example.org" })).toThrow(/REPLY_TOKEN_SECRET/);
    expect(() => loadEnv({ INBOUND_SMTP_PORT: "2525" })).toThrow(/INBOUND_SMTP_PORT/);
    expect(() =>
      loadEnv({ INBOUND_DOMAIN: "reply.example.org", REPLY_TOKEN_SECRET: "short" }),
    ).toThrow(/REPLY_TOKEN_SECRET/);
  });

  it("takes a 32-byte base64 SSO_SECRET_KEY and refuses any other", () => {
    const key = Buffer.alloc(32, 1).toString("base64");
    expect(loadEnv({ SSO_SECRET_KEY: key }).SSO_SECRET_KEY).toBe(key);
    expect(loadEnv({}).SSO_SECRET_KEY).toBeUndefined();
    for (const bad of [Buffer.alloc(16, 1).toString("base64"), "not base64 at all!", ""]) {
      expect(() => loadEnv({ SSO_SECRET_KEY: bad })).toThrow(/SSO_SECRET_KEY: must be 32 bytes/);
    }
  });
});
