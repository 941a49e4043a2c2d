import { expect, test, type Browser, type Locator } from "@playwright/test";
import type { DemoUser } from "./fixtures/demo";
import { FeedPage } from "./fixtures/feed-page";
import { asPartners, closeReadingAll, onSyncedCharter } from "./fixtures/session";

/** A signed-in user on the partnership's charter, its document synced, with its feed. */
async function openAs(browser: Browser, user: DemoUser) {
  const side = await onSyncedCharter(browser, user);
  return { ...side, feed: new FeedPage(side.page) };
}

// Two browsers and live round trips: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

async function threadIdOf(thread: Locator): Promise<string> {
  const id = await thread.getAttribute("data-thread-id");
  if (!id) throw new Error("a comment thread without its id");
  return id;
}

test("a comment's notification opens its thread beside the charter", async ({ browser }) => {
  await asPartners(browser, openAs, closeReadingAll, async (north, south) => {
    await north.comments.waitLive();
    // Sofia is elsewhere in the partnership when it happens.
    await south.partnership.openSection("issues");

    const phrase = `pilot budget line ${Date.now()}`;
    await north.charter.appendParagraph(`We cap the ${phrase}`);
    await north.comments.selectBackwards(phrase.length);
    await north.comments.commentOnSelection([
      "Is this enough? ",
      { mention: "Sof", pick: "Sofia Marchetti" },
    ]);
    const threadId = await threadIdOf(north.comments.thread(phrase));
    const pid = north.partnership.partnershipId();

    // The bell's notification links to the thread itself (the e-mail's link is the same path).
    const panel = await south.feed.openNotifications();
    const notification = panel.locator(`a[href="/p/${pid}?thread=${threadId}"]`);
    await expect(notification).toContainText("Amara Diallo mentioned you in a comment");
    await notification.click();

    // On the charter, that thread is brought forward: focused, in view, its text highlighted.
    await expect(south.page).toHaveURL(`/p/${pid}?thread=${threadId}`);
    await expect(south.page.getByTestId("tab-charter")).toHaveAttribute("aria-current", "page");
    const thread = south.comments.panel.locator(`[data-thread-id="${threadId}"]`);
    await expect(thread).toHaveAttribute("aria-current", "true");
    await expect(thread).toBeInViewport();
    await expect(thread.getByTestId("comment-quote")).toHaveText(phrase);
    await expect(south.comments.highlight(phrase)).toHaveText(phrase);

    // The lens can still be changed there, and the tabs do not carry the link along.
    await south.partnership.setLens("Theirs");
    await expect(south.page).toHaveURL(`/p/${pid}?thread=${threadId}&lens=theirs`);
    await expect(south.page.getByTestId("tab-issues")).toHaveAttribute(
      "href",
      `/p/${pid}/issues?lens=theirs`,
    );
  });
});

test("an item comment's notification opens the item's dialog on its thread, resolved or not", async ({
  browser,
}) => {
  await asPartners(browser, openAs, closeReadingAll, async (north, south) => {
    await north.partnership.openSection("issues");
    const title = `Export licence for the sensors ${Date.now()}`;
    await north.partnership.raiseIssue({ title });
    const dialog = await north.comments.openItem(north.partnership.issue(title));
    await north.comments.startItemThread(dialog, [
      "Who applies? ",
      { mention: "Sof", pick: "Sofia Marchetti" },
    ]);
    const threadId = await threadIdOf(dialog.getByTestId("comment-thread"));
    // Settled before Sofia looks: the link must still find it (not among the open threads).
    await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(dialog.getByTestId("open-comment-threads")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    const pid = north.partnership.partnershipId();

    // Sofia, on the charter, follows the notification: it leads to the issues log, where the
    // issue's dialog is open on that thread.
    const panel = await south.feed.openNotifications();
    await panel.locator(`a[href="/p/${pid}?thread=${threadId}"]`).click();
    await expect(south.page).toHaveURL(`/p/${pid}/issues?thread=${threadId}`);
    const sofiaDialog = south.page.getByTestId("item-comments-dialog");
    await expect(sofiaDialog.getByRole("heading", { level: 2 })).toHaveText(
      `Comments on “${title}”`,
    );
    const linked = sofiaDialog
      .getByTestId("resolved-comment-threads")
      .locator(`[data-thread-id="${threadId}"]`);
    await expect(linked).toHaveAttribute("aria-current", "true");
    await expect(linked.getByTestId("comment")).toContainText("Who applies? @Sofia Marchetti");

    // Closing it drops the link from the URL: the dialog does not come back by itself.
    await sofiaDialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(sofiaDialog).toHaveCount(0);
    await expect(south.page).toHaveURL(`/p/${pid}/issues`);

    // With a lens in the URL: kept on the way to the item, and after closing.
    await south.page.goto(`/p/${pid}?lens=theirs&thread=${threadId}`);
    await expect(south.page).toHaveURL(`/p/${pid}/issues?lens=theirs&thread=${threadId}`);
    await expect(sofiaDialog.locator(`[data-thread-id="${threadId}"]`)).toHaveAttribute(
      "aria-current",
      "true",
    );
    await sofiaDialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(south.page).toHaveURL(`/p/${pid}/issues?lens=theirs`);
    await expect(
      south.page.getByTestId("lens-switch").getByRole("button", { name: "Theirs", exact: true }),
    ).toHaveAttribute("aria-pressed", "true");

    // A link to a thread that is not there says so.
    await south.page.goto(`/p/${pid}?thread=no-such-thread`);
    await expect(south.page.getByTestId("linked-thread-missing")).toHaveText(
      "The comment thread of this link cannot be found in this partnership.",
    );
  });
});
