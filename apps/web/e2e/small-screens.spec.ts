import { expect, test, type Browser, type Page } from "@playwright/test";
import { amara, DEMO_PARTNERSHIP, sofia, type DemoUser } from "./fixtures/demo";
import { CharterPage } from "./fixtures/charter-page";
import { FeedPage } from "./fixtures/feed-page";
import {
  expectNoSidewaysScroll,
  expectTouchSizedTargets,
  fitsViewport,
  PHONE,
  SMALL_PHONE,
  TABLET,
} from "./fixtures/layout";
import { LoginPage } from "./fixtures/login-page";
import { SectionMenu } from "./fixtures/section-menu";
import { SECTIONS } from "../src/features/partnerships/state/sections";

/*
 * Phones and tablets (issue 15): at 390 px (and a pass at 360 and 768), no page scrolls
 * sideways and every control is a touch target of at least 24 × 24 px; the sections become a
 * menu that works by touch and keyboard; the editor's toolbar and the dialogs stay on screen.
 */

type Viewport = { width: number; height: number };

/** Waits until the page shows its content, not a loading line (in either language). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator("main").first()).toBeVisible();
  await expect(
    page.getByText(/^(Loading…|Chargement…|Opening the .+…|Ouverture .+…|Loading the editor…)$/),
  ).toHaveCount(0, { timeout: 20_000 });
  // Charts and sections are lazy chunks: let what they lay out land.
  await page.waitForTimeout(300);
}

async function phoneContext(browser: Browser, viewport: Viewport, locale = "en-US") {
  return browser.newContext({ viewport, hasTouch: true, locale });
}

async function signedInOn(browser: Browser, viewport: Viewport, user: DemoUser, locale?: string) {
  const context = await phoneContext(browser, viewport, locale);
  const page = await context.newPage();
  await new LoginPage(page).loginAs(user);
  return { context, page };
}

/** Every page a member reaches, by address: the partnership's sections, a meeting and its workshop, the settings. */
async function memberPages(page: Page): Promise<string[]> {
  const me = (await (await page.request.get("/api/me")).json()) as {
    partnerships: { id: string; name: string; organizationId: string }[];
  };
  const partnership = me.partnerships.find((p) => p.name === DEMO_PARTNERSHIP);
  if (!partnership) throw new Error("the demo partnership is missing");
  const pid = encodeURIComponent(partnership.id);
  const { meetings } = (await (
    await page.request.get(`/api/partnerships/${pid}/meetings`)
  ).json()) as {
    meetings: { id: string }[];
  };
  const meeting = meetings[0]?.id;
  if (!meeting) throw new Error("the demo has no meeting");
  return [
    "/",
    `/p/${pid}`,
    ...SECTIONS.map((section) => `/p/${pid}/${section}`),
    `/p/${pid}/meetings/${meeting}`,
    `/p/${pid}/meetings/${meeting}/workshop`,
    "/settings/notifications",
    "/settings/calendar",
    "/settings/organization",
    `/start/${pid}`,
  ];
}

/** A member invitation's page, as the invited person sees it before signing in. */
async function invitationPath(page: Page): Promise<string> {
  const me = (await (await page.request.get("/api/me")).json()) as {
    partnerships: { id: string; name: string; organizationId: string }[];
  };
  const partnership = me.partnerships.find((p) => p.name === DEMO_PARTNERSHIP)!;
  const response = await page.request.post(
    `/api/partnerships/${encodeURIComponent(partnership.id)}/invitations`,
    {
      data: { kind: "member", role: "viewer", organizationId: partnership.organizationId },
      headers: { origin: new URL(page.url()).origin },
    },
  );
  expect(response.status()).toBe(201);
  const { invitation } = (await response.json()) as { invitation: { token: string } };
  return `/invite/${invitation.token}`;
}

async function checkPage(page: Page, path: string, where: string): Promise<void> {
  await page.goto(path);
  await settled(page);
  await test.step(path, async () => {
    await expectNoSidewaysScroll(page, `${where} ${path}`);
    await expectTouchSizedTargets(page, `${where} ${path}`);
  });
}

const PASSES: { viewport: Viewport; user: DemoUser; locale: string }[] = [
  { viewport: PHONE, user: amara, locale: "en-US" },
  { viewport: PHONE, user: sofia, locale: "fr-FR" },
  { viewport: SMALL_PHONE, user: amara, locale: "en-US" },
  { viewport: TABLET, user: amara, locale: "en-US" },
];

