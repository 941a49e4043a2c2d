import { expect, test } from "@playwright/test";
import { FeedPage } from "./fixtures/feed-page";
import { asPartners, closeEach, onDemoPartnership } from "./fixtures/session";

/**
 * What the partner does on the screen someone is looking at is read out politely: one live
 * region for the whole page, saying who did what; the author's own page says nothing.
 */
test("a partner's new post is announced in the other browser's live region, not in the author's", async ({
  browser,
}) => {
  await asPartners(browser, onDemoPartnership, closeEach, async (north, south) => {
    const northFeed = new FeedPage(north.page);
    const southFeed = new FeedPage(south.page);
    await northFeed.open();
    await southFeed.open();
    await northFeed.waitLive();
    await southFeed.waitLive();

    const northRegion = north.page.getByTestId("announcer");
    await expect(northRegion).toHaveAttribute("aria-live", "polite");
    await expect(north.page.locator("[aria-live]")).toHaveCount(1);

    const title = `Alpine pilot week ${Date.now()}`;
    await southFeed.createPost({ title, tag: "Success", parts: ["Three depots switched routes."] });

    await expect(northRegion).toHaveText(`Sofia Marchetti posted “${title}”`);
    await expect(south.page.getByTestId("announcer")).not.toContainText(title);
  });
});
