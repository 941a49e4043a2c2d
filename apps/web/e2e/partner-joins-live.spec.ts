import { NOTIFICATION_SETTINGS_PATH } from "@entente/protocol";
import {
  expect,
  test,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { markNotReloaded, notReloaded } from "./fixtures/session";

/** Signs a new account up in `context` (its session cookie stays there). */
async function signUp(context: BrowserContext, name: string, email: string) {
  const response = await context.request.post("/api/auth/signup", {
    data: { email, password: "live-partner-2026", name },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).user.id as string;
}

async function post(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(path, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** Opens the partnership page and waits until it listens to the partnership's live events. */
async function openPartnership(page: Page, partnershipId: string) {
  // The page listens once its event stream answered (the server subscribes it first).
  const listening = page.waitForResponse((r) =>
    r.url().endsWith(`/api/partnerships/${partnershipId}/events`),
  );
  await page.goto(`/p/${partnershipId}`);
  await listening;
  await expect(page.getByTestId("partnership-name")).toBeVisible();
  await expect(page.getByTestId("notification-bell")).toHaveAttribute("data-live", "true");
  await markNotReloaded(page);
}

/**
 * Issue 15, "what the partner does shows up without a reload": in one browser an admin has
 * the partnership open; in others a colleague joins through a member invitation, the partner
 * organization's admin accepts its invitation, and the colleague is removed. Without a reload
 * the header's organizations, the members, the charter's "n of N organizations endorsed" and
 * the bell follow. The settings link of every e-mail leads to the notification settings.
 */
test("the partner organization joining, and members coming and going, show up live", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const [adaContext, bobContext, carlaContext] = await Promise.all([
    browser.newContext(),
    browser.newContext(),
    browser.newContext(),
  ]);
  try {
    // Ada founds a partnership for her organization alone.
    await signUp(adaContext, "Ada Founder", `ada.${stamp}@lakeside.example`);
    const lakeside = (
      await post(adaContext.request, "/api/organizations", {
        name: `Lakeside ${stamp}`,
      })
    ).organization.id as string;
    const partnershipId = (
      await post(adaContext.request, "/api/partnerships", {
        name: `Lakeside × Ridge ${stamp}`,
        organizationId: lakeside,
      })
    ).partnership.id as string;

    const ada = await adaContext.newPage();
    await openPartnership(ada, partnershipId);
    const organizations = ada.getByRole("list", { name: "Organizations in this partnership" });
    await expect(organizations.getByRole("listitem")).toHaveCount(1);
    const status = ada.getByTestId("charter-status");
    await expect(status).toContainText("0 of 1 organization endorsed the current version.");
    const members = ada.getByRole("region", { name: "Members" });

    // Bob, a colleague, joins through a member invitation (as an admin of the partnership).
    const { token: memberToken } = (
      await post(adaContext.request, `/api/partnerships/${partnershipId}/invitations`, {
        kind: "member",
        role: "admin",
      })
    ).invitation;
    const bobId = await signUp(bobContext, "Bob Colleague", `bob.${stamp}@lakeside.example`);
    await post(bobContext.request, `/api/invitations/${memberToken}/accept`, {});
    await expect(members.getByText("Bob Colleague")).toBeVisible();

    // Bob invites the partner organization; Carla, its admin, accepts in her own browser.
    const { token: organizationToken } = (
      await post(bobContext.request, `/api/partnerships/${partnershipId}/invitations`, {
        kind: "organization",
        role: "admin",
      })
    ).invitation;
    await signUp(carlaContext, "Carla Partner", `carla.${stamp}@ridge.example`);
    await post(carlaContext.request, "/api/organizations", { name: `Ridge ${stamp}` });
    await post(carlaContext.request, `/api/invitations/${organizationToken}/accept`, {});

    // Ada's page, not reloaded: two organizations in the header, in the endorsement count,
    // in the members; and the bell tells her (she did not invite them, Bob did).
    await expect(organizations.getByRole("listitem")).toHaveCount(2);
    await expect(organizations).toContainText(`Ridge ${stamp}`);
    await expect(status).toContainText("0 of 2 organizations endorsed the current version.");
    await expect(members.getByText(`Ridge ${stamp}`)).toBeVisible();
    await expect(members.getByText("Carla Partner")).toBeVisible();
    await expect(ada.getByTestId("notification-count")).toHaveText("1");
    await ada.getByTestId("notification-bell").click();
    await expect(ada.getByTestId("notification-panel").getByTestId("notification")).toContainText([
      `Ridge ${stamp} joined the partnership`,
    ]);
    await ada.keyboard.press("Escape");

    // Carla has the partnership open too; Ada removes Bob: both screens drop him at once.
    const carla = await carlaContext.newPage();
    await openPartnership(carla, partnershipId);
    const carlaMembers = carla.getByRole("region", { name: "Members" });
    await expect(carlaMembers.getByText("Bob Colleague")).toBeVisible();
    const removed = await adaContext.request.delete(
      `/api/partnerships/${partnershipId}/members/${bobId}`,
    );
    expect(removed.status()).toBe(204);
    await expect(members.getByText("Bob Colleague")).toHaveCount(0);
    await expect(carlaMembers.getByText("Bob Colleague")).toHaveCount(0);
    await expect(carla.getByTestId("notification-count")).toHaveText("1");
    await carla.getByTestId("notification-bell").click();
    await expect(carla.getByTestId("notification-panel").getByTestId("notification")).toContainText(
      ["Ada Founder removed Bob Colleague from the partnership"],
    );
    // Ada removed him: she is not told of her own act.
    await expect(ada.getByTestId("notification-count")).toHaveText("1");
    expect(await notReloaded(ada)).toBe(true);
    expect(await notReloaded(carla)).toBe(true);

    // The settings link of the e-mails' footer opens the notification settings, where the
    // e-mail language follows the app's unless chosen.
    await ada.goto(NOTIFICATION_SETTINGS_PATH);
    await expect(ada.getByRole("heading", { name: "Notification settings" })).toBeVisible();
    await expect(ada.getByLabel("Write my e-mails in")).toHaveValue("app");
    await expect(ada.getByLabel("Write my e-mails in").locator("option:checked")).toHaveText(
      "Same as the app",
    );
  } finally {
    await Promise.all([adaContext.close(), bobContext.close(), carlaContext.close()]);
  }
});