for (const { viewport, user, locale } of PASSES) {
  test(`at ${viewport.width} px (${locale}, ${user.organization}): no page scrolls sideways, every control is 24 px or more`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const where = `${viewport.width} px, ${locale}`;

    const { context, page } = await signedInOn(browser, viewport, user);
    if (locale === "fr-FR")
      await page.getByRole("button", { name: "Français", exact: true }).click();
    const invitation = await invitationPath(page);
    for (const path of await memberPages(page)) await checkPage(page, path, where);

    // Signed out: the sign-in pages and an invitation as the invited person opens it.
    const visitor = await phoneContext(browser, viewport, locale);
    const outside = await visitor.newPage();
    for (const path of ["/login", "/signup", invitation]) await checkPage(outside, path, where);
    await visitor.close();
    await context.close();
  });
}

test.describe("at 390 px", () => {
  test.use({ viewport: PHONE, hasTouch: true });

  test("the sections are a menu: it names the current section, opens by touch, and moves on", async ({
    page,
  }) => {
    await new LoginPage(page).loginAs(amara);
    await page.getByRole("link", { name: DEMO_PARTNERSHIP }).tap();
    const menu = new SectionMenu(page);
    await expect(menu.button).toBeVisible();
    await expect(menu.button).toContainText("Charter");
    await expect(menu.button).toHaveAttribute("aria-expanded", "false");
    // Closed, the tabs take no room; the bar fits the phone.
    await expect(menu.link("issues")).toBeHidden();

    await menu.button.tap();
    await expect(menu.button).toHaveAttribute("aria-expanded", "true");
    await expect(menu.link("charter")).toHaveAttribute("aria-current", "page");
    for (const section of ["dashboard", "issues", "health"] as const) {
      await expect(menu.link(section)).toBeInViewport();
    }
    await expectNoSidewaysScroll(page, "the open menu");
    await expectTouchSizedTargets(page, "the open menu");

    await menu.link("issues").tap();
    await expect(page).toHaveURL(/\/issues$/);
    await expect(menu.button).toHaveAttribute("aria-expanded", "false");
    await expect(menu.button).toContainText("Issues");
    await expect(menu.link("issues")).toBeHidden();

    // A tap outside closes it without going anywhere.
    await menu.button.tap();
    await expect(menu.link("decisions")).toBeVisible();
    const list = (await menu.link("decisions").locator("xpath=ancestor::ul").boundingBox())!;
    await page.touchscreen.tap(20, list.y + list.height + 40);
    await expect(menu.button).toHaveAttribute("aria-expanded", "false");
    await expect(page).toHaveURL(/\/issues$/);
  });

  test("the section menu by keyboard: Enter opens, arrows and Tab move, Escape closes back on its button", async ({
    page,
  }) => {
    await new LoginPage(page).loginAs(amara);
    await page.getByRole("link", { name: DEMO_PARTNERSHIP }).click();
    const menu = new SectionMenu(page);
    await menu.button.focus();
    await page.keyboard.press("Enter");
    await expect(menu.button).toHaveAttribute("aria-expanded", "true");

    await page.keyboard.press("Tab");
    await expect(menu.link("dashboard")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.link("charter")).toBeFocused();
    await page.keyboard.press("End");
    await expect(menu.link("health")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.link("dashboard")).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(menu.link("health")).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(menu.button).toHaveAttribute("aria-expanded", "false");
    await expect(menu.button).toBeFocused();
    await expect(menu.link("health")).toBeHidden();

    // Space opens it too; Enter on a link goes there, and the menu closes.
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(menu.link("objectives")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/objectives$/);
    await expect(menu.button).toContainText("Objectives & KPIs");
    await expect(menu.button).toHaveAttribute("aria-expanded", "false");

    // Tabbing out of the open menu closes it.
    await menu.button.focus();
    await page.keyboard.press("Enter");
    await menu.link("health").focus();
    await page.keyboard.press("Tab");
    await expect(menu.button).toHaveAttribute("aria-expanded", "false");
  });

  test("the charter's toolbar wraps inside the card and the page does not widen", async ({
    page,
  }) => {
    await page.setViewportSize(SMALL_PHONE);
    await new LoginPage(page).loginAs(amara);
    await page.getByRole("link", { name: DEMO_PARTNERSHIP }).tap();
    const charter = new CharterPage(page);
    await charter.waitForSynced();
    const toolbar = page.getByRole("toolbar");
    await expect(toolbar).toBeVisible();
    const card = page.locator(".charter");
    const [bar, frame] = await Promise.all([toolbar.boundingBox(), card.boundingBox()]);
    expect(bar!.x + bar!.width).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
    // Every button of the toolbar can be reached: none is cut off by the card.
    for (const button of await toolbar.getByRole("button").all()) {
      const box = (await button.boundingBox())!;
      expect(
        box.x + box.width,
        String(await button.getAttribute("aria-label")),
      ).toBeLessThanOrEqual(frame!.x + frame!.width);
    }
    await expectNoSidewaysScroll(page, "the charter at 360 px");
  });

  test("dialogs fit the phone and scroll inside: an item's comments and the search palette", async ({
    page,
  }) => {
    await new LoginPage(page).loginAs(amara);
    await page.getByRole("link", { name: DEMO_PARTNERSHIP }).tap();
    const menu = new SectionMenu(page);
    await menu.go("issues");
    await settled(page);

    const issue = page.getByTestId("issue").first();
    await issue.getByTestId("item-comments").tap();
    const comments = page.getByTestId("item-comments-dialog");
    await expect(comments).toBeVisible();
    const fit = await fitsViewport(comments, 8);
    expect(fit, JSON.stringify(fit)).toMatchObject({ fits: true, scrollsSideways: false });
    await expectNoSidewaysScroll(page, "the comments dialog");
    await comments.getByRole("button", { name: "Close", exact: true }).tap();
    await expect(comments).toHaveCount(0);

    await page.getByTestId("search-button").tap();
    const palette = page.getByTestId("command-palette");
    await expect(palette).toBeVisible();
    await palette.getByRole("combobox").fill("depot");
    await expect(palette.getByRole("option").first()).toBeVisible();
    const paletteFit = await fitsViewport(palette, 8);
    expect(paletteFit, JSON.stringify(paletteFit)).toMatchObject({
      fits: true,
      scrollsSideways: false,
    });
    await expectNoSidewaysScroll(page, "the search palette");
  });

  test("the notification panel stays on screen and never cuts a notification's text", async ({
    page,
  }) => {
    await page.setViewportSize(SMALL_PHONE);
    await new LoginPage(page).loginAs(amara);
    await page.getByRole("link", { name: DEMO_PARTNERSHIP }).tap();
    const feed = new FeedPage(page);
    await feed.bell.tap();
    const panel = feed.notificationPanel;
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId("notification").first()).toBeVisible();
    const fit = await fitsViewport(panel, 0);
    expect(fit, JSON.stringify(fit)).toMatchObject({ fits: true, scrollsSideways: false });

    const cut = await panel.getByTestId("notification").evaluateAll((items) =>
      items.flatMap((item) =>
        Array.from(item.querySelectorAll<HTMLElement>("*"))
          // Text for screen readers only ("Unread: ") is clipped on purpose.
          .filter((element) => !element.closest(".visually-hidden"))
          .filter((element) => {
            const style = getComputedStyle(element);
            return (
              element.scrollWidth > element.clientWidth + 1 ||
              (style.textOverflow === "ellipsis" && style.overflow !== "visible") ||
              element.getBoundingClientRect().right > item.getBoundingClientRect().right + 0.5
            );
          })
          .map((element) => element.textContent ?? ""),
      ),
    );
    expect(cut, "notification text cut off").toEqual([]);
    await expectTouchSizedTargets(page, "the notification panel");
  });

  test("a member's morning on a phone: the partnership, a section from the menu, the charter, an update", async ({
    page,
  }) => {
    await new LoginPage(page).loginAs(amara);
    await page.getByRole("link", { name: DEMO_PARTNERSHIP }).tap();
    const menu = new SectionMenu(page);

    // The charter: typed into on the phone, synced.
    const charter = new CharterPage(page);
    await charter.waitForSynced();
    const line = `Typed on a phone ${Date.now()}`;
    await charter.appendParagraph(line);
    await expect(charter.editor).toContainText(line);
    await expectNoSidewaysScroll(page, "the charter while typing");

    // Updates, chosen from the menu; a post written and sent by touch.
    await menu.go("updates");
    const feed = new FeedPage(page);
    await feed.waitLive();
    const title = `From the depot, on a phone ${Date.now()}`;
    await feed.composer.getByLabel("Title", { exact: true }).fill(title);
    await feed.composer.getByRole("radio", { name: "Information", exact: true }).check();
    await feed.composer.getByTestId("post-body").tap();
    await page.keyboard.type("The fourth truck is on the road.");
    await feed.composer.getByRole("button", { name: "Post", exact: true }).tap();
    await expect(feed.post(title)).toBeVisible();
    await expectNoSidewaysScroll(page, "the feed with a new post");

    // Back on the charter from the menu, the line is still there.
    await menu.go("charter");
    await charter.waitForSynced();
    await expect(charter.editor).toContainText(line);
  });
});
