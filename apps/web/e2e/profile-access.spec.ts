import { addContribution } from "@entente/schema";
import { expect, test, type Page } from "@playwright/test";
import * as Y from "yjs";
import { amara, ben, DEMO_PARTNERSHIP, sofia } from "./fixtures/demo";
import { LoginPage } from "./fixtures/login-page";
import { PartnershipPage } from "./fixtures/partnership-page";

/** y-websocket framing: a sync message (type 0) of the given sync type, then the update. */
function syncFrame(syncType: 1 | 2, update: Uint8Array): number[] {
  const varUint = (n: number): number[] => {
    const out: number[] = [];
    while (n > 0x7f) {
      out.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.push(n);
    return out;
  };
  return [...varUint(0), ...varUint(syncType), ...varUint(update.length), ...update];
}

/** An update adding a contribution, as a client of `organizationId` would write it. */
function contributionUpdate(description: string, userId: string, organizationId: string) {
  const doc = new Y.Doc();
  addContribution(
    doc,
    { kind: "funding", description, unit: "EUR", promisedAmount: 1_000_000 },
    { userId, organizationId },
  );
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Opens a raw socket on a document from inside the page (so with the page's session cookie
 * and origin, as a modified client would) and pushes an update as both a sync step 2 and an
 * update message.
 */
async function pushThroughSocket(page: Page, documentName: string, update: Uint8Array) {
  const url = new URL(`/sync/${documentName}`, page.url());
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  await page.evaluate(
    async ({ url, frames }) => {
      const socket = new WebSocket(url);
      socket.binaryType = "arraybuffer";
      await new Promise<void>((resolve, reject) => {
        socket.onopen = () => resolve();
        socket.onerror = () => reject(new Error(`socket to ${url} failed`));
      });
      for (const frame of frames) socket.send(new Uint8Array(frame));
      // Leave the server time to handle both frames before the socket goes.
      await new Promise((resolve) => setTimeout(resolve, 750));
      socket.close();
    },
    { url: url.toString(), frames: [syncFrame(2, update), syncFrame(2, update)] },
  );
}

test("a Southpeak user cannot edit Northwind's contributions, in the UI or through the socket", async ({
  browser,
}) => {
  const stamp = Date.now();
  const genuine = `Two data engineers for the shared platform ${stamp}`;
  const forged = `Forged by Southpeak: Northwind pays everything ${stamp}`;
  const control = `Southpeak opens its Alpine depots ${stamp}`;

  const northwind = await browser.newContext();
  const southpeak = await browser.newContext();
  const freshNorthwind = await browser.newContext();
  try {
    // Northwind lists a contribution in its own profile.
    const amaraPage = await northwind.newPage();
    await new LoginPage(amaraPage).loginAs(amara);
    const amaraView = new PartnershipPage(amaraPage);
    await amaraView.openFromHome(DEMO_PARTNERSHIP);
    await amaraView.openSection("organizations");
    const amaraColumn = amaraView.profileColumn("Northwind");
    await amaraColumn.getByRole("button", { name: "Add contribution" }).click();
    const form = amaraColumn.getByRole("form", { name: "Add contribution" });
    await form.getByLabel("Kind").selectOption({ label: "People" });
    await form.getByLabel("Unit").fill("FTE");
    await form.getByLabel("Description").fill(genuine);
    await form.getByLabel("Promised").fill("2");
    await form.getByLabel("Delivered").fill("1");
    await form.getByRole("button", { name: "Add", exact: true }).click();
    await expect(
      amaraColumn.getByTestId("contribution").filter({ hasText: genuine }),
    ).toBeVisible();

    // Southpeak sees it, read-only: a visible hint, no way to add, edit or delete.
    const sofiaPage = await southpeak.newPage();
    await new LoginPage(sofiaPage).loginAs(sofia);
    const sofiaView = new PartnershipPage(sofiaPage);
    await sofiaView.openFromHome(DEMO_PARTNERSHIP);
    await sofiaView.openSection("organizations");
    const northColumn = sofiaView.profileColumn("Northwind");
    const southColumn = sofiaView.profileColumn("Southpeak");
    await expect(northColumn).toHaveAttribute("data-sync", "synced");
    const seen = northColumn.getByTestId("contribution").filter({ hasText: genuine });
    await expect(seen).toBeVisible();
    await expect(northColumn).toHaveAttribute("data-writable", "false");
    await expect(northColumn.getByTestId("read-only")).toBeVisible();
    await expect(northColumn.getByTestId("read-only")).toContainText("Read only");
    // Nothing to edit: the only buttons are the items' comments (partners discuss them).
    await expect(northColumn.locator('button:not([data-testid="item-comments"])')).toHaveCount(0);
    await expect(seen.getByTestId("item-comments")).toBeVisible();
    await expect(northColumn.locator("input, select, textarea")).toHaveCount(0);
    // Her own organization's column is hers to edit.
    await expect(southColumn).toHaveAttribute("data-writable", "true");
    await expect(southColumn.getByRole("button", { name: "Add contribution" })).toBeVisible();

    // A forced write: Sofia's session pushes a contribution into Northwind's profile
    // through the sync socket, claiming to be Northwind. As a control, the same push
    // into her own organization's profile is stored.
    const partnershipId = sofiaView.partnershipId();
    const details = await sofiaPage.request.get(`/api/partnerships/${partnershipId}`);
    const { organizations } = (await details.json()) as {
      organizations: { id: string; name: string }[];
    };
    const me = (await (await sofiaPage.request.get("/api/me")).json()) as {
      user: { id: string };
    };
    const northwindId = organizations.find((o) => o.name === "Northwind")!.id;
    const southpeakId = organizations.find((o) => o.name === "Southpeak")!.id;
    await pushThroughSocket(
      sofiaPage,
      `${partnershipId}/org/${northwindId}/profile`,
      contributionUpdate(forged, me.user.id, northwindId),
    );
    await pushThroughSocket(
      sofiaPage,
      `${partnershipId}/org/${southpeakId}/profile`,
      contributionUpdate(control, me.user.id, southpeakId),
    );
    await expect(
      southColumn.getByTestId("contribution").filter({ hasText: control }),
    ).toBeVisible();

    // A fresh Northwind view (another Northwind member, a new session) loads what the
    // server stored: the control and the genuine contribution, never the forged one.
    const benPage = await freshNorthwind.newPage();
    await new LoginPage(benPage).loginAs(ben);
    const benView = new PartnershipPage(benPage);
    await benView.openFromHome(DEMO_PARTNERSHIP);
    await benView.openSection("organizations");
    const benNorth = benView.profileColumn("Northwind");
    const benSouth = benView.profileColumn("Southpeak");
    await expect(benNorth).toHaveAttribute("data-sync", "synced");
    await expect(benSouth).toHaveAttribute("data-sync", "synced");
    await expect(benSouth.getByTestId("contribution").filter({ hasText: control })).toBeVisible();
    await expect(benNorth.getByTestId("contribution").filter({ hasText: genuine })).toBeVisible();
    await expect(benView.page.getByText(forged)).toHaveCount(0);
    // Nor did it reach the live views: the server relays nothing it did not store.
    await expect(amaraView.page.getByText(forged)).toHaveCount(0);
    await expect(sofiaView.page.getByText(forged)).toHaveCount(0);

    // The server's own reading of the stored profile agrees.
    const exported = await benPage.request.get(`/api/partnerships/${partnershipId}/export.md`);
    expect(exported.ok()).toBe(true);
    const markdown = await exported.text();
    expect(markdown).toContain(genuine);
    expect(markdown).toContain(control);
    expect(markdown).not.toContain(forged);
  } finally {
    await northwind.close();
    await southpeak.close();
    await freshNorthwind.close();
  }
});
