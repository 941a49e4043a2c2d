import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger.js";
import { emailOf, useMailingServer } from "../test/mail-fixture.js";
import { OutboxMailer } from "./mailer.js";
import { notificationMessage } from "./notification-mail.js";

const doc = (...nodes: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content: nodes }],
});
const mentionOf = (user: { id: string }) => ({
  type: "mention",
  attrs: { id: user.id, kind: "user", label: "" },
});

describe("notification e-mails over SMTP", () => {
  const ctx = useMailingServer();
  it("e-mails the kinds each person wants, in their language, and nothing else", async () => {
    // The viewer wants no mention e-mails; Sam reads French.
    const prefs = "/api/me/notification-preferences";
    await ctx.live.api("PUT", prefs, { email: { mention: false } }, ctx.cast.northViewer.cookie);
    await ctx.live.api("PUT", prefs, { language: "fr" }, ctx.cast.south.cookie);

    const posted = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/posts`,
      {
        title: "Pilot started",
        body: doc(
          mentionOf(ctx.cast.south),
          { type: "text", text: " " },
          mentionOf(ctx.cast.northViewer),
        ),
        tag: "success",
      },
      ctx.cast.north.cookie,
    );
    expect(posted.status).toBe(201);
    const postId = posted.body.post.id as string;
    await ctx.live.api(
      "POST",
      `/api/posts/${postId}/replies`,
      { body: doc({ type: "text", text: "Bravo" }) },
      ctx.cast.south.cookie,
    );

    const [toSam, toNora] = await ctx.sink.waitFor(2);
    await ctx.live.server.services.notificationMail.idle();
    expect(ctx.sink.received).toHaveLength(2);
    expect(toSam).toMatchObject({
      from: "entente@entente.test",
      to: [await emailOf(ctx.live, ctx.cast.south)],
      subject: "[N × S] Nora North vous a mentionné dans « Pilot started »",
    });
    const link = `http://entente.test/p/${ctx.cast.partnershipId}/updates?post=${postId}`;
    expect(toSam!.text).toBe(
      `Nora North vous a mentionné dans « Pilot started »\n\nPour l’ouvrir : ${link}\n\n-- \n` +
        "Vous recevez cet e-mail selon vos préférences de notification dans Entente : http://entente.test/settings/notifications\n",
    );
    expect(toSam!.html).toContain(`<a href="${link}">`);
    expect(toNora).toMatchObject({
      to: [await emailOf(ctx.live, ctx.cast.north)],
      subject: "[N × S] Sam South replied to your post “Pilot started”",
    });
    expect(toNora!.text).toContain(`Open it: ${link}`);
  });
});

describe("the outbox, without SMTP", () => {
  it("writes each message as an .eml file and logs who it was for", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-outbox-"));
    const lines: string[] = [];
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        lines.push(chunk.toString("utf8"));
        done();
      },
    });
    try {
      const mailer = new OutboxMailer(
        path.join(dir, "outbox"),
        "Entente <entente@localhost>",
        createLogger({ level: "info", destination }),
      );
      await mailer.send({
        to: { name: "Ana", address: "ana@southpeak.example" },
        subject: "Weekly digest",
        text: "Hello",
      });
      mailer.close();
      const files = fs.readdirSync(path.join(dir, "outbox"));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = fs.readFileSync(path.join(dir, "outbox", files[0]!), "utf8");
      expect(eml).toContain("To: Ana <ana@southpeak.example>");
      expect(eml).toContain("Subject: Weekly digest");
      expect(eml).toContain("Hello");
      expect(JSON.parse(lines[0]!)).toMatchObject({
        to: "ana@southpeak.example",
        subject: "Weekly digest",
        msg: "e-mail written to the outbox",
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** An item notification as the service builds it, and who receives it. */
const base = {
  id: "n1",
  partnershipId: "p1",
  actor: { id: "u1", name: "Ana", organizationId: "o1" },
  createdAt: "2026-11-26T10:00:00.000Z",
  readAt: null,
};
const to = { userId: "u2", email: "ben@northwind.example", name: "Ben", language: "en" as const };

describe("governance notification e-mails", () => {
  it("says which decision waits, or that the charter changed, and links to where they are", () => {
    const waiting = notificationMessage("https://app.test", "N × S", to, {
      ...base,
      kind: "decision_waiting",
      item: { kind: "decision", id: "d1", title: "Extend the pilot" },
    });
    expect(waiting.subject).toBe(
      "[N × S] The decision “Extend the pilot” (proposed by Ana) waits for your organization's vote",
    );
    expect(waiting.text).toContain("Open it: https://app.test/p/p1/decisions\n");
    const changed = notificationMessage(
      "https://app.test",
      "N × S",
      { ...to, language: "fr" },
      {
        ...base,
        kind: "charter_changed",
        item: { kind: "charter", id: null, title: "Charter" },
      },
    );
    expect(changed.subject).toBe(
      "[N × S] La charte a changé depuis que votre organisation l’a approuvée (dernière modification : Ana)",
    );
    expect(changed.text).toContain("Pour l’ouvrir : https://app.test/p/p1\n");
  });

  it("links a comment to its thread, as the web app's bell does", () => {
    const comment = notificationMessage("https://app.test", "N × S", to, {
      ...base,
      kind: "mention",
      threadId: "t1",
      commentId: "c1",
    });
    expect(comment.subject).toBe("[N × S] Ana mentioned you in a comment");
    expect(comment.text).toContain("Open it: https://app.test/p/p1?thread=t1\n");
    expect(comment.html).toContain('href="https://app.test/p/p1?thread=t1"');
  });
});

describe("item notification e-mails", () => {
  it("says what changed or is late, and links to the objectives or the issues log", () => {
    const resolved = notificationMessage("https://app.test", "N × S", to, {
      ...base,
      kind: "item_status_changed",
      item: { kind: "issue", id: "i1", title: "Budget freeze", status: "resolved", dueDate: null },
    });
    expect(resolved.subject).toBe(
      "[N × S] Ana changed the status of the issue “Budget freeze” to Resolved",
    );
    expect(resolved.text).toContain("Open it: https://app.test/p/p1/issues\n");
    const late = {
      ...base,
      kind: "item_overdue" as const,
      item: {
        kind: "action" as const,
        id: "a1",
        title: "Sign the NDA",
        status: "todo" as const,
        dueDate: "2026-01-05",
      },
    };
    expect(notificationMessage("https://app.test", "N × S", to, late).subject).toBe(
      "[N × S] The action “Sign the NDA” is overdue (due 2026-01-05)",
    );
    expect(
      notificationMessage("https://app.test", "N × S", { ...to, language: "fr" }, late).subject,
    ).toBe("[N × S] L’action « Sign the NDA » est en retard (échéance 2026-01-05)");
  });
});
