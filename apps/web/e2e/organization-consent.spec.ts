import { expect, test } from "@playwright/test";
import { amara, sofia } from "./fixtures/demo";
import { onDemoPartnership } from "./fixtures/session";

/**
 * The look-alike attack in the browser: Southpeak's admin alone invites a third
 * organization named like Northwind. It cannot join before Northwind approves, and once
 * Northwind has, the name is taken.
 */
test("an organization invitation waits for every organization, and a look-alike name is refused", async ({
  browser,
}) => {
  // Three people, one after the other, on a shared machine.
  test.setTimeout(180_000);
  const south = await onDemoPartnership(browser, sofia);
  const invitee = await browser.newContext();
  let north: Awaited<ReturnType<typeof onDemoPartnership>> | undefined;
  try {
    // Southpeak's admin makes an organization invitation with the header's invite button.
    await south.page.getByTestId("invite-launcher").click();
    const invite = south.page.getByRole("region", { name: "Invite", exact: true });
    await invite.getByLabel("A partner organization").check();
    await invite.getByRole("button", { name: "Create invitation link" }).click();
    const url = await invite.getByLabel("Invitation link").inputValue();
    const pending = south.page.getByRole("region", { name: "Organization invitations" });
    await expect(
      pending.getByText("Waiting for the approval of Northwind", { exact: true }).last(),
    ).toBeVisible();
    // Southpeak approved by inviting: no button for it.
    await expect(pending.getByRole("button", { name: /^Approve for/ })).toHaveCount(0);
    await south.context.close();

    // The look-alike signs up, creates "Nórthwind" and tries to accept.
    const email = `lookalike.${Date.now()}@example.test`;
    const signup = await invitee.request.post("/api/auth/signup", {
      data: { email, password: "look-alike-2026", name: "Amara Diallo" },
    });
    expect(signup.status()).toBe(201);
    const organization = await invitee.request.post("/api/organizations", {
      data: { name: "Nórthwind" },
    });
    expect(organization.status()).toBe(201);
    const page = await invitee.newPage();
    await page.goto(new URL(url).pathname);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page.getByRole("alert")).toHaveText(
      "Every organization of the partnership has to approve this invitation first. Try again once they have.",
    );

    // Northwind's admin sees what waits on Northwind and approves it.
    north = await onDemoPartnership(browser, amara);
    const northPending = north.page.getByRole("region", { name: "Organization invitations" });
    await northPending.getByRole("button", { name: "Approve for Northwind" }).last().click();
    await expect(
      northPending.getByText("Every organization approved: it can be accepted.").last(),
    ).toBeVisible();

    // Now the name decides: "Nórthwind" is Northwind's.
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page.getByRole("alert")).toHaveText(
      "An organization of this partnership already has this name. Only a differently named organization can join.",
    );
  } finally {
    await invitee.close();
    await south.context.close();
    await north?.context.close();
  }
});
