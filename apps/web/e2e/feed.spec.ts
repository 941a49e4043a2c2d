import { expect, test, type Browser } from "@playwright/test";
import type { DemoUser } from "./fixtures/demo";
import { FeedPage } from "./fixtures/feed-page";
import {
  asPartners,
  closeEach,
  markNotReloaded,
  notReloaded,
  onDemoPartnership,
} from "./fixtures/session";

async function openFeedAs(browser: Browser, user: DemoUser) {
  const { context, page } = await onDemoPartnership(browser, user);
  const feed = new FeedPage(page);
  await feed.open();
  await markNotReloaded(page);
  return { context, page, feed };
}

test("a mention reaches the partner live; their reply and their reading come back live", async ({
  browser,
}) => {
  await asPartners(browser, openFeedAs, closeEach, async (north, south) => {
    const title = `Customs held the pallets ${Date.now()}`;
    await expect(south.feed.unreadCount).toHaveCount(0);

    // Northwind posts a difficulty and mentions Sofia of Southpeak by name.
    const amaraPost = await north.feed.createPost({
      title,
      tag: "Difficulty",
      parts: [
        "The cold-chain pallets are stuck at the border. ",
        { mention: "Sof", pick: "Sofia Marchetti" },
        "can your broker call them?",
      ],
    });
    await expect(amaraPost.getByTestId("post-tag")).toHaveText("Difficulty");
    await expect(amaraPost.locator(".mention")).toHaveText("@Sofia Marchetti");
    await expect(amaraPost.getByTestId("seen-by")).toHaveText("Not seen by anyone yet");
    const amaraThread = await north.feed.openThread(amaraPost);
    await expect(amaraThread).toContainText("No reply yet.");

    // Southpeak: the post and the bell's count arrive without a reload.
    await expect(south.feed.post(title)).toBeVisible();
    await expect(south.feed.unreadCount).toHaveText("1");
    const panel = await south.feed.openNotifications();
    const notification = panel
      .getByTestId("notification")
      .filter({ hasText: `Amara Diallo mentioned you in “${title}”` });
    await expect(notification).toHaveAttribute("data-unread", "true");
    await notification.getByRole("link").click();

    // The notification opens the post with its thread; it is read now.
    await expect(south.page).toHaveURL(/\/updates\?post=/);
    await expect(south.feed.unreadCount).toHaveCount(0);
    const sofiaPost = south.feed.post(title);
    await expect(sofiaPost.getByTestId("author")).toHaveText("Amara Diallo");
    await expect(sofiaPost.getByTestId("org-tag").first()).toHaveText("Northwind");
    await expect(sofiaPost.getByTestId("thread")).toBeVisible();
    await south.feed.reply(sofiaPost, "On it: our broker calls customs this morning.");

    // Northwind, without reloading: the reply in the open thread, and who has read it.
    await expect(
      amaraThread.getByTestId("reply").filter({ hasText: "our broker calls customs" }),
    ).toBeVisible();
    await expect(amaraThread.getByTestId("reply").getByTestId("author")).toHaveText(
      "Sofia Marchetti",
    );
    await expect(amaraPost.getByTestId("toggle-thread")).toHaveText("Replies (1)");
    const seenBy = amaraPost.getByTestId("seen-by-organization");
    await expect(seenBy).toHaveCount(1);
    await expect(seenBy.getByTestId("org-tag")).toHaveText("Southpeak");
    await expect(seenBy).toContainText("Sofia Marchetti");
    // And Amara is told that Sofia replied.
    await expect(north.feed.unreadCount).toHaveText("1");
    const amaraPanel = await north.feed.openNotifications();
    await expect(amaraPanel.getByTestId("notification").first()).toContainText(
      `Sofia Marchetti replied to “${title}”`,
    );
    await amaraPanel.getByRole("button", { name: "Mark all as read" }).click();
    await expect(north.feed.unreadCount).toHaveCount(0);

    // A reaction travels too.
    await amaraPost.getByRole("button", { name: "Add a reaction" }).first().click();
    await amaraPost.getByRole("button", { name: "Celebrate" }).click();
    await expect(
      south.feed.post(title).getByRole("button", { name: "Celebrate: 1" }),
    ).toBeVisible();

    expect(await notReloaded(north.page)).toBe(true);
    expect(await notReloaded(south.page)).toBe(true);
  });
});
