import { expect, test, type Locator, type Page } from "@playwright/test";
import { amara, DEMO_PARTNERSHIP, DEMO_PASSWORD } from "./fixtures/demo";
import { tabTo } from "./fixtures/keyboard";

/** The focused element shows a focus ring (an outline or a box shadow) the eye can see. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "nothing focused";
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none"
      ? "visible"
      : `no ring on ${element.outerHTML.slice(0, 80)}`;
  });
  expect(ring).toBe("visible");
}

async function tabAndEnter(page: Page, target: Locator, backward = false): Promise<void> {
  await tabTo(page, target, { backward });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
}

/**
 * The main flows with the keyboard only (Tab, Shift+Tab, Enter, Escape, typing): sign in,
 * skip to the content, open the partnership, move between sections, edit the charter, post
 * an update, open and close a dialog (the focus comes back to its opener), the palette.
 */
test("a keyboard-only walkthrough of the main flows", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/login");
  // The page has shown its form (its script runs after the load event a goto waits for).
  await expect(page.getByLabel("Email", { exact: true })).toBeVisible();

  // The skip link is the first stop, visible once focused.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page);

  await tabTo(page, page.getByLabel("Email", { exact: true }));
  await expectVisibleFocus(page);
  await page.keyboard.type(amara.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your partnerships" })).toBeVisible();

  await tabAndEnter(page, page.getByRole("link", { name: DEMO_PARTNERSHIP }));
  await expect(page).toHaveURL(/\/p\/[^/]+$/);
  await expect(page.getByTestId("partnership-name")).toHaveText(DEMO_PARTNERSHIP);

  // Skip past the header and the tabs: the focus lands in the main landmark.
  await tabTo(page, skip, { backward: true });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // Edit the charter.
  const editor = page.getByTestId("charter-editor");
  await tabTo(page, editor);
  await expectVisibleFocus(page);
  const words = `Typed from the keyboard ${Date.now()}`;
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(words);
  await expect(page.getByTestId("charter-editor")).toContainText(words);

  // Another section, through its tab (backwards from the editor).
  await tabAndEnter(page, page.getByTestId("tab-updates"), true);
  await expect(page.getByTestId("tab-updates")).toHaveAttribute("aria-current", "page");
  // The only current tab: not also the charter, the partnership's root.
  await expect(page.locator('[data-testid^="tab-"][aria-current="page"]')).toHaveCount(1);

  // Post an update.
  const composer = page.getByRole("form", { name: "Share an update" });
  const title = `Keyboard update ${Date.now()}`;
  await tabTo(page, composer.getByLabel("Title", { exact: true }));
  await expectVisibleFocus(page);
  await page.keyboard.type(title);
  await tabTo(page, composer.getByTestId("post-body"));
  await page.keyboard.type("Posted without a mouse.");
  await tabAndEnter(page, composer.getByRole("button", { name: "Post", exact: true }));
  await expect(
    page.getByTestId("post").filter({ has: page.getByRole("heading", { name: title }) }),
  ).toBeVisible();

  // A dialog: an objective's comments, closed with Escape; the focus returns to its opener.
  await tabAndEnter(page, page.getByTestId("tab-objectives"), true);
  await expect(page.getByTestId("tab-objectives")).toHaveAttribute("aria-current", "page");
  const opener = page.getByTestId("item-comments").first();
  await tabAndEnter(page, opener);
  const dialog = page.getByTestId("item-comments-dialog");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expectVisibleFocus(page);

  // The palette: Ctrl+K, then Escape gives the focus back.
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Search and commands" });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("combobox")).toBeFocused();
  await page.keyboard.type("issues");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
  await expect(opener).toBeFocused();
});
