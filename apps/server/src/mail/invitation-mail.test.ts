import { describe, expect, it } from "vitest";
import { useMailingServer } from "../test/mail-fixture.js";

describe("invitation e-mails over SMTP", () => {
  const ctx = useMailingServer();

  const invite = (body: Record<string, unknown>) =>
    ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/invitations`,
      { kind: "organization", role: "admin", ...body },
      ctx.cast.north.cookie,
    );

  it("e-mails the link to the partner's admin, naming who invites, in English", async () => {
    const before = ctx.sink.received.length;

    const response = await invite({ email: " Erin@Eastgate.Example ", language: "en" });

    expect(response.status).toBe(201);
    const { url, token, kind, role, expiresAt } = response.body.invitation;
    expect(response.body).toEqual({
      invitation: { token, url, kind, role, expiresAt },
      email: { to: "erin@eastgate.example", sent: true },
    });
    const mail = (await ctx.sink.waitFor(before + 1))[before]!;
    expect(mail.to).toEqual(["erin@eastgate.example"]);
    expect(mail.from).toBe("entente@entente.test");
    expect(mail.subject).toBe("Nora North (Northwind) invites you to “N × S” on Entente");
    expect(mail.text).toContain(url);
    expect(mail.text).toContain("You would join as admin");
    expect(mail.html).toContain(`<a href="${url}">`);
  });

  it("writes it in French when the inviter chooses French", async () => {
    const before = ctx.sink.received.length;

    const response = await invite({
      email: "elise@eastgate.example",
      language: "fr",
      role: "editor",
    });

    expect(response.status).toBe(201);
    expect(response.body.email).toEqual({ to: "elise@eastgate.example", sent: true });
    const mail = (await ctx.sink.waitFor(before + 1))[before]!;
    expect(mail.subject).toBe("Nora North (Northwind) vous invite à « N × S » sur Entente");
    expect(mail.text).toContain("en tant qu’éditeur");
    expect(mail.text).toContain(response.body.invitation.url);
  });

  it("takes the inviter's e-mail language when none is chosen", async () => {
    await ctx.live.api(
      "PUT",
      "/api/me/notification-preferences",
      { language: "fr" },
      ctx.cast.south.cookie,
    );
    const before = ctx.sink.received.length;

    const response = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/invitations`,
      { kind: "member", role: "viewer", email: "colleague@southpeak.example" },
      ctx.cast.south.cookie,
    );

    expect(response.status).toBe(201);
    const mail = (await ctx.sink.waitFor(before + 1))[before]!;
    expect(mail.subject).toBe("Sam South (Southpeak) vous invite à « N × S » sur Entente");
    expect(mail.text).toContain("rejoindre Southpeak");
  });

  it("refuses an address that is not one, and makes no invitation", async () => {
    const count = async () =>
      (await ctx.live.server.store.db.selectFrom("invitations").select("id").execute()).length;
    const before = await count();

    const response = await invite({ email: "not-an-address" });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_input");
    expect(await count()).toBe(before);
  });
});
