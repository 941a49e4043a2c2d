import { expect, test } from "@playwright/test";
import { CharterPage } from "./fixtures/charter-page";
import { amara, DEMO_PARTNERSHIP } from "./fixtures/demo";
import { LoginPage } from "./fixtures/login-page";
import { countSockets } from "./fixtures/session";

test("a session ended elsewhere closes the charter's socket: the page says why and stops reconnecting", async ({
  browser,
}) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await new LoginPage(page).loginAs(amara);
    const charter = new CharterPage(page);
    await charter.openSynced(DEMO_PARTNERSHIP);
    const socketsOpened = countSockets(page);

    // The same session logs out from another tab (same cookie jar).
    const logout = await context.request.post("/api/auth/logout");
    expect(logout.status()).toBe(204);

    await expect(charter.connectionStatus).toHaveAttribute("data-state", "denied", {
      timeout: 5_000,
    });
    await expect(
      page.getByText("Your session has ended. Log in again to keep editing."),
    ).toBeVisible();
    await page.waitForTimeout(4_000);
    expect(socketsOpened()).toBe(0);
  } finally {
    await context.close();
  }
});

test("a member removed from the partnership loses the socket with 'withdrawn' and does not reconnect", async ({
  browser,
}) => {
  const admin = await browser.newContext();
  const member = await browser.newContext();
  try {
    const adminPage = await admin.newPage();
    await new LoginPage(adminPage).loginAs(amara);
    const me = await (await admin.request.get("/api/me")).json();
    const partnershipId = me.partnerships[0].id as string;
    const invitation = await admin.request.post(`/api/partnerships/${partnershipId}/invitations`, {
      data: { kind: "member", role: "editor" },
    });
    expect(invitation.status()).toBe(201);
    const { token } = (await invitation.json()).invitation;

    const email = `temp.${Date.now()}@northwind.example`;
    const signup = await member.request.post("/api/auth/signup", {
      data: { email, password: "temporary-member-1", name: "Tess Temporary" },
    });
    expect(signup.status()).toBe(201);
    const userId = (await signup.json()).user.id as string;
    expect(
      (await member.request.post(`/api/invitations/${token}/accept`, { data: {} })).status(),
    ).toBe(200);

    const page = await member.newPage();
    await page.goto("/");
    const charter = new CharterPage(page);
    await charter.openSynced(DEMO_PARTNERSHIP);
    const socketsOpened = countSockets(page);

    const removed = await admin.request.delete(
      `/api/partnerships/${partnershipId}/members/${userId}`,
    );
    expect(removed.status()).toBe(204);

    await expect(charter.connectionStatus).toHaveAttribute("data-state", "denied", {
      timeout: 5_000,
    });
    await expect(page.getByText("Your access to this document was withdrawn.")).toBeVisible();
    await page.waitForTimeout(4_000);
    expect(socketsOpened()).toBe(0);
  } finally {
    await admin.close();
    await member.close();
  }
});
