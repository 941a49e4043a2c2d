import { expect, test } from "@playwright/test";
import { CharterPage } from "./fixtures/charter-page";
import { OnboardingPage } from "./fixtures/onboarding-page";

/**
 * Issue 16's onboarding path end to end, as a new pair of organizations would: in one browser
 * a founder signs up, creates an organization, starts a partnership from the distribution
 * template and invites the partner's admin by e-mail from the first-run invite step (the e2e
 * server has no SMTP, so the page says no e-mail went and the link is copied); in another
 * browser with no account the partner opens the link, sees who invites and from which
 * organization, signs up from the invitation and lands in the partnership on the template's
 * charter with the tour. The founder then sees the partner organization after a reload (the
 * membership list is not live) and the checklist.
 */
test("one browser starts a partnership from a template and invites, the other signs up from the link and lands in it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const founderContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  try {
    // Browser A: sign-up, organization, partnership from a template.
    const founder = await founderContext.newPage();
    const onboarding = new OnboardingPage(founder);
    await onboarding.signUp("Odile Founder", `odile.${stamp}@harbor.example`, "founder-pass-2026");
    await onboarding.createOrganization(`Harbor Tools ${stamp}`);
    const partnershipName = `Harbor × Inland ${stamp}`;
    await onboarding.createPartnershipFromTemplate(partnershipName, "distribution", "English");

    // The first-run invite step: the partner's admin, by e-mail; no SMTP here, so the link.
    await expect(founder.getByRole("heading", { name: "Invite your partner" })).toBeVisible();
    const invite = founder.getByRole("region", { name: "Invite", exact: true });
    await invite.getByLabel("A partner organization").check();
    await expect(invite.getByLabel("Permission")).toHaveValue("admin");
    const partnerEmail = `ivan.${stamp}@inland.example`;
    await invite.getByLabel("E-mail address (optional)").fill(partnerEmail);
    await invite.getByLabel("Language of the e-mail").selectOption("en");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(invite.getByRole("status")).toHaveText(
      `No e-mail was sent: this server has no mail (SMTP) configured. Copy the link and send it to ${partnerEmail} yourself.`,
    );
    const link = await invite.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite\/[a-z2-7]+$/);

    // The founder opens the partnership: the charter the template pre-filled.
    await founder.getByTestId("first-run-continue").click();
    await expect(founder).toHaveURL(/\/p\/[^/]+$/);
    const partnershipUrl = founder.url();
    const founderCharter = new CharterPage(founder);
    await expect(
      founderCharter.editor.getByRole("heading", { name: "Territory and customers" }),
    ).toBeVisible();
    await expect(
      founderCharter.editor.getByRole("heading", { name: "Commercial terms" }),
    ).toBeVisible();

    // Browser B, no account: who invites, from which organization.
    const partner = await partnerContext.newPage();
    await partner.goto(new URL(link).pathname);
    await expect(partner.getByRole("heading", { name: `Join “${partnershipName}”` })).toBeVisible();
    await expect(partner.getByTestId("invitation-inviter")).toContainText(
      `Odile Founder of Harbor Tools ${stamp} invites you.`,
    );
    await partner.getByLabel("Full name").fill("Ivan Inland");
    await partner.getByLabel("Email", { exact: true }).fill(partnerEmail);
    await partner.getByLabel("Password", { exact: true }).fill("partner-pass-2026");
    await partner.getByLabel("Your organization’s name").fill(`Inland Retail ${stamp}`);
    await partner.getByRole("button", { name: "Create my account and join" }).click();

    // Lands in the partnership with the tour, on the template's charter.
    await expect(partner).toHaveURL(/\/p\/[^/]+/);
    const tour = partner.getByRole("dialog", { name: `Welcome to ${partnershipName}` });
    await expect(tour).toBeVisible();
    await tour.getByRole("button", { name: "Next" }).click();
    await expect(
      partner.getByRole("dialog", { name: "The Ours / Theirs / Both lens" }),
    ).toBeVisible();
    await partner.getByRole("button", { name: "Next" }).click();
    await expect(partner.getByRole("dialog", { name: "What the partner can see" })).toBeVisible();
    await partner.getByRole("button", { name: "Next" }).click();
    await partner
      .getByRole("dialog", { name: "What the partner can never see" })
      .getByRole("button", { name: "Got it" })
      .click();
    await expect(partner.getByRole("dialog")).toHaveCount(0);
    await expect(partner.getByTestId("partnership-name")).toHaveText(partnershipName);
    const partnerCharter = new CharterPage(partner);
    await expect(
      partnerCharter.editor.getByRole("heading", { name: "Territory and customers" }),
    ).toBeVisible();
    await expect(partnerCharter.editor).toContainText(
      "Prices, margins, volumes committed and how they are reviewed.",
    );

    // Browser A, after a reload: the partner organization, and the checklist.
    await founder.goto(partnershipUrl);
    await expect(founder.getByRole("region", { name: "Members" })).toContainText(
      `Inland Retail ${stamp}`,
    );
    await expect(onboarding.checklist).toContainText("0 of 4 done");
    await expect(onboarding.checklistItem("charter_written")).toHaveAttribute("data-done", "false");
  } finally {
    await partnerContext.close();
    await founderContext.close();
  }
});
