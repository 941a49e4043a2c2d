import { LANGUAGE_COOKIE, type Language } from "@entente/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DigestScheduler } from "../digest/digest-scheduler.js";
import { seedWeek } from "../test/seeded-week.js";
import { createLogger } from "../observability/logger.js";
import { ApiHarness, type TestUser } from "../test/api-harness.js";
import { emailInvitation } from "./invitation-mail.js";
import { mailLanguage } from "./mail-language.js";
import type { Mailer, MailMessage } from "./mailer.js";
import { notificationMessage } from "./notification-mail.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

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
  let harness: ApiHarness;
  let cast: Cast;
  const logger = createLogger({ level: "silent" });

  beforeEach(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
  });

  afterEach(async () => {
    await harness.close();
  });

  /** A request of the web app showing `language` (its cookie beside the session's). */
  const useAppIn = (user: TestUser, language: string) =>
    harness.request("GET", "/api/me", { cookie: `${user.cookie}; ${LANGUAGE_COOKIE}=${language}` });
  const appLanguageOf = async (user: TestUser) =>
    (
      await harness.store.db
        .selectFrom("users")
        .select("app_language")
        .where("id", "=", user.id)
        .executeTakeFirstOrThrow()
    ).app_language;
  const chooseMailLanguage = (user: TestUser, language: Language | null) =>
    harness.request("PUT", "/api/me/notification-preferences", {
      cookie: user.cookie,
      body: { language },
    });
  const recipientLanguage = async (user: TestUser) => {
    const [recipient] = await harness.services.preferences.emailRecipients([user.id], "mention");
    return recipient?.language;
  };

  it("records the language the member uses the app in, from signed-in requests only", async () => {
    expect(await appLanguageOf(cast.south.viewer)).toBeNull();

    expect((await useAppIn(cast.south.viewer, "fr")).status).toBe(200);
    expect(await appLanguageOf(cast.south.viewer)).toBe("fr");
    // A language the product does not speak, or a request without a session, changes nothing.
    await useAppIn(cast.south.viewer, "de");
    await harness.request("GET", "/api/me", { cookie: `${LANGUAGE_COOKIE}=en` });
    expect(await appLanguageOf(cast.south.viewer)).toBe("fr");
    expect(await appLanguageOf(cast.north.viewer)).toBeNull();

    await useAppIn(cast.south.viewer, "en");
    expect(await appLanguageOf(cast.south.viewer)).toBe("en");
  });

  it("writes notification e-mails in the app's language unless the member chose one", async () => {
    expect(await recipientLanguage(cast.south.viewer)).toBe("en");
    await useAppIn(cast.south.viewer, "fr");
    expect(await recipientLanguage(cast.south.viewer)).toBe("fr");

    await chooseMailLanguage(cast.south.viewer, "en");
    expect(await recipientLanguage(cast.south.viewer)).toBe("en");
    // "Same as the app" again.
    await chooseMailLanguage(cast.south.viewer, null);
    expect(await recipientLanguage(cast.south.viewer)).toBe("fr");

    const [recipient] = await harness.services.preferences.emailRecipients(
      [cast.south.viewer.id],
      "mention",
    );
    const message = notificationMessage("http://entente.test", "North × South", recipient!, {
      id: "n1",
      kind: "member_joined",
      partnershipId: cast.partnershipId,
      actor: { id: "u9", name: "Nadia", organizationId: cast.south.id },
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
    await useAppIn(cast.south.viewer, "fr");
    await useAppIn(cast.north.viewer, "fr");
    await chooseMailLanguage(cast.north.viewer, "en");

    const readers = await harness.services.meetingCalendar.readers([
      cast.south.viewer.id,
      cast.north.viewer.id,
      cast.south.editor.id,
    ]);
    const languageOf = (user: TestUser) =>
      readers.find((r) => r.userId === user.id)?.reader.language;
    expect(languageOf(cast.south.viewer)).toBe("fr");
    expect(languageOf(cast.north.viewer)).toBe("en");
    expect(languageOf(cast.south.editor)).toBe("en");

    // The digest.
    const now = new Date();
    await seedWeek(harness, cast, now);
    await harness.request("PUT", "/api/me/notification-preferences", {
      cookie: cast.south.viewer.cookie,
      body: { digests: [{ partnershipId: cast.partnershipId, frequency: "weekly" }] },
    });
    const digestMail = new CapturingMailer();
    await new DigestScheduler(
      harness.store.db,
      harness.services.digests,
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
      emailInvitation(harness.store.db, invitationMail, logger, {
        address,
        language,
        partnershipId: cast.partnershipId,
        inviterId: cast.north.admin.id,
        inviterOrganizationId: cast.north.id,
        kind: "member",
        role: "viewer",
        url: "http://entente.test/invite/x",
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
    await invite(cast.south.viewer.email.toUpperCase(), "en");
    await invite("nobody@example.test");
    await invite("nobody@example.test", "fr");
    expect(invitationMail.sent.map((m) => m.subject)).toEqual([
      "North Admin (Northwind) vous invite à « North × South » sur Entente",
      "North Admin (Northwind) invites you to “North × South” on Entente",
      "North Admin (Northwind) vous invite à « North × South » sur Entente",
    ]);
  });
});
