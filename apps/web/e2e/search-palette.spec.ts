import { expect, test } from "@playwright/test";
import { CharterPage } from "./fixtures/charter-page";
import { amara, ben, chen, sofia } from "./fixtures/demo";
import { SearchPalette } from "./fixtures/search-palette";
import { onDemoPartnership } from "./fixtures/session";

test("Ctrl+K finds a partner's issue and Enter opens it, keyboard only", async ({ browser }) => {
  test.setTimeout(120_000);
  // Southpeak raises an issue; its title carries markup, which must show as text.
  const word = `coldroomaudit${Date.now().toString(36)}`;
  const title = `Audit the Rhône cold rooms <b>${word}</b>`;
  const southpeak = await onDemoPartnership(browser, sofia);
  const northwind = await onDemoPartnership(browser, amara);
  try {
    await southpeak.partnership.openSection("issues");
    await southpeak.partnership.raiseIssue({ title });

    const { page } = northwind;
    const pid = northwind.partnership.partnershipId();
    const palette = new SearchPalette(page);
    await palette.openWithShortcut();
    await expect(palette.input).toHaveAttribute("aria-expanded", "true");

    // Amara speaks for Northwind: the hit is Southpeak's, with its organization's chip.
    await page.keyboard.type(word);
    const hit = palette.result(title);
    await expect(hit).toBeVisible();
    await expect(hit).toHaveAttribute("data-kind", "issue");
    await expect(hit.getByTestId("org-tag")).toHaveText("Southpeak");
    const snippet = hit.getByTestId("palette-snippet");
    await expect(snippet.locator("mark")).toHaveText(word);
    await expect(snippet).toContainText(`<b>${word}</b>`);
    await expect(hit.locator("b")).toHaveCount(0);
    await expect(palette.dialog.getByRole("group", { name: "Issues" })).toBeVisible();

    await palette.arrowTo(title);
    await expect(await palette.activeOption()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");

    await expect(palette.dialog).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`/p/${pid}/issues\\?item=`));
    const itemDialog = page.getByTestId("item-comments-dialog");
    await expect(itemDialog).toBeVisible();
    await expect(itemDialog.getByRole("heading", { level: 2 })).toHaveText(
      `Comments on “${title}”`,
    );
    // Closed (the composer keeps Escape for its mention menu), the address forgets the item.
    await itemDialog.getByRole("button", { name: "Close", exact: true }).press("Enter");
    await expect(itemDialog).toHaveCount(0);
    await expect(page).toHaveURL(`/p/${pid}/issues`);
  } finally {
    await southpeak.context.close();
    await northwind.context.close();
  }
});

// The seeded demo is written once the server runs (apps/server/src/main.ts), which then has the
// search index catch up with it.
test("a demo word finds the partner's seeded item", async ({ browser }) => {
  const { context, page } = await onDemoPartnership(browser, amara);
  try {
    const palette = new SearchPalette(page);
    await palette.openWithShortcut();
    await page.keyboard.type("diesel generators");
    const hit = palette.result("Grid connection of the fourth depot may slip to spring");
    await expect(hit).toBeVisible();
    await expect(hit.getByTestId("org-tag")).toHaveText("Southpeak");
  } finally {
    await context.close();
  }
});

test("commands go to pages and open the new forms a member may use", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page, partnership } = await onDemoPartnership(browser, amara);
  try {
    const pid = partnership.partnershipId();
    const palette = new SearchPalette(page);

    // Escape closes and gives the focus back to where it was.
    const button = page.getByTestId("search-button");
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(palette.input).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(palette.dialog).toHaveCount(0);
    await expect(button).toBeFocused();

    await palette.openWithShortcut();
    await page.keyboard.type("go to dash");
    await expect(palette.commands).toHaveText(["Go to Dashboard"]);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/p/${pid}/dashboard`);
    await expect(page.getByTestId("tab-dashboard")).toHaveAttribute("aria-current", "page");

    await palette.openWithShortcut();
    await page.keyboard.type("new decision");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(`/p/${pid}/decisions`);
    await expect(page.getByRole("form", { name: "Propose a decision" })).toBeVisible();
  } finally {
    await context.close();
  }

  // A viewer is offered the pages, never the "new …" actions.
  const viewer = await onDemoPartnership(browser, chen);
  try {
    const palette = new SearchPalette(viewer.page);
    await palette.openWithShortcut();
    await expect(palette.commands.filter({ hasText: "Go to Decisions" })).toHaveCount(1);
    await viewer.page.keyboard.type("new");
    await expect(palette.commands).toHaveCount(0);
    await expect(palette.dialog.getByRole("group", { name: "Actions" })).toHaveCount(0);
  } finally {
    await viewer.context.close();
  }
});

test("a partner never finds a word of your organization's private notes", async ({ browser }) => {
  test.setTimeout(120_000);
  const secret = `quokkaplan${Date.now().toString(36)}`;
  const southpeak = await onDemoPartnership(browser, sofia);
  const northwind = await onDemoPartnership(browser, amara);
  try {
    await southpeak.partnership.openSection("private");
    const notes = new CharterPage(southpeak.page);
    await notes.appendParagraph(`Walk-away price for the fourth depot: ${secret}.`);

    // Southpeak finds its own note (so the index has it) …
    const own = new SearchPalette(southpeak.page);
    await expect(async () => {
      await southpeak.page.keyboard.press("Escape");
      await own.openWithShortcut();
      await southpeak.page.keyboard.type(secret);
      await expect(own.results.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(own.results.first()).toHaveAttribute("data-kind", "private-note");
    // Opening it scrolls the notes to the passage and highlights its text.
    await own.arrowTo(secret);
    await southpeak.page.keyboard.press("Enter");
    await expect(southpeak.page).toHaveURL(/\/private\?passage=\d+$/);
    await expect
      .poll(() =>
        southpeak.page.evaluate(() => {
          const highlight = CSS.highlights.get("linked-passage");
          return highlight
            ? [...highlight]
                .map((range) => (range instanceof Range ? range.toString() : ""))
                .join(" ")
            : "";
        }),
      )
      .toContain(secret);
    await expect(notes.editor.getByText(secret)).toBeInViewport();
    // The section tabs do not carry the link on.
    await expect(southpeak.page.getByTestId("tab-charter")).not.toHaveAttribute("href", /passage=/);

    // … and Northwind, in the same partnership, finds nothing of it.
    const partner = new SearchPalette(northwind.page);
    await partner.openWithShortcut();
    await northwind.page.keyboard.type(secret);
    await expect(partner.status).toContainText(`Nothing in this partnership matches “${secret}”`);
    await expect(partner.results).toHaveCount(0);
  } finally {
    await southpeak.context.close();
    await northwind.context.close();
  }
});

test("the palette fits a 390 px phone and opens from the header button", async ({ browser }) => {
  const { context, page } = await onDemoPartnership(browser, ben);
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("search-button").click();
    const palette = new SearchPalette(page);
    await expect(palette.input).toBeFocused();
    const box = await palette.dialog.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await expect(palette.commands.first()).toBeInViewport();
    // Long results wrap inside the palette: nothing is cut off at its right edge.
    await page.keyboard.type("depot");
    await expect(palette.dialog.getByRole("option").nth(3)).toBeVisible();
    const list = palette.dialog.getByRole("listbox");
    expect(await list.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("new post");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/updates$/);
    await expect(page.getByTestId("post-composer").getByLabel("Title")).toBeFocused();
  } finally {
    await context.close();
  }
});
