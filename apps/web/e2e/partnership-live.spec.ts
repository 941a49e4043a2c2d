import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import type { DemoUser } from "./fixtures/demo";
import type { PartnershipPage } from "./fixtures/partnership-page";
import { asPartners, closeEach, onDemoPartnership } from "./fixtures/session";

async function openAs(
  browser: Browser,
  user: DemoUser,
): Promise<{ context: BrowserContext; partnership: PartnershipPage }> {
  const { context, partnership } = await onDemoPartnership(browser, user);
  return { context, partnership };
}

function isoDay(offsetDays: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

test("objectives, KPIs and actions are created, edited and deleted live between organizations", async ({
  browser,
}) => {
  await asPartners(browser, openAs, closeEach, async (north, south) => {
    const amaraView = north.partnership;
    const sofiaView = south.partnership;
    await Promise.all([amaraView.openSection("objectives"), sofiaView.openSection("objectives")]);

    const title = `Cold chain pilot ${Date.now()}`;
    await amaraView.createObjective(title, "Ten producers on the shared platform by summer.");
    const seenBySofia = sofiaView.objective(title);
    await expect(seenBySofia).toBeVisible();
    await expect(seenBySofia).toContainText("Ten producers on the shared platform by summer.");
    // Whose it is: Amara created it for Northwind, the default owner.
    await expect(seenBySofia.getByTestId("org-tag").first()).toHaveText("Northwind");

    // Southpeak adds a KPI, Northwind records a measurement: both see the progress.
    await sofiaView.addKpi(title, {
      name: "Producers onboarded",
      unit: "producers",
      baseline: 0,
      target: 40,
    });
    await expect(amaraView.kpi(title, "Producers onboarded")).toBeVisible();
    await expect(amaraView.kpi(title, "Producers onboarded").getByTestId("kpi-target")).toHaveText(
      "40 producers",
    );
    await amaraView.recordMeasurement(title, "Producers onboarded", 10);
    const sofiaKpi = sofiaView.kpi(title, "Producers onboarded");
    await expect(sofiaKpi.getByTestId("kpi-latest")).toHaveText("10 producers");
    await expect(sofiaKpi.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");

    // Southpeak adds an action it owns; Northwind sees it, with Southpeak's name.
    await sofiaView.addAction(title, "Map the Alpine producers", "Southpeak");
    const amaraAction = amaraView.action(title, "Map the Alpine producers");
    await expect(amaraAction).toBeVisible();
    await expect(amaraAction.getByTestId("org-tag")).toHaveText("Southpeak");

    // Northwind marks it done; Southpeak sees the status change.
    await amaraAction
      .getByRole("combobox", { name: "Status of “Map the Alpine producers”" })
      .selectOption("done");
    await expect(
      sofiaView
        .action(title, "Map the Alpine producers")
        .getByRole("combobox", { name: "Status of “Map the Alpine producers”" }),
    ).toHaveValue("done");

    // Edits: Northwind renames the objective; Southpeak sees the new title.
    const renamed = `${title} (Alps and Jura)`;
    await amaraView.renameObjective(title, renamed);
    await expect(sofiaView.objective(renamed)).toBeVisible();
    await expect(sofiaView.objective(title)).toHaveCount(0);

    // Deletions: Southpeak deletes the action, Northwind the objective.
    const sofiaAction = sofiaView.action(renamed, "Map the Alpine producers");
    await sofiaAction
      .getByRole("button", { name: "Delete action “Map the Alpine producers”" })
      .click();
    await sofiaAction.getByRole("button", { name: "Confirm delete" }).click();
    await expect(amaraView.action(renamed, "Map the Alpine producers")).toHaveCount(0);
    await expect(amaraView.kpi(renamed, "Producers onboarded")).toBeVisible();

    await amaraView.deleteObjective(renamed);
    await expect(sofiaView.objective(renamed)).toHaveCount(0);
  });
});

test("issues are raised, edited and deleted live between organizations", async ({ browser }) => {
  await asPartners(browser, openAs, closeEach, async (north, south) => {
    const amaraView = north.partnership;
    const sofiaView = south.partnership;
    await Promise.all([amaraView.openSection("issues"), sofiaView.openSection("issues")]);

    const title = `Customs paperwork delays ${Date.now()}`;
    await sofiaView.raiseIssue({ title, severity: "High", dueDate: isoDay(-3) });

    const amaraIssue = amaraView.issue(title);
    await expect(amaraIssue).toBeVisible();
    await expect(amaraIssue.getByTestId("org-tag")).toHaveText("Southpeak");
    await expect(amaraIssue).toContainText("High");
    // Due three days ago and still open: overdue on both screens.
    await expect(amaraIssue.getByTestId("issue-due")).toContainText("Overdue");

    // Northwind escalates the severity through the edit form.
    await amaraIssue.getByRole("button", { name: `Edit “${title}”` }).click();
    const form = north.partnership.page.getByRole("form", { name: `Edit “${title}”` });
    await form.getByLabel("Severity").selectOption({ label: "Critical" });
    await form.getByRole("button", { name: "Save" }).click();
    const sofiaIssue = sofiaView.issue(title);
    await expect(sofiaIssue).toContainText("Critical");

    // Resolved: no longer overdue, for the partner too.
    await sofiaIssue
      .getByRole("combobox", { name: `Status of “${title}”` })
      .selectOption("resolved");
    await expect(amaraIssue.getByRole("combobox", { name: `Status of “${title}”` })).toHaveValue(
      "resolved",
    );
    await expect(amaraIssue.getByTestId("issue-due")).not.toContainText("Overdue");

    // The overdue filter hides it now.
    await amaraView.page.getByLabel(/^Overdue only/).check();
    await expect(amaraView.issue(title)).toHaveCount(0);
    await amaraView.page.getByLabel(/^Overdue only/).uncheck();

    await sofiaIssue.getByRole("button", { name: `Delete “${title}”` }).click();
    await sofiaIssue.getByRole("button", { name: "Confirm delete" }).click();
    await expect(amaraView.issue(title)).toHaveCount(0);
  });
});
