import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { accessibilityViolations } from "./fixtures/axe";
import { amara, DEMO_PASSWORD, sofia, type DemoUser } from "./fixtures/demo";
import { SECTIONS } from "../src/features/partnerships/state/sections";

/**
 * WCAG 2.2 AA as axe checks it: no serious or critical violation on any page of the app,
 * in English and in French, signed in from either organization of the demo, with its dialogs
 * and panels open too. Each run collects every finding before it fails, so one failure
 * message lists all of them.
 */

type Language = "en" | "fr";

/** Waits until the page shows its content rather than a loading status. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator("main#main")).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator("main .page-status[role=status]")).toHaveCount(0, { timeout: 15_000 });
  const connection = page.getByTestId("connection-status");
  if ((await connection.count()) > 0) {
    await expect(connection.first()).toHaveAttribute("data-state", "synced", { timeout: 20_000 });
  }
  // Lazy parts (charts, editors) draw a moment after their section.
  await page.waitForTimeout(400);
}

async function languageContext(browser: Browser, language: Language): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: language === "fr" ? "fr-FR" : "en-US" });
  await context.addInitScript((chosen) => {
    window.localStorage.setItem("entente.language", chosen);
  }, language);
  return context;
}

interface DemoIds {
  partnershipId: string;
  userId: string;
  meetingId: string;
  invitationToken: string;
}

async function signInByApi(context: BrowserContext, user: DemoUser): Promise<DemoIds> {
  const api = context.request;
  const login = await api.post("/api/auth/login", {
    data: { email: user.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const me = (await (await api.get("/api/me")).json()) as {
    user: { id: string };
    partnerships: { id: string }[];
  };
  const partnershipId = me.partnerships[0]!.id;
  const meetings = (await (
    await api.get(`/api/partnerships/${partnershipId}/meetings`)
  ).json()) as { meetings: { id: string }[] };
  const invitation = await api.post(`/api/partnerships/${partnershipId}/invitations`, {
    data: { kind: "member", role: "viewer" },
  });
  expect(invitation.status()).toBe(201);
  const { invitation: made } = (await invitation.json()) as { invitation: { token: string } };
  return {
    partnershipId,
    userId: me.user.id,
    meetingId: meetings.meetings[0]!.id,
    invitationToken: made.token,
  };
}

for (const user of [amara, sofia]) {
  for (const language of ["en", "fr"] as const) {
    test(`no serious or critical axe violation: ${user.organization}, ${language}`, async ({
      browser,
    }) => {
      test.setTimeout(600_000);
      const findings: string[] = [];
      const context = await languageContext(browser, language);
      const page = await context.newPage();
      const audit = async (path: string, label = path) => {
        await page.goto(path);
        await settle(page);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        findings.push(...(await accessibilityViolations(page, label)));
      };
      try {
        // Signed out.
        await audit("/login");
        await audit("/signup");
        await audit("/no-such-page", "not found (signed out)");

        const ids = await signInByApi(context, user);
        const p = `/p/${ids.partnershipId}`;
        await audit(`/invite/${ids.invitationToken}`, "/invite/:token");
        await audit("/");
        await audit(p, "/p/:id");
        for (const section of SECTIONS) await audit(`${p}/${section}`, `/p/:id/${section}`);
        await audit(`${p}/meetings/${ids.meetingId}`, "meeting");
        await audit(`${p}/meetings/${ids.meetingId}/workshop`, "workshop");
        await audit("/settings/notifications");
        await audit("/settings/calendar");
        await audit("/settings/organization");
        await audit(`/start/${ids.partnershipId}`, "/start/:id");
        await audit("/no-such-page", "not found");
        await audit(`${p}/no-such-section`, "not found (section)");

        // Dialogs and panels, on the charter.
        await page.goto(p);
        await settle(page);
        await page.keyboard.press("Control+k");
        await expect(page.getByRole("dialog").first()).toBeVisible();
        await page.keyboard.type("charter");
        await page.waitForTimeout(800);
        findings.push(...(await accessibilityViolations(page, "command palette")));
        await page.keyboard.press("Escape");

        await page.getByTestId("notification-bell").click();
        await expect(page.getByTestId("notification-panel")).toBeVisible();
        findings.push(...(await accessibilityViolations(page, "notification panel")));
        await page.keyboard.press("Escape");

        await page.getByTestId("invite-launcher").click();
        findings.push(...(await accessibilityViolations(page, "invite dialog")));
        await page.getByTestId("invite-launcher").click();

        // An item's comments and a confirmation, on the objectives.
        await page.goto(`${p}/objectives`);
        await settle(page);
        await page.getByTestId("item-comments").first().click();
        await expect(page.getByTestId("item-comments-dialog")).toBeVisible();
        await page.waitForTimeout(500);
        findings.push(...(await accessibilityViolations(page, "comments dialog")));
        await page.keyboard.press("Escape");
        await expect(page.getByTestId("item-comments-dialog")).toHaveCount(0);
        await page.locator(".button--danger-ghost").first().click();
        await expect(page.locator(".confirm").first()).toBeVisible();
        findings.push(...(await accessibilityViolations(page, "confirm delete")));

        // The welcome tour, as someone an invitation just brought in sees it.
        await page.evaluate(
          ({ userId, partnershipId }) =>
            window.localStorage.setItem(`entente.tour.offered.${userId}`, partnershipId),
          ids,
        );
        await page.goto(p);
        await settle(page);
        await expect(page.locator(".tour")).toBeVisible();
        findings.push(...(await accessibilityViolations(page, "tour")));
      } finally {
        await context.close();
      }
      expect(findings, findings.join("\n")).toEqual([]);
    });
  }
}
