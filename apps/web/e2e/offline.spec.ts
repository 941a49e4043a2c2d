import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { CharterPage } from "./fixtures/charter-page";
import { amara, DEMO_PARTNERSHIP, sofia } from "./fixtures/demo";
import { LoginPage } from "./fixtures/login-page";
import { NetworkRelay } from "./fixtures/network-relay";
import { partnersSignedIn } from "./fixtures/session";

/** The service worker controls the page: what it loads from now on is kept for offline. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 15_000,
    })
    .toBe(true);
}

async function goOffline(context: BrowserContext, relay: NetworkRelay): Promise<void> {
  relay.disconnect();
  await context.setOffline(true);
}

async function goOnline(context: BrowserContext, relay: NetworkRelay): Promise<void> {
  relay.reconnect();
  await context.setOffline(false);
}

// Two browsers, an offline reload, a reconnect and a sign-out: a long walk.
test.describe.configure({ timeout: 120_000 });

test("the charter is edited offline, survives an offline reload and reaches the partner on reconnect", async ({
  browser,
  baseURL,
}) => {
  const relay = await NetworkRelay.start(baseURL ?? "");
  // Amara goes through the relay (her network can be cut); Sofia straight to the server.
  const { northwind, amaraPage, sofiaPage, close } = await partnersSignedIn(browser, {
    baseURL: relay.origin,
  }).catch(async (error: unknown) => {
    await relay.close();
    throw error;
  });
  try {
    await waitForServiceWorker(amaraPage);

    const amaraCharter = new CharterPage(amaraPage);
    const sofiaCharter = new CharterPage(sofiaPage);
    await Promise.all([
      amaraCharter.openSynced(DEMO_PARTNERSHIP),
      sofiaCharter.openSynced(DEMO_PARTNERSHIP),
    ]);
    await expect(amaraCharter.connectionStatus).toHaveText("Saved");
    const charterUrl = amaraPage.url();

    await goOffline(northwind, relay);
    await expect(amaraCharter.connectionStatus).toHaveAttribute("data-state", "offline");

    const offlineLine = "Written on the train, with no network at all.";
    await amaraCharter.appendParagraph(offlineLine);
    await expect(amaraCharter.connectionStatus).toHaveText(/^Offline — \d+ changes? waiting/);
    await expect(amaraCharter.connectionStatus).not.toHaveAttribute("data-pending", "0");
    // Nothing reached the partner.
    await expect(sofiaCharter.editor).not.toContainText(offlineLine);

    // Leaving with changes waiting asks first (accepted here: the reload goes on).
    const leaving = amaraPage.waitForEvent("dialog").then(async (dialog) => {
      const type = dialog.type();
      await dialog.accept();
      return type;
    });
    await amaraPage.reload();
    expect(await leaving).toBe("beforeunload");

    // Reloaded with no network: the page comes from the service worker, the text from IndexedDB.
    expect(amaraPage.url()).toBe(charterUrl);
    await expect(amaraPage.getByTestId("partnership-name")).toHaveText(DEMO_PARTNERSHIP);
    await expect(amaraCharter.editor).toContainText(offlineLine);
    await expect(amaraCharter.connectionStatus).toHaveText(/^Offline — \d+ changes? waiting/);

    // An action that needs the server says so.
    await amaraPage.getByTestId("invite-launcher").click();
    await amaraPage.getByRole("button", { name: "Create invitation link" }).click();
    await expect(amaraPage.getByText("You are offline: this needs a connection")).toBeVisible();

    await goOnline(northwind, relay);
    await expect(amaraCharter.connectionStatus).toHaveAttribute("data-state", "synced", {
      timeout: 20_000,
    });
    await expect(amaraCharter.connectionStatus).toHaveText("Saved");
    // The partner's browser hears of it through the server's broadcast, after the store.
    await expect(sofiaCharter.editor).toContainText(offlineLine, { timeout: 20_000 });

    // Saved means saved: a fresh session of the partner reads it from the server.
    await sofiaPage.reload();
    await expect(sofiaCharter.editor).toContainText(offlineLine, { timeout: 20_000 });
  } finally {
    await close();
    await relay.close();
  }
});

test("a change IndexedDB had not written when the page reloaded is not lost", async ({
  browser,
  baseURL,
}) => {
  const relay = await NetworkRelay.start(baseURL ?? "");
  const northwind = await browser.newContext({ baseURL: relay.origin });
  const southpeak = await browser.newContext();
  try {
    const amaraPage = await northwind.newPage();
    await new LoginPage(amaraPage).loginAs(amara);
    await waitForServiceWorker(amaraPage);
    const amaraCharter = new CharterPage(amaraPage);
    await amaraCharter.openSynced(DEMO_PARTNERSHIP);
    await goOffline(northwind, relay);
    await expect(amaraCharter.connectionStatus).toHaveAttribute("data-state", "offline");

    // The browser drops the IndexedDB writes still queued when a page unloads (under load,
    // many are): here none of this visit's changes reach IndexedDB at all.
    await amaraPage.evaluate(() => {
      IDBObjectStore.prototype.add = function dropped() {
        return {} as IDBRequest<IDBValidKey>;
      };
    });
    const line = "Typed a moment before the reload.";
    await amaraCharter.appendParagraph(line);
    await expect(amaraCharter.connectionStatus).toHaveText(/^Offline — \d+ changes? waiting/);
    amaraPage.once("dialog", (dialog) => void dialog.accept());
    await amaraPage.reload();

    await expect(amaraCharter.editor).toContainText(line);
    await expect(amaraCharter.connectionStatus).toHaveText(/^Offline — \d+ changes? waiting/);

    await goOnline(northwind, relay);
    await expect(amaraCharter.connectionStatus).toHaveText("Saved", { timeout: 20_000 });
    // Acknowledged by the server: the copy kept as the page went away is gone.
    await expect
      .poll(() =>
        amaraPage.evaluate(() =>
          Object.keys(localStorage).filter((key) => key.startsWith("entente-unsent/")),
        ),
      )
      .toEqual([]);
    const sofiaPage = await southpeak.newPage();
    await new LoginPage(sofiaPage).loginAs(sofia);
    const sofiaCharter = new CharterPage(sofiaPage);
    await sofiaCharter.openFromHome(DEMO_PARTNERSHIP);
    await expect(sofiaCharter.editor).toContainText(line, { timeout: 20_000 });
  } finally {
    await northwind.close();
    await southpeak.close();
    await relay.close();
  }
});

test("signing out leaves no document copies and no cached answers behind", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await new LoginPage(page).loginAs(amara);
    await waitForServiceWorker(page);
    const charter = new CharterPage(page);
    await charter.openSynced(DEMO_PARTNERSHIP);
    // Asked again when the page is navigating (signing out leads to /login, which loads the
    // sign-in pages' own entry): the answer is for the page that is there once it settles.
    const kept = () =>
      page
        .evaluate(async () => {
          const databases = await indexedDB.databases();
          const api = await caches.open("entente-api-v1");
          return {
            documents: databases.filter((d) => d.name?.startsWith("entente-doc/")).length,
            answers: (await api.keys()).length,
          };
        })
        .catch((error: unknown) => {
          if (String(error).includes("Execution context was destroyed")) return null;
          throw error;
        });
    await expect.poll(async () => (await kept())?.documents).toBeGreaterThan(0);
    await expect.poll(async () => (await kept())?.answers).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect.poll(kept).toEqual({ documents: 0, answers: 0 });
  } finally {
    await context.close();
  }
});
