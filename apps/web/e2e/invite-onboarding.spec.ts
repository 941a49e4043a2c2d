import { expect, test } from "@playwright/test";

/**
 * Start in minutes, as a new pair of organizations would: the admin of a brand-new
 * organization invites the partner's admin by e-mail from the home page (the e2e server has
 * no SMTP, so the page says no e-mail went and the link is copied); someone with no account
 * opens the link in another browser, sees who invites, signs up with their organization and
 * lands in the partnership with the welcome tour; the inviter sees the partner on reload.
 */
test("a new organization invites its partner's admin, who signs up from the link and lands in the partnership", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const founder = await browser.newContext();
  const invitee = await browser.newContext();
  try {
    // The founder: a fresh account, organization and partnership (through the API: the
    // forms that make them are not what this test is about).
    const api = founder.request;
    expect(
      (
        await api.post("/api/auth/signup", {
          data: {
            email: `nadia.${stamp}@eastwind.example`,
            password: "founder-pass-2026",
            name: "Nadia Founder",
          },
        })
      ).status(),
    ).toBe(201);
    const organization = await api.post("/api/organizations", {
      data: { name: `Eastwind ${stamp}` },
    });
    const organizationId = ((await organization.json()) as { organization: { id: string } })
      .organization.id;
    const partnershipName = `Eastwind × Westbrook ${stamp}`;
    expect(
      (
        await api.post("/api/partnerships", {
          data: { name: partnershipName, organizationId },
        })
      ).status(),
    ).toBe(201);

    // Home page: invite the partner's admin by e-mail, roles explained where chosen.
    const home = await founder.newPage();
    await home.goto("/");
    const invite = home.getByRole("region", { name: "Invite", exact: true });
    await invite.getByLabel("A partner organization").check();
    await expect(invite.getByLabel("Permission")).toHaveValue("admin");
    await expect(
      invite.getByText("Viewer: reads everything shared with the partnership and never writes."),
    ).toBeVisible();
    await invite.getByLabel("E-mail address (optional)").fill(`wes.${stamp}@westbrook.example`);
    await invite.getByLabel("Language of the e-mail").selectOption("en");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(invite.getByRole("status")).toHaveText(
      `No e-mail was sent: this server has no mail (SMTP) configured. Copy the link and send it to wes.${stamp}@westbrook.example yourself.`,
    );
    const url = await invite.getByLabel("Invitation link").inputValue();
    expect(url).toMatch(/\/invite\/[a-z2-7]+$/);

    // The invitee, in another browser with no account, opens the link: who invites, from where.
    const page = await invitee.newPage();
    await page.goto(new URL(url).pathname);
    await expect(page.getByRole("heading", { name: `Join “${partnershipName}”` })).toBeVisible();
    await expect(page.getByTestId("invitation-inviter")).toContainText(
      `Nadia Founder of Eastwind ${stamp} invites you.`,
    );
    await expect(page.getByText(/^This invitation is valid until/)).toBeVisible();
    await page.getByLabel("Full name").fill("Wes Westbrook");
    await page.getByLabel("Email", { exact: true }).fill(`wes.${stamp}@westbrook.example`);
    await page.getByLabel("Password", { exact: true }).fill("invitee-pass-2026");
    await page.getByLabel("Your organization’s name").fill(`Westbrook ${stamp}`);
    await page.getByRole("button", { name: "Create my account and join" }).click();

    // Lands in the partnership, signed in, with the welcome tour.
    await expect(page).toHaveURL(/\/p\/[^/]+/);
    const tour = page.getByRole("dialog", { name: `Welcome to ${partnershipName}` });
    await expect(tour).toBeVisible();
    await tour.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("dialog", { name: "The Ours / Theirs / Both lens" })).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByRole("dialog", { name: "What the partner can see" })).toBeVisible();
    await page.getByRole("button", { name: "Next" }).click();
    const last = page.getByRole("dialog", { name: "What the partner can never see" });
    await expect(last).toContainText("private notes");
    await last.getByRole("button", { name: "Got it" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    // Remembered: not offered again.
    await page.reload();
    await expect(page.getByRole("region", { name: "Members" })).toContainText("Wes Westbrook");
    await expect(page.getByRole("dialog")).toHaveCount(0);

    // The used link now says so, never "valid until".
    await page.goto(new URL(url).pathname);
    await expect(page.getByRole("alert")).toHaveText(
      "This invitation was already used. Ask the person who invited you for a new link if you still need one.",
    );
    await expect(page.getByText(/valid until/i)).toHaveCount(0);

    // The founder sees the partner after a reload (not live), and the invitation used.
    await home.goto("/");
    await home.getByRole("link", { name: new RegExp(partnershipName) }).click();
    await expect(home.getByRole("region", { name: "Members" })).toContainText(`Westbrook ${stamp}`);
    const sent = home.getByRole("region", { name: "Invitations sent" });
    await expect(sent.getByText("Used by Wes Westbrook on", { exact: false })).toBeVisible();
  } finally {
    await invitee.close();
    await founder.close();
  }
});

test("an admin revokes a pending invitation from the partnership header, and the link says so", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const admin = await browser.newContext();
  const stranger = await browser.newContext();
  try {
    const api = admin.request;
    await api.post("/api/auth/signup", {
      data: {
        email: `rita.${stamp}@northgate.example`,
        password: "revoker-2026",
        name: "Rita Admin",
      },
    });
    const organization = await api.post("/api/organizations", {
      data: { name: `Northgate ${stamp}` },
    });
    const organizationId = ((await organization.json()) as { organization: { id: string } })
      .organization.id;
    const created = await api.post("/api/partnerships", {
      data: { name: `Northgate pilot ${stamp}`, organizationId },
    });
    const partnershipId = ((await created.json()) as { partnership: { id: string } }).partnership
      .id;

    const page = await admin.newPage();
    await page.goto(`/p/${partnershipId}`);
    await page.getByTestId("invite-launcher").click();
    const invite = page.getByRole("region", { name: "Invite", exact: true });
    await invite.getByLabel("A colleague from").check();
    await expect(invite.getByLabel("Permission")).toHaveValue("editor");
    await invite.getByRole("button", { name: "Create invitation link" }).click();
    const url = await invite.getByLabel("Invitation link").inputValue();

    const sent = page.getByRole("region", { name: "Invitations sent" });
    await expect(sent.getByText(/^Pending until/)).toBeVisible();
    await sent.getByRole("button", { name: "Revoke" }).click();
    await sent.getByRole("button", { name: "Confirm revoke" }).click();
    await expect(sent.getByText("Revoked by Rita Admin on", { exact: false })).toBeVisible();

    const other = await stranger.newPage();
    await other.goto(new URL(url).pathname);
    await expect(other.getByRole("alert")).toHaveText(
      "This invitation was revoked by the organization that made it. Ask them for a new one.",
    );
  } finally {
    await stranger.close();
    await admin.close();
  }
});
