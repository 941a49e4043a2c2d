import { expect, test, type Browser } from "@playwright/test";
import type { DemoUser } from "./fixtures/demo";
import { FeedPage } from "./fixtures/feed-page";
import {
  asPartners,
  closeReadingAll,
  markNotReloaded,
  notReloaded,
  onSyncedCharter,
} from "./fixtures/session";

/** A signed-in user on the partnership's charter, its document synced, the page marked. */
async function openAs(browser: Browser, user: DemoUser) {
  const side = await onSyncedCharter(browser, user);
  await markNotReloaded(side.page);
  return side;
}

// Two browsers and many live round trips each: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("a comment on charter text reaches the partner live; reply, resolve, find it resolved", async ({
  browser,
}) => {
  await asPartners(browser, openAs, closeReadingAll, async (north, south) => {
    await north.comments.waitLive();
    await south.comments.waitLive();
    const phrase = `three pilot regions ${Date.now()}`;

    // Amara writes a sentence, selects its end and comments on it, naming Sofia.
    await north.charter.appendParagraph(`The first season covers ${phrase}`);
    await north.comments.selectBackwards(phrase.length);
    await north.comments.commentOnSelection([
      "Can we name them? ",
      { mention: "Sof", pick: "Sofia Marchetti" },
      "please confirm.",
    ]);
    const amaraThread = north.comments.thread(phrase);
    await expect(amaraThread.getByTestId("comment")).toHaveCount(1);
    await expect(north.comments.highlight(phrase)).toHaveText(phrase);

    // Southpeak, without a reload: the highlight on exactly that text, and the thread.
    await expect(south.comments.highlight(phrase)).toHaveText(phrase);
    const sofiaThread = south.comments.thread(phrase);
    await expect(sofiaThread.getByTestId("author")).toHaveText("Amara Diallo");
    await expect(sofiaThread.locator(".mention")).toHaveText("@Sofia Marchetti");
    // A click on the highlight brings its thread forward.
    await south.comments.highlight(phrase).click();
    await expect(sofiaThread).toHaveAttribute("aria-current", "true");
    await south.comments.reply(sofiaThread, ["Yes: Lyon, Turin and Graz."]);

    // Sofia was told of the mention (the newest of her notifications, unread).
    const feed = new FeedPage(south.page);
    const panel = await feed.openNotifications();
    const newest = panel.getByTestId("notification").first();
    await expect(newest).toContainText("Amara Diallo mentioned you in a comment");
    await expect(newest).toHaveAttribute("data-unread", "true");
    await panel.getByRole("button", { name: "Mark all as read" }).click();
    await feed.bell.click();

    // Amara sees the reply live, then resolves the thread.
    const reply = amaraThread.getByTestId("comment").nth(1);
    await expect(reply).toContainText("Yes: Lyon, Turin and Graz.");
    await expect(reply.getByTestId("author")).toHaveText("Sofia Marchetti");
    await amaraThread.getByRole("button", { name: "Resolve", exact: true }).click();

    // It leaves the open threads and the text on both sides...
    await expect(north.comments.thread(phrase)).toHaveCount(0);
    await expect(north.comments.highlight(phrase)).toHaveCount(0);
    await expect(south.comments.thread(phrase)).toHaveCount(0);
    await expect(south.comments.highlight(phrase)).toHaveCount(0);
    // ...and is found under "Show resolved", with both comments and who resolved it.
    await north.comments.showResolved();
    const resolved = north.comments.thread(phrase, north.comments.resolvedThreads);
    await expect(resolved).toHaveAttribute("data-status", "resolved");
    await expect(resolved.getByTestId("comment")).toHaveCount(2);
    await expect(resolved.getByTestId("comment-resolved-by")).toContainText(
      "Resolved by Amara Diallo",
    );

    // Sofia reopens it: the highlight is back for Amara.
    await south.comments.showResolved();
    await south.comments
      .thread(phrase, south.comments.resolvedThreads)
      .getByRole("button", { name: "Reopen", exact: true })
      .click();
    await expect(north.comments.highlight(phrase)).toHaveText(phrase);
    await expect(north.comments.thread(phrase, north.comments.openThreads)).toBeVisible();

    // A thread whose text is deleted keeps its quote, marked as removed, on both sides.
    const doomed = `clause to drop ${Date.now()}`;
    await north.charter.appendParagraph(`Draft: ${doomed}`);
    await north.comments.selectBackwards(doomed.length);
    await north.comments.commentOnSelection(["Should this go?"]);
    await expect(south.comments.highlight(doomed)).toHaveText(doomed);
    await north.comments.selectParagraph(doomed);
    await north.page.keyboard.press("Backspace");
    for (const side of [north, south]) {
      const thread = side.comments.thread(doomed);
      await expect(thread.getByTestId("comment-detached")).toHaveText("(text removed)");
      await expect(side.comments.highlight(doomed)).toHaveCount(0);
    }

    expect(await notReloaded(north.page)).toBe(true);
    expect(await notReloaded(south.page)).toBe(true);
  });
});

test("an issue's comment thread goes back and forth live, then is resolved", async ({
  browser,
}) => {
  await asPartners(browser, openAs, closeReadingAll, async (north, south) => {
    await north.partnership.openSection("issues");
    await south.partnership.openSection("issues");
    const title = `Customs paperwork for the pilot ${Date.now()}`;
    await north.partnership.raiseIssue({ title });
    const amaraIssue = north.partnership.issue(title);
    const sofiaIssue = south.partnership.issue(title);
    await expect(south.comments.itemButton(sofiaIssue)).toHaveAttribute("data-count", "0");

    // Amara opens the issue's comments and writes the first one.
    const amaraDialog = await north.comments.openItem(amaraIssue);
    await expect(amaraDialog.getByRole("heading", { level: 2 })).toHaveText(
      `Comments on “${title}”`,
    );
    await north.comments.startItemThread(amaraDialog, [
      "Who files it? ",
      { mention: "South", pick: "Southpeak" },
    ]);

    // Sofia's button counts it live; she opens it and replies.
    await expect(south.comments.itemButton(sofiaIssue)).toHaveAttribute("data-count", "1");
    const sofiaDialog = await south.comments.openItem(sofiaIssue);
    const sofiaThread = sofiaDialog.getByTestId("comment-thread");
    await expect(sofiaThread.getByTestId("comment")).toContainText("Who files it? @Southpeak");
    await south.comments.reply(sofiaThread, ["We do, from next week."]);

    // Amara's open dialog and button follow.
    const amaraThread = amaraDialog.getByTestId("comment-thread");
    await expect(amaraThread.getByTestId("comment").nth(1)).toContainText("We do, from next week.");
    await expect(north.comments.itemButton(amaraIssue)).toHaveAttribute("data-count", "2");

    // Sofia resolves it: no open comment is left on either side; Amara finds it resolved.
    await sofiaThread.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(amaraDialog.getByTestId("comment-thread")).toHaveCount(0);
    await expect(north.comments.itemButton(amaraIssue)).toHaveAttribute("data-count", "0");
    await north.comments.showResolved(amaraDialog);
    const resolved = amaraDialog
      .getByTestId("resolved-comment-threads")
      .getByTestId("comment-thread");
    await expect(resolved.getByTestId("comment")).toHaveCount(2);
    await expect(resolved.getByTestId("comment-resolved-by")).toContainText(
      "Resolved by Sofia Marchetti",
    );
    await amaraDialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(amaraDialog).toHaveCount(0);
  });
});
