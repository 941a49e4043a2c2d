import { expect, test } from "@playwright/test";
import { CharterPage } from "./fixtures/charter-page";
import { HistoryPanel } from "./fixtures/history-panel";
import {
  asPartners,
  closeEach,
  markNotReloaded,
  notReloaded,
  onDemoPartnership,
} from "./fixtures/session";

// The partner's new versions arrive by polling (every 10 s).
const POLLED = { timeout: 20_000 };

test("two organizations edit, one names a version, compare colours each side, a restore reaches the other live", async ({
  browser,
}) => {
  // Two browsers, several typed paragraphs and a polled restore: longer than one page's test.
  test.setTimeout(300_000);
  await asPartners(browser, onDemoPartnership, closeEach, async (north, south) => {
    const amaraCharter = new CharterPage(north.page);
    const sofiaCharter = new CharterPage(south.page);
    await Promise.all([amaraCharter.waitForSynced(), sofiaCharter.waitForSynced()]);
    const amaraHistory = new HistoryPanel(north.page);
    const sofiaHistory = new HistoryPanel(south.page);

    // One click from the charter status: what changed since Northwind endorsed (the seed's
    // story: Sofia amended the exit terms), coloured and labelled Southpeak.
    await north.page.getByTestId("changes-since-endorsed").click();
    await expect(amaraHistory.compareDialog).toBeVisible();
    await expect(
      amaraHistory.change("added", "jointly developed assets stay available"),
    ).toContainText("added by Southpeak");
    await amaraHistory.closeDialog();

    await amaraHistory.nameVersion("Before our edits");
    const fromNorthwind = "Northwind brings two electric trucks by March.";
    const fromSouthpeak = "Southpeak opens its Lyon cold store to both.";
    await amaraCharter.appendParagraph(fromNorthwind);
    await expect(sofiaCharter.editor).toContainText(fromNorthwind);
    await sofiaCharter.appendParagraph(fromSouthpeak);
    await expect(amaraCharter.editor).toContainText(fromSouthpeak);
    await amaraHistory.nameVersion("Sent to legal");

    await amaraHistory.compare("Before our edits", "Sent to legal");
    const northRun = amaraHistory.change("added", fromNorthwind);
    const southRun = amaraHistory.change("added", fromSouthpeak);
    await expect(northRun).toContainText("added by Northwind");
    await expect(southRun).toContainText("added by Southpeak");
    // Underlined (not colour alone), and each side in its own colour.
    await expect(northRun).toHaveCSS("text-decoration-line", "underline");
    const colour = (locator: typeof northRun) =>
      locator.evaluate((element) => getComputedStyle(element).color);
    expect(await colour(northRun)).not.toBe(await colour(southRun));
    await amaraHistory.closeDialog();

    // Southpeak brings back the version before both edits: Amara's open editor follows.
    await markNotReloaded(north.page);
    await expect(sofiaHistory.row("Before our edits")).toBeVisible(POLLED);
    await sofiaHistory.restore("Before our edits");
    await expect(amaraCharter.editor).not.toContainText(fromNorthwind);
    await expect(amaraCharter.editor).not.toContainText(fromSouthpeak);
    await expect(sofiaCharter.editor).not.toContainText(fromSouthpeak);
    await expect(amaraCharter.editor).toContainText("jointly developed assets");
    expect(await notReloaded(north.page)).toBe(true);
    // Nothing was rewritten: the restore and the state before it are versions too.
    await expect(
      amaraHistory.panel.locator('[data-testid="version-row"][data-kind="restore"]'),
    ).toBeVisible(POLLED);
    await expect(
      amaraHistory.panel.locator('[data-testid="version-row"][data-kind="before-restore"]'),
    ).toBeVisible();
  });
});
