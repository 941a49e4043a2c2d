import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLogger, REDACTED, type LogLevel } from "./logger.js";

/** A logger whose JSON lines are kept, raw and parsed. */
function capture(level: LogLevel = "info") {
  const raw: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => raw.push(line) } });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line)) };
}

describe("createLogger", () => {
  it("writes one JSON object per line with a level name and an ISO time", () => {
    const { logger, raw, lines } = capture();

    logger.info({ documentName: "p1/charter" }, "room loaded");

    expect(raw).toHaveLength(1);
    expect(raw[0]?.endsWith("\n")).toBe(true);
    const [line] = lines();
    expect(line).toMatchObject({ level: "info", msg: "room loaded", documentName: "p1/charter" });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("logs nothing below its level", () => {
    const { logger, raw } = capture("warn");

    logger.info("not written");
    logger.warn("written");

    expect(raw).toHaveLength(1);
  });

  it("redacts cookie, set-cookie and authorization headers", () => {
    const { logger, raw, lines } = capture();

    logger.info(
      {
        headers: { cookie: "entente_session=cookie-secret", "user-agent": "vitest" },
        res: { headers: { "set-cookie": "entente_session=set-cookie-secret; HttpOnly" } },
        req: { headers: { authorization: "Bearer auth-secret", Cookie: "a=fetch-secret" } },
      },
      "headers",
    );

    const [line] = lines();
    expect(line.headers).toEqual({ cookie: REDACTED, "user-agent": "vitest" });
    expect(line.res.headers["set-cookie"]).toBe(REDACTED);
    expect(line.req.headers).toEqual({ authorization: REDACTED, Cookie: REDACTED });
    expect(raw.join("")).not.toMatch(/cookie-secret|set-cookie-secret|auth-secret|fetch-secret/);
  });

  it("redacts password fields and password hashes", () => {
    const { logger, raw, lines } = capture();

    logger.info({ password: "hunter2" }, "top level");
    logger.warn({ user: { email: "ada@example.test", password_hash: "$argon2id$hash" } }, "row");
    logger.info({ attempt: { body: { newPassword: "n3w" }, currentPassword: "0ld" } }, "deep");

    const [top, row, deep] = lines();
    expect(top.password).toBe(REDACTED);
    expect(row.user).toEqual({ email: "ada@example.test", password_hash: REDACTED });
    expect(deep.attempt.currentPassword).toBe(REDACTED);
    expect(raw.join("")).not.toMatch(/hunter2|argon2id|n3w|0ld/);
  });

  it("redacts session, invitation and other tokens", () => {
    const { logger, raw, lines } = capture();

    logger.info({ token: "tok-top" }, "session created");
    logger.info({ invitation: { token: "tok-invite", role: "editor" } }, "invited");
    logger.info({ sessionToken: "tok-session", invitationToken: "tok-inv2" }, "both");
    logger.child({ token: "tok-child" }).info("child");

    const [top, invited, both, child] = lines();
    expect(top.token).toBe(REDACTED);
    expect(invited.invitation).toEqual({ token: REDACTED, role: "editor" });
    expect(both).toMatchObject({ sessionToken: REDACTED, invitationToken: REDACTED });
    expect(child.token).toBe(REDACTED);
    expect(raw.join("")).not.toContain("tok-");
  });

  it("keeps document content out: binary updates, Yjs values and content keys", () => {
    const { logger, raw, lines } = capture();
    const doc = new Y.Doc();
    doc.getText("charter").insert(0, "CONFIDENTIAL clause");
    const change = Y.encodeStateAsUpdate(doc);

    logger.info({ documentName: "p1/charter", change, nested: { list: [change] } }, "update");
    logger.info({ room: { doc, text: doc.getText("charter") } }, "room");
    logger.info({ content: "CONFIDENTIAL clause", update: "CONFIDENTIAL clause" }, "keys");
    logger.info({ state: Buffer.from("CONFIDENTIAL clause") }, "buffer");

    const [update, room, keys, buffer] = lines();
    expect(update.change).toBe(`[binary ${change.byteLength} bytes]`);
    expect(update.nested.list).toEqual([`[binary ${change.byteLength} bytes]`]);
    expect(room.room).toEqual({ doc: "[Y.Doc]", text: "[Yjs type]" });
    expect(keys).toMatchObject({ content: REDACTED, update: REDACTED });
    expect(buffer.state).toBe("[binary 19 bytes]");
    expect(raw.join("")).not.toContain("CONFIDENTIAL");
    doc.destroy();
  });

  it("redacts secret keys at any depth and in any spelling", () => {
    const { logger, raw, lines } = capture();

    logger.info({ a: { b: { c: { d: { Password: "deep-1", "Set-Cookie": "deep-2" } } } } }, "deep");
    logger.info({ list: [{ session_token: "deep-3" }, { headers: [["x", "y"]] }] }, "list");

    const [deep, list] = lines();
    expect(deep.a.b.c.d).toEqual({ Password: REDACTED, "Set-Cookie": REDACTED });
    expect(list.list[0]).toEqual({ session_token: REDACTED });
    expect(raw.join("")).not.toContain("deep-");
  });

  it("never throws, whatever it is given", () => {
    const { logger, raw } = capture();
    class Holder {
      bytes = Buffer.from("x");
      inner = { bytes: Buffer.from("y") };
    }
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;

    expect(() => logger.info({ holder: new Holder(), cyclic }, "odd values")).not.toThrow();
    expect(() => logger.child({ holder: new Holder() }).info("odd binding")).not.toThrow();
    expect(raw).toHaveLength(2);
  });

  it("replaces a Yjs document under any key", () => {
    const { logger, lines } = capture();
    const doc = new Y.Doc();

    logger.info({ ydoc: doc }, "doc");

    expect(lines()[0].ydoc).toBe("[Y.Doc]");
    doc.destroy();
  });

  it("serializes errors with their message and stack", () => {
    const { logger, lines } = capture();

    logger.error({ err: new Error("storage gave up") }, "room failed");

    const [line] = lines();
    expect(line.level).toBe("error");
    expect(line.err).toMatchObject({ type: "Error", message: "storage gave up" });
    expect(line.err.stack).toContain("storage gave up");
  });
});
