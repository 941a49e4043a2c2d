import { expect, test } from "@playwright/test";
import { DEMO_PARTNERSHIP } from "./fixtures/demo";
import { PartnershipPage } from "./fixtures/partnership-page";
import { partnersSignedIn } from "./fixtures/session";

test("the lens switch shows ours, theirs or both in every section, and stays in the URL", async ({
  browser,
}) => {
  const stamp = Date.now();
  const northObjective = `Northwind route planning ${stamp}`;
  const southObjective = `Southpeak depot network ${stamp}`;
  const northIssue = `Northwind driver shortage ${stamp}`;
  const southIssue = `Southpeak permit renewal ${stamp}`;
  const southConstraint = `Depots closed in August ${stamp}`;

  const { amaraPage, sofiaPage, close } = await partnersSignedIn(browser);
  try {
    const amaraView = new PartnershipPage(amaraPage);
    const sofiaView = new PartnershipPage(sofiaPage);
    await Promise.all([
      amaraView.openFromHome(DEMO_PARTNERSHIP),
      sofiaView.openFromHome(DEMO_PARTNERSHIP),
    ]);

    // Each organization creates what it owns (the forms default to the author's organization).
    await Promise.all([amaraView.openSection("objectives"), sofiaView.openSection("objectives")]);
    await amaraView.createObjective(northObjective);
    await sofiaView.createObjective(southObjective);
    await Promise.all([amaraView.openSection("issues"), sofiaView.openSection("issues")]);
    await amaraView.raiseIssue({ title: northIssue });
    await sofiaView.raiseIssue({ title: southIssue });

    // Southpeak discloses a constraint on Northwind's objective.
    await sofiaView.openSection("organizations");
    const sofiaColumn = sofiaView.profileColumn("Southpeak");
    await sofiaColumn.getByRole("button", { name: "Add constraint" }).click();
    const form = sofiaColumn.getByRole("form", { name: "Add constraint" });
    await form.getByLabel("Kind").selectOption({ label: "Capacity" });
    await form.getByLabel("Severity").selectOption({ label: "High" });
    await form.getByLabel("Description").fill(southConstraint);
    await form.getByLabel(northObjective).check();
    await form.getByRole("button", { name: "Add", exact: true }).click();
    await expect(
      sofiaColumn.getByTestId("constraint").filter({ hasText: southConstraint }),
    ).toBeVisible();

    // Both: everything, each item with its organization's name; the constraint sits beside
    // the objective it affects.
    await amaraView.openSection("objectives");
    await expect(amaraView.objective(northObjective)).toBeVisible();
    await expect(amaraView.objective(southObjective)).toBeVisible();
    await expect(amaraView.objective(northObjective).getByTestId("org-tag").first()).toHaveText(
      "Northwind",
    );
    await expect(amaraView.objective(southObjective).getByTestId("org-tag").first()).toHaveText(
      "Southpeak",
    );
    const besideNorth = amaraView
      .objective(northObjective)
      .getByTestId("constraint-note")
      .filter({ hasText: southConstraint });
    await expect(besideNorth).toBeVisible();
    await expect(besideNorth.getByTestId("org-tag")).toHaveText("Southpeak");

    // Ours: Northwind's objective only, without Southpeak's constraint; the URL says so.
    await amaraView.setLens("Ours");
    await expect(amaraPage).toHaveURL(/[?&]lens=ours/);
    await expect(amaraView.objective(northObjective)).toBeVisible();
    await expect(amaraView.objective(southObjective)).toHaveCount(0);
    await expect(
      amaraView.objective(northObjective).getByTestId("constraint-note").filter({
        hasText: southConstraint,
      }),
    ).toHaveCount(0);
    await expect(amaraPage.getByTestId("lens-hidden")).toBeVisible();

    // The lens follows the user to the issues log.
    await amaraView.openSection("issues");
    await expect(amaraPage).toHaveURL(/\/issues\?lens=ours$/);
    await expect(amaraView.issue(northIssue)).toBeVisible();
    await expect(amaraView.issue(southIssue)).toHaveCount(0);

    // Theirs: Southpeak's issue only.
    await amaraView.setLens("Theirs");
    await expect(amaraView.issue(southIssue)).toBeVisible();
    await expect(amaraView.issue(northIssue)).toHaveCount(0);
    await expect(amaraView.issue(southIssue).getByTestId("org-tag")).toHaveText("Southpeak");

    // And to the organizations: only the partner's column.
    await amaraView.openSection("organizations");
    await expect(amaraView.profileColumn("Southpeak")).toBeVisible();
    await expect(amaraView.profileColumn("Northwind")).toHaveCount(0);

    // A reload keeps the lens.
    await amaraPage.reload();
    await expect(
      amaraPage.getByTestId("lens-switch").getByRole("button", { name: "Theirs", exact: true }),
    ).toHaveAttribute("aria-pressed", "true");
    await expect(amaraView.profileColumn("Southpeak")).toBeVisible();
    await expect(amaraView.profileColumn("Northwind")).toHaveCount(0);

    // Both again: every column, every objective.
    await amaraView.setLens("Both");
    await expect(amaraPage).not.toHaveURL(/lens=/);
    await expect(amaraView.profileColumn("Northwind")).toBeVisible();
    await amaraView.openSection("objectives");
    await expect(amaraView.objective(northObjective)).toBeVisible();
    await expect(amaraView.objective(southObjective)).toBeVisible();
  } finally {
    await close();
  }
});
