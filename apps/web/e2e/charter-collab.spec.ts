import { expect, test } from "@playwright/test";
import { CharterPage } from "./fixtures/charter-page";
import { amara, DEMO_PARTNERSHIP, sofia } from "./fixtures/demo";
import { partnersSignedIn } from "./fixtures/session";

test("two organizations co-edit the charter live", async ({ browser }) => {
  const { amaraPage, sofiaPage, close } = await partnersSignedIn(browser);
  try {
    const amaraCharter = new CharterPage(amaraPage);
    const sofiaCharter = new CharterPage(sofiaPage);
    await Promise.all([
      amaraCharter.openSynced(DEMO_PARTNERSHIP),
      sofiaCharter.openSynced(DEMO_PARTNERSHIP),
    ]);

    // The seeded charter arrived through sync before anyone typed.
    await expect(amaraCharter.editor).not.toBeEmpty();
    await expect(sofiaCharter.editor).not.toBeEmpty();

    const fromNorthwind = "Northwind commits two data engineers to the shared platform.";
    const fromSouthpeak = "Southpeak opens its distribution network in the Alps region.";

    await amaraCharter.appendParagraph(fromNorthwind);
    await expect(sofiaCharter.editor).toContainText(fromNorthwind);

    await sofiaCharter.appendParagraph(fromSouthpeak);
    await expect(amaraCharter.editor).toContainText(fromSouthpeak);
    await expect(sofiaCharter.editor).toContainText(fromNorthwind);
    await expect(amaraCharter.editor).toContainText(fromNorthwind);

    // Each sees the other's caret, labelled with the other's name, and never their own.
    await expect(amaraCharter.remoteCaret(sofia.name)).toBeVisible();
    await expect(sofiaCharter.remoteCaret(amara.name)).toBeVisible();
    await expect(amaraCharter.remoteCaret(amara.name)).toHaveCount(0);

    // Presence: both names, with their organizations, on both screens.
    for (const charter of [amaraCharter, sofiaCharter]) {
      await expect(charter.presencePerson(amara.name)).toContainText(amara.organization);
      await expect(charter.presencePerson(sofia.name)).toContainText(sofia.organization);
    }
    await expect(amaraCharter.presencePerson(amara.name)).toContainText("(you)");
    await expect(sofiaCharter.presencePerson(sofia.name)).toContainText("(you)");

    await expect(amaraCharter.connectionStatus).toHaveAttribute("data-state", "synced");
    await expect(sofiaCharter.connectionStatus).toHaveAttribute("data-state", "synced");
  } finally {
    await close();
  }
});
