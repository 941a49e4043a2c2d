import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { amara, DEMO_PARTNERSHIP, DEMO_PASSWORD, lucas, type DemoUser } from "./fixtures/demo";
import { NotificationsPage } from "./fixtures/notifications-page";

// Seeding some thirty posts and replies, then one browser through every filter.
test.describe.configure({ timeout: 120_000 });

const doc = (...content: unknown[]) => ({
  type: "doc",
  content: [{ type: "paragraph", content }],
});
const mentionOf = (id: string, label: string) => ({
  type: "mention",
  attrs: { id, kind: "user", label },
});

async function apiAs(browser: Browser, user: DemoUser) {
  const context = await browser.newContext();
  const login = await context.request.post("/api/auth/login", {
    data: { email: user.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return context;
}

async function post(api: APIRequestContext, partnershipId: string, title: string, body: unknown) {
  const response = await api.post(`/api/partnerships/${partnershipId}/posts`, {
    data: { title, body, tag: "information" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).post.id as string;
}

/** Every notification of the reader, through the API's pages: what the page must end up listing. */
async function everyNotification(api: APIRequestContext) {
  const all: { id: string }[] = [];
  let cursor: string | null = null;
  let unread = 0;
  do {
    const query: string = cursor === null ? "" : `&before=${cursor}`;
    const page = (await (await api.get(`/api/notifications?limit=50${query}`)).json()) as {
      notifications: { id: string }[];
      unread: number;
      nextCursor: string | null;
    };
    all.push(...page.notifications);
    unread = page.unread;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { count: all.length, unread };
}

test("the notifications page: what the bell holds, filtered, page after page, marked read", async ({
  browser,
}) => {
  const stamp = Date.now();
  const north = await apiAs(browser, amara);
  const south = await apiAs(browser, lucas);
  const reader = await browser.newContext();
  let readerId = "";
  let demoId = "";
  try {
    // A Northwind member of the demo and of a second partnership of Northwind's alone.
    const me = await (await north.request.get("/api/me")).json();
    demoId = me.partnerships.find((p: { name: string }) => p.name === DEMO_PARTNERSHIP).id;
    const created = await north.request.post("/api/partnerships", {
      data: { name: `Northwind inbox ${stamp}`, organizationId: me.organizations[0].id },
    });
    expect(created.status()).toBe(201);
    const secondId = (await created.json()).partnership.id as string;
    const signup = await reader.request.post("/api/auth/signup", {
      data: {
        email: `inbox.${stamp}@northwind.example`,
        password: "inbox-reader-2026",
        name: "Iris Inbox",
      },
    });
    expect(signup.status()).toBe(201);
    readerId = (await signup.json()).user.id;
    for (const partnershipId of [demoId, secondId]) {
      const invitation = await north.request.post(
        `/api/partnerships/${partnershipId}/invitations`,
        {
          data: { kind: "member", role: "editor" },
        },
      );
      const { token } = (await invitation.json()).invitation;
      expect(
        (await reader.request.post(`/api/invitations/${token}/accept`, { data: {} })).status(),
      ).toBe(200);
    }

    // In the demo, Southpeak mentions the reader twice and replies to their post.
    await post(
      south.request,
      demoId,
      `Shipment plan ${stamp}`,
      doc(mentionOf(readerId, "Iris Inbox")),
    );
    await post(
      south.request,
      demoId,
      `Pilot regions ${stamp}`,
      doc(mentionOf(readerId, "Iris Inbox")),
    );
    const news = await post(
      reader.request,
      demoId,
      `Iris news ${stamp}`,
      doc({ type: "text", text: "Hello" }),
    );
    const replied = await south.request.post(`/api/posts/${news}/replies`, {
      data: { body: doc({ type: "text", text: "Welcome!" }) },
    });
    expect(replied.status()).toBe(201);
    // In the second partnership, Northwind's admin mentions them 22 times: more than a page.
    let lastSecond = "";
    for (let i = 1; i <= 22; i++) {
      lastSecond = await post(
        north.request,
        secondId,
        `Second ${i} ${stamp}`,
        doc(mentionOf(readerId, "Iris Inbox")),
      );
    }
    const total = await everyNotification(reader.request);
    expect(total.count).toBeGreaterThanOrEqual(25);

    // Signed up, so signed in.
    const page = await reader.newPage();
    // Short enough that the first page fills it: the next one waits for a scroll or a press.
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Your partnerships" })).toBeVisible();
    const inbox = new NotificationsPage(page);
    await inbox.openFromBell();

    // The first page; the newest first, unread and saying so.
    await expect(inbox.items).toHaveCount(20);
    await expect(inbox.items.first()).toContainText(
      `Amara Diallo mentioned you in “Second 22 ${stamp}”`,
    );
    await expect(inbox.items.first()).toHaveAttribute("data-unread", "true");
    await expect(inbox.unread).toHaveText(`${total.unread} unread`);
    await expect(inbox.bellCount).toHaveText(String(total.unread));

    // A keyboard user asks for more: the focus goes to the first notification that came.
    await inbox.loadMore.focus();
    await page.keyboard.press("Enter");
    await expect(inbox.items).toHaveCount(Math.min(total.count, 40));
    await expect(inbox.items.nth(20).getByRole("link")).toBeFocused();

    // Scrolling loads the rest, each once, and stops at the end.
    await expect(async () => {
      await page.mouse.wheel(0, 4000);
      await expect(inbox.end).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await expect(inbox.items).toHaveCount(total.count);
    const texts = await inbox.texts();
    expect(new Set(texts).size).toBe(texts.length);
    await expect(inbox.loadMore).toHaveCount(0);

    // By kind: the reply alone; the address says so.
    await inbox.toggleKind("Replies", true);
    await expect(page).toHaveURL(/\/notifications\?kind=reply$/);
    await expect(inbox.kinds).toHaveText("Kinds: 1 chosen");
    await expect(inbox.items).toHaveCount(1);
    await expect(inbox.items.first()).toContainText(
      `Lucas Bernard replied to “Iris news ${stamp}”`,
    );

    // And by partnership: the demo's mentions and reply; a reload keeps both filters.
    await inbox.partnership.selectOption({ label: DEMO_PARTNERSHIP });
    await expect(page).toHaveURL(new RegExp(`/notifications\\?partnership=${demoId}&kind=reply$`));
    await inbox.toggleKind("Replies", false);
    await inbox.toggleKind("Mentions of you", true);
    await expect(inbox.items).toHaveCount(2);
    await page.reload();
    await expect(page).toHaveURL(
      new RegExp(`/notifications\\?partnership=${demoId}&kind=mention$`),
    );
    await expect(inbox.partnership).toHaveValue(demoId);
    await expect(inbox.kinds).toHaveText("Kinds: 1 chosen");
    await expect(inbox.items).toHaveCount(2);
    expect(await inbox.texts()).toEqual([
      `Unread: Lucas Bernard mentioned you in “Pilot regions ${stamp}”`,
      `Unread: Lucas Bernard mentioned you in “Shipment plan ${stamp}”`,
    ]);
    await expect(inbox.unread).toHaveText("2 unread here");

    // Mark one read: it stops standing out, and the bell's count follows.
    const pilot = inbox.item(`Pilot regions ${stamp}`);
    await pilot.getByRole("button", { name: "Mark as read" }).click();
    await expect(pilot).toHaveAttribute("data-unread", "false");
    await expect(inbox.unread).toHaveText("1 unread here");
    await expect(inbox.bellCount).toHaveText(String(total.unread - 1));

    // Mark what the filter shows read: the other partnership's stay unread.
    await inbox.toggleKind("Mentions of you", false);
    await expect(inbox.items).toHaveCount(3);
    await page.getByRole("button", { name: "Mark these as read" }).click();
    await expect(inbox.unread).toHaveText("Nothing unread here");
    await expect(inbox.items.locator('[data-unread="true"]')).toHaveCount(0);
    await expect(inbox.bellCount).toHaveText(String(total.unread - 3));

    // A filter nothing matches says so, and leads back to everything.
    await inbox.toggleKind("Health check results", true);
    await expect(inbox.empty).toContainText("No notification matches these filters.");
    await inbox.empty.getByRole("button", { name: "Show all notifications" }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(inbox.items.first()).toHaveAttribute("data-unread", "true");

    // Mark all read: the bell empties.
    await page.getByRole("main").getByRole("button", { name: "Mark all as read" }).click();
    await expect(inbox.unread).toHaveText("Everything is read");
    await expect(inbox.bellCount).toHaveCount(0);

    // Each one leads where the bell's does: the newest, to its post in the second partnership.
    await inbox.item(`Second 22 ${stamp}`).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/p/${secondId}/updates\\?post=${lastSecond}$`));
  } finally {
    // The demo's members stay as the other specs expect them.
    if (readerId && demoId) {
      await reader.request
        .delete(`/api/partnerships/${demoId}/members/${readerId}`)
        .catch(() => undefined);
    }
    await reader.close();
    await north.close();
    await south.close();
  }
});
