import { expect, test, type Browser, type Page } from "@playwright/test";
import { amara, ben, chen, ines, lucas, sofia, type DemoUser } from "./fixtures/demo";
import { onDemoPartnership } from "./fixtures/session";

async function openHealth(browser: Browser, user: DemoUser) {
  const { context, page } = await onDemoPartnership(browser, user);
  await page.getByTestId("tab-health").click();
  await expect(page.getByTestId("health")).toBeVisible();
  return { context, page };
}

async function chooseCycle(page: Page, title: string) {
  await page.getByRole("button", { name: new RegExp(`^${title} ·`) }).click();
  await expect(
    page.getByTestId("health-cycle").getByRole("heading", { name: title }),
  ).toBeVisible();
}

/** Rates every dimension `score` (viewers too) and sends the answer. */
async function answer(browser: Browser, user: DemoUser, title: string, score: number) {
  const { context, page } = await openHealth(browser, user);
  try {
    await chooseCycle(page, title);
    const form = page.getByTestId("health-answer");
    for (const group of await form.getByRole("group").all()) {
      await group.getByRole("radio", { name: String(score), exact: true }).check();
    }
    await form.getByLabel("Comment (optional)").fill(`${user.organization} says ${score}`);
    await form.getByRole("button", { name: "Send my answer" }).click();
    await expect(form.getByRole("button", { name: "Replace my answer" })).toBeVisible();
  } finally {
    await context.close();
  }
}

test("both organizations answer; results show only past the threshold once closed", async ({
  browser,
}) => {
  // Six sign-ins in turn on a shared machine.
  test.setTimeout(240_000);
  const title = `Pilot review ${Date.now()}`;
  const admin = await openHealth(browser, amara);
  try {
    const open = admin.page.getByTestId("health-open");
    await open.getByLabel("Title").fill(title);
    // The domain's dimensions are offered; the admin keeps two.
    await expect(open.getByLabel("Dimension 1")).toHaveValue("Trust");
    for (let i = 8; i > 2; i--) {
      await open
        .getByRole("button", { name: "Remove" })
        .nth(i - 1)
        .click();
    }
    await open.getByRole("button", { name: "Open the cycle" }).click();
    await chooseCycle(admin.page, title);
  } finally {
    await admin.context.close();
  }

  // Three of Northwind (a viewer among them), two of Southpeak: below its threshold of 3.
  await answer(browser, amara, title, 5);
  await answer(browser, ben, title, 4);
  await answer(browser, chen, title, 3);
  await answer(browser, sofia, title, 2);
  await answer(browser, lucas, title, 2);

  const closer = await openHealth(browser, sofia);
  try {
    await chooseCycle(closer.page, title);
    const respondents = closer.page.getByTestId("health-respondents");
    await expect(respondents).toHaveText([
      /Northwind: 3 respondents — results show when the cycle closes/,
      /Southpeak: 2 respondents — results show when the cycle closes/,
    ]);
    await expect(closer.page.getByTestId("health-table")).toHaveCount(0);
    await closer.page.getByRole("button", { name: "Close the cycle and show results" }).click();
    await chooseCycle(closer.page, title);
    await expect(closer.page.getByTestId("health-respondents")).toHaveText([
      /^.*Northwind: 3 respondents$/,
      /Southpeak: 2 respondents — hidden: fewer than 3 answers/,
    ]);
    const table = closer.page.getByTestId("health-table");
    await expect(table.getByRole("columnheader")).toHaveText([
      "Dimension",
      "Northwind",
      "Perception gap",
      "Follow-up",
    ]);
    await expect(table.getByTestId("health-row").first()).toContainText("Trust4.00—");
    await expect(closer.page.getByText("Northwind says 5")).toBeVisible();
    await expect(closer.page.getByText("Southpeak says 2")).toHaveCount(0);
  } finally {
    await closer.context.close();
  }
});

test("a closed cycle of the demo shows the radar, both sides and their perception gap", async ({
  browser,
}) => {
  const { context, page } = await openHealth(browser, ines);
  try {
    await chooseCycle(page, "Q2 health check");
    await expect(page.getByTestId("health-radar").locator("svg").first()).toBeVisible();
    // The radar's legend names both sides: it reads without colour.
    await expect(page.getByTestId("health-radar")).toContainText("Northwind");
    await expect(page.getByTestId("health-radar")).toContainText("Southpeak");
    const governance = page.locator('[data-testid="health-row"][data-dimension="governance"]');
    await expect(governance.getByTestId("health-gap")).toHaveText("1.00");
    await expect(page.getByTestId("health-trend")).toContainText("Q1 health check");
    // The open cycle hides both sides and counts respondents only.
    await chooseCycle(page, "Q3 health check");
    await expect(page.getByTestId("health-respondents")).toHaveText([
      /Northwind: 1 respondent — results show/,
      /Southpeak: 1 respondent — results show/,
    ]);
    // A viewer answers but does not write the issues log.
    await chooseCycle(page, "Q1 health check");
    await expect(page.getByRole("button", { name: "Raise an issue" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("one click turns a weak dimension into an issue that links back", async ({ browser }) => {
  const { context, page } = await openHealth(browser, ben);
  try {
    await chooseCycle(page, "Q1 health check");
    const value = page.locator('[data-testid="health-row"][data-dimension="value-delivered"]');
    await expect(value).toContainText("Value delivered to each side (weak)");
    await value.getByRole("button", { name: "Raise an issue" }).click();
    await value.getByTestId("health-issue-link").click();
    await expect(page.getByTestId("tab-issues")).toHaveAttribute("aria-current", "page");
    await expect(
      page.getByText("Health check: Value delivered to each side is weak").first(),
    ).toBeVisible();
  } finally {
    await context.close();
  }
});
