import { LANGUAGE_COOKIE, type Language } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import { DigestScheduler } from "../digest/digest-scheduler.js";
import { seedWeek } from "../test/seeded-week.js";
import { createLogger } from "../observability/logger.js";
import type { TestUser } from "../test/api-harness.js";
import { usePartnershipHarness } from "../test/partnership-harness.js";
import { emailInvitation } from "./invitation-mail.js";
import { mailLanguage } from "./mail-language.js";
import type { Mailer, MailMessage } from "./mailer.js";
import { notificationMessage } from "./notification-mail.js";

/** Keeps what would have been sent. */
class CapturingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }
  close(): void {}
}

describe("mailLanguage", () => {
  it("takes the member's choice, else the app's language, else English", () => {
    expect(mailLanguage("en", "fr")).toBe("en");
    expect(mailLanguage(null, "fr")).toBe("fr");
    expect(mailLanguage("fr", null)).toBe("fr");
    expect(mailLanguage(null, null)).toBe("en");
  });
});

/** E-mails follow the app's language unless the member chose theirs (SQLite and PostgreSQL). */
describe("the language of a member's e-mails", () => {
  const ctx = usePartnershipHarness();
  const logger = createLogger({ level: "silent" });

  /** A request of the web app showing `language` (its cookie beside the session's). */
  const useAppIn = (user: TestUser, language: string) =>
    ctx.harness.request("GET", "/api/me", {
      cookie: `${user.cookie}; ${LANGUAGE_COOKIE}=${language}`,
    });
  const appLanguageOf = async (user: TestUser) =>
    (
      await ctx.harness.store.db
        .selectFrom("users")
        .select("app_language")
        .where("id", "=", user.id)
        .executeTakeFirstOrThrow()
    ).app_language;
  const chooseMailLanguage = (user: TestUser, language: Language | null) =>
    ctx.harness.request("PUT", "/api/me/notification-preferences", {
      cookie: user.cookie,
      body: { language },
    });
  const recipientLanguage = async (user: TestUser) => {
    const [recipient] = await ctx.harness.services.preferences.emailRecipients(
      [user.id],
      "mention",
    );
    return recipient?.language;
  };

  it("records the language the member uses the app in, from signed-in requests only", async () => {
    expect(await appLanguageOf(ctx.cast.south.viewer)).toBeNull();

    expect((await useAppIn(ctx.cast.south.viewer, "fr")).status).toBe(200);
    expect(await appLanguageOf(ctx.cast.south.viewer)).toBe("fr");
    // A language the product does not speak, or a request without a session, changes nothing.
    await useAppIn(ctx.cast.south.viewer, "de");
    await ctx.harness.request("GET", "/api/me", { cookie: `${LANGUAGE_COOKIE}=en` });
    expect(await appLanguageOf(ctx.cast.south.viewer)).toBe("fr");
    expect(await appLanguageOf(ctx.cast.north.viewer)).toBeNull();

    await useAppIn(ctx.cast.south.viewer, "en");
    expect(await appLanguageOf(ctx.cast.south.viewer)).toBe("en");
  });

  it("writes notification e-mails in the app's language unless the member chose one", async () => {
    expect(await recipientLanguage(ctx.cast.south.viewer)).toBe("en");
    await useAppIn(ctx.cast.south.viewer, "fr");
    expect(await recipientLanguage(ctx.cast.south.viewer)).toBe("fr");

    await chooseMailLanguage(ctx.cast.south.viewer, "en");
    expect(await recipientLanguage(ctx.cast.south.viewer)).toBe("en");
    // "Same as the app" again.
    await chooseMailLanguage(ctx.cast.south.viewer, null);
    expect(await recipientLanguage(ctx.cast.south.viewer)).toBe("fr");

    const [recipient] = await ctx.harness.services.preferences.emailRecipients(
      [ctx.cast.south.viewer.id],
      "mention",
    );
    const message = notificationMessage("http://entente.test", "North × South", recipient!, {
      id: "n1",
      kind: "member_joined",
      partnershipId: ctx.cast.partnershipId,
      actor: { id: "u9", name: "Nadia", organizationId: ctx.cast.south.id },
      createdAt: new Date().toISOString(),
      readAt: null,
      item: { kind: "member", id: "u9", title: "Nadia" },
    });
    expect(message.subject).toBe("[North × South] Nadia a rejoint le partenariat");
    expect(message.text).toContain(
      "préférences de notification dans Entente : http://entente.test/settings/notifications",
    );
  });

  it("writes meeting invitations, digests and invitations to existing members in their language", async () => {
    await useAppIn(ctx.cast.south.viewer, "fr");
    await useAppIn(ctx.cast.north.viewer, "fr");
    await chooseMailLanguage(ctx.cast.north.viewer, "en");

    const readers = await ctx.harness.services.meetingCalendar.readers([
      ctx.cast.south.viewer.id,
      ctx.cast.north.viewer.id,
      ctx.cast.south.editor.id,
    ]);
    const languageOf = (user: TestUser) =>
      readers.find((r) => r.userId === user.id)?.reader.language;
    expect(languageOf(ctx.cast.south.viewer)).toBe("fr");
    expect(languageOf(ctx.cast.north.viewer)).toBe("en");
    expect(languageOf(ctx.cast.south.editor)).toBe("en");

    // The digest.
    const now = new Date();
    await seedWeek(ctx.harness, ctx.cast, now);
    await ctx.harness.request("PUT", "/api/me/notification-preferences", {
      cookie: ctx.cast.south.viewer.cookie,
      body: { digests: [{ partnershipId: ctx.cast.partnershipId, frequency: "weekly" }] },
    });
    const digestMail = new CapturingMailer();
    await new DigestScheduler(
      ctx.harness.store.db,
      ctx.harness.services.digests,
      digestMail,
      logger,
      "http://entente.test",
    ).sendDue(now);
    expect(digestMail.sent.map((m) => m.subject)).toEqual([
      "[North × South] Résumé hebdomadaire pour Southpeak",
    ]);
    expect(digestMail.sent[0]?.text).toContain("http://entente.test/settings/notifications");

    // An invitation to an address that is a member's: theirs, whatever the inviter's.
    const invitationMail = new CapturingMailer();
    const invite = (address: string, language?: Language) =>
      emailInvitation(ctx.harness.store.db, invitationMail, logger, {
        address,
        language,
        partnershipId: ctx.cast.partnershipId,
        inviterId: ctx.cast.north.admin.id,
        inviterOrganizationId: ctx.cast.north.id,
        kind: "member",
        role: "viewer",
        url: "http://entente.test/invite/x",
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    await invite(ctx.cast.south.viewer.email.toUpperCase(), "en");
    await invite("nobody@example.test");
    await invite("nobody@example.test", "fr");
    expect(invitationMail.sent.map((m) => m.subject)).toEqual([
      "North Admin (Northwind) vous invite à « North × South » sur Entente",
      "North Admin (Northwind) invites you to “North × South” on Entente",
      "North Admin (Northwind) vous invite à « North × South » sur Entente",
    ]);
  });
});
