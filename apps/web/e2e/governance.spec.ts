import { expect, test, type Browser } from "@playwright/test";
import { amara, sofia, type DemoUser } from "./fixtures/demo";
import { asPartners, closeEach, onDemoPartnership } from "./fixtures/session";

// The partner's endorsements and votes arrive by polling (every 5 s).
const POLLED = { timeout: 15_000 };

async function openAs(browser: Browser, user: DemoUser) {
  const { context, page, partnership } = await onDemoPartnership(browser, user);
  return { context, page, view: partnership };
}

test("the charter is ratified when both organizations endorse it, and shows when it changed since", async ({
  browser,
}) => {
  await asPartners(browser, openAs, closeEach, async (north, south) => {
    const amaraStatus = north.page.getByTestId("charter-status");
    const sofiaStatus = south.page.getByTestId("charter-status");
    await expect(north.page.getByTestId("connection-status")).toHaveAttribute(
      "data-state",
      "synced",
      { timeout: 20_000 },
    );
    await expect(amaraStatus).toBeVisible();

    await amaraStatus.getByRole("button", { name: "Endorse the current version" }).click();
    const northRow = (status: typeof amaraStatus) =>
      status.getByTestId("endorsement-row").filter({ hasText: "Northwind" });
    await expect(northRow(amaraStatus)).toContainText(`endorsed by ${amara.name}`);
    await expect(northRow(amaraStatus)).toContainText("current");
    await expect(amaraStatus).toContainText("Your organization endorsed the current version.");

    // Southpeak sees Northwind's endorsement, read out on its page, not on Amara's; then it
    // endorses the same version: ratified.
    await expect(northRow(sofiaStatus)).toContainText(`endorsed by ${amara.name}`, POLLED);
    await expect(south.page.getByTestId("announcer")).toHaveText(
      new RegExp(`^${amara.name} endorsed version \\d+ of the charter for Northwind$`),
    );
    await expect(north.page.getByTestId("announcer")).not.toContainText("endorsed");
    await sofiaStatus.getByRole("button", { name: "Endorse the current version" }).click();
    await expect(sofiaStatus).toHaveAttribute("data-state", "ratified");
    await expect(sofiaStatus).toContainText("Ratified");
    await expect(amaraStatus).toHaveAttribute("data-state", "ratified", POLLED);
    await expect(north.page.getByTestId("announcer")).toHaveText(
      new RegExp(`^${sofia.name} endorsed version \\d+ of the charter for Southpeak$`),
    );
    // People see a version number and who endorsed it, never a hash.
    const label = sofiaStatus.getByTestId("charter-version-label");
    await expect(label).toHaveText(/^Version \d+ · .+ · endorsed by Northwind, Southpeak$/);
    await expect(sofiaStatus).toContainText("Ratified means every organization endorsed");
    await expect(sofiaStatus).not.toContainText(/[0-9a-f]{8}/);
    const ratifiedVersion = (await label.textContent())?.match(/^Version (\d+)/)?.[1] ?? "";

    // The charter moves on: both see it changed since it was endorsed, and who endorsed what.
    const editor = north.page.getByTestId("charter-editor");
    await editor.click();
    await north.page.keyboard.press("ControlOrMeta+End");
    await north.page.keyboard.press("Enter");
    await north.page.keyboard.type("Amended: a joint review every six months.");
    await expect(south.page.getByTestId("charter-editor")).toContainText("Amended:");
    await expect(sofiaStatus).toHaveAttribute("data-state", "changed", POLLED);
    await expect(sofiaStatus).toContainText("Changed since endorsement");
    await expect(northRow(sofiaStatus)).toContainText("changed since");
    await expect(northRow(sofiaStatus)).toContainText(
      `The charter changed since Northwind endorsed version ${ratifiedVersion}.`,
    );
    await expect(sofiaStatus.getByTestId("charter-version-label")).toHaveText(
      /^Version \d+ · not endorsed yet$/,
    );
    await expect(amaraStatus).toHaveAttribute("data-state", "changed", POLLED);
    await expect(
      amaraStatus.getByRole("button", { name: "Endorse the current version" }),
    ).toBeVisible();
  });
});

test("a decision takes effect only when every organization approved it", async ({ browser }) => {
  await asPartners(browser, openAs, closeEach, async (north, south) => {
    await Promise.all([north.view.openSection("decisions"), south.view.openSection("decisions")]);
    const title = `Share the Grenoble depot ${Date.now()}`;

    await north.page.getByRole("button", { name: "Propose a decision" }).click();
    const form = north.page.getByRole("form", { name: "Propose a decision" });
    await form.getByLabel("Decision", { exact: true }).fill(title);
    await form
      .getByLabel("Context and options weighed")
      .fill("Cheaper than two half-empty depots.");
    await form.getByRole("button", { name: "Propose", exact: true }).click();

    const decision = (page: typeof north.page) =>
      page.getByTestId("decision").filter({ hasText: title });
    const amaraDecision = decision(north.page);
    const sofiaDecision = decision(south.page);
    await expect(sofiaDecision).toBeVisible();
    await expect(sofiaDecision.getByTestId("decision-outcome")).toHaveText(
      "Awaiting every organization",
    );
    await expect(sofiaDecision.getByTestId("org-tag").first()).toHaveText("Northwind");

    // One key: Northwind approves; still pending.
    await amaraDecision.getByRole("button", { name: "Approve" }).click();
    const northVote = (card: typeof amaraDecision) =>
      card.getByTestId("vote-row").filter({ hasText: "Northwind" });
    await expect(northVote(amaraDecision)).toHaveAttribute("data-vote", "approve");
    await expect(amaraDecision).toHaveAttribute("data-outcome", "pending");
    await expect(northVote(sofiaDecision)).toHaveAttribute("data-vote", "approve", POLLED);
    await expect(sofiaDecision).toHaveAttribute("data-outcome", "pending");
    // The partner's vote is read out on the page that shows it; the voter's page says nothing.
    await expect(south.page.getByTestId("announcer")).toHaveText(
      `${amara.name} approved “${title}” for Northwind`,
    );
    await expect(north.page.getByTestId("announcer")).not.toContainText("approved");

    // Second key: Southpeak approves; the decision is in effect for both.
    await sofiaDecision.getByRole("textbox", { name: "Comment with your vote" }).fill("Agreed.");
    await sofiaDecision.getByRole("button", { name: "Approve" }).click();
    await expect(sofiaDecision).toHaveAttribute("data-outcome", "approved");
    await expect(sofiaDecision.getByTestId("decision-outcome")).toHaveText("In effect");
    await expect(amaraDecision).toHaveAttribute("data-outcome", "approved", POLLED);
    await expect(north.page.getByTestId("announcer")).toHaveText(
      `${sofia.name} approved “${title}” for Southpeak`,
    );
    await expect(
      amaraDecision.getByTestId("vote-row").filter({ hasText: "Southpeak" }),
    ).toContainText("Agreed.");
    // A decided decision stays as it was voted on.
    await expect(amaraDecision.getByRole("button", { name: /^Edit decision/ })).toHaveCount(0);
    await expect(amaraDecision.getByRole("button", { name: "Approve" })).toHaveCount(0);
  });
});
