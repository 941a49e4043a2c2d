import { expect, test, type Browser } from "@playwright/test";
import type { DemoUser } from "./fixtures/demo";
import { asPartners, closeEach, onDemoPartnership } from "./fixtures/session";

// The partner's votes arrive by polling (every 5 s).
const POLLED = { timeout: 15_000 };

async function openAs(browser: Browser, user: DemoUser) {
  const { context, page, partnership } = await onDemoPartnership(browser, user);
  await partnership.openSection("decisions");
  return { context, page, view: partnership };
}

test("an approved decision rewritten by an outdated copy is put back in the other browser", async ({
  browser,
}) => {
  // Two browsers, two signs-in and a poll or two: more than the default on a shared machine.
  test.setTimeout(120_000);
  await asPartners(browser, openAs, closeEach, async (north, south) => {
    const title = `Shared depot in Lyon ${Date.now()}`;
    const rewritten = `${title}, costs paid by Northwind`;
    await north.page.getByRole("button", { name: "Propose a decision" }).click();
    const form = north.page.getByRole("form", { name: "Propose a decision" });
    await form.getByLabel("Decision", { exact: true }).fill(title);
    await form.getByLabel("Context and options weighed").fill("Costs shared 50/50.");
    await form.getByRole("button", { name: "Propose", exact: true }).click();

    const card = (page: typeof north.page) =>
      page.getByTestId("decision").filter({ hasText: title });
    await card(north.page).getByRole("button", { name: "Approve" }).click();
    await expect(card(north.page).getByTestId("vote-row").first()).toHaveAttribute(
      "data-vote",
      "approve",
    );

    // Sofia opens the edit form while the decision is pending; Southpeak's approval then
    // lands (from another of her tabs), so her form is now an outdated copy.
    const sofiaCard = card(south.page);
    const decisionId = await sofiaCard.getAttribute("data-decision-id");
    await sofiaCard.getByRole("button", { name: `Edit decision “${title}”` }).click();
    const edit = south.page.getByRole("form", { name: `Edit decision “${title}”` });
    const approved = await south.page.request.post(
      `/api/partnerships/${south.view.partnershipId()}/decisions/${decisionId}/votes`,
      { data: { vote: "approve" } },
    );
    expect(approved.status()).toBe(201);
    expect((await approved.json()).outcome).toBe("approved");
    await expect(card(north.page)).toHaveAttribute("data-outcome", "approved", POLLED);

    // The outdated form rewrites the decided text through the CRDT.
    await edit.getByLabel("Decision", { exact: true }).fill(rewritten);
    await edit.getByRole("button", { name: "Save" }).click();

    // The sync server puts the decided text back: both copies converge, nobody reloads.
    for (const page of [north.page, south.page]) {
      const decided = card(page);
      await expect(decided).toHaveAttribute("data-outcome", "approved", POLLED);
      await expect(decided).not.toHaveAttribute("data-restoring", "true");
      await expect(decided.getByRole("heading", { level: 3 })).toHaveText(title);
      await expect(decided.getByTestId("decision-agreed")).toContainText(
        "The text as decided by every organization",
      );
      await expect(page.getByText(rewritten)).toHaveCount(0);
    }
    await expect(north.page.getByTestId("connection-status").first()).toHaveAttribute(
      "data-state",
      "synced",
    );

    // Changing it means a new decision that supersedes it.
    await card(north.page).getByRole("button", { name: "Propose a change" }).click();
    await expect(card(north.page).getByTestId("decision-superseded-by")).toContainText(title);
    await expect(card(south.page).first()).toHaveAttribute("data-outcome", "approved");
  });
});
