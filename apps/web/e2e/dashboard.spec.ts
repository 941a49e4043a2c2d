import { expect, test } from "@playwright/test";
import { amara, ben, DEMO_PARTNERSHIP } from "./fixtures/demo";
import { DashboardPage } from "./fixtures/dashboard-page";
import { LoginPage } from "./fixtures/login-page";
import { PartnershipPage } from "./fixtures/partnership-page";

test("the dashboard's tiles match the demo data, follow the lens and open the items", async ({
  page,
}) => {
  await new LoginPage(page).loginAs(amara);
  const partnership = new PartnershipPage(page);
  await partnership.openFromHome(DEMO_PARTNERSHIP);
  const pid = partnership.partnershipId();
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  await expect(page).toHaveURL(`/p/${pid}/dashboard`);

  // KPIs: months of CO₂ measurements, each in the chart's text alternative, the latest
  // against the target; the on-time KPI's raised target is marked on its chart.
  const co2 = dashboard.kpi("CO₂ per pallet delivered");
  await expect(co2.getByTestId("dashboard-kpi-table").locator("tbody tr")).toHaveCount(10);
  await expect(co2.getByTestId("dashboard-kpi-status")).toContainText("9.8");
  await expect(co2.getByTestId("dashboard-kpi-status")).toContainText("off track");
  const onTime = dashboard.kpi("On-time refrigerated deliveries");
  await expect(onTime.locator("svg").getByText("target → 99")).toBeVisible();
  await expect(dashboard.kpi("Producers on the shared offer")).toBeVisible();

  // Actions: the demo's overdue action comes first.
  const firstAction = dashboard.tile("actions").getByTestId("dashboard-action").first();
  await expect(firstAction).toHaveAttribute("data-overdue", "true");
  await expect(firstAction).toContainText("Sign the data-sharing agreement on producer volumes");

  // Waiting: Southpeak has the monthly volumes decision to vote on.
  const southpeakWaits = dashboard
    .tile("waiting")
    .getByTestId("dashboard-waiting")
    .filter({ hasText: "Southpeak" });
  await expect(southpeakWaits).toContainText("Share producer volumes monthly, aggregated by depot");

  // Wins and difficulties from the updates feed, with their tag written out.
  await expect(dashboard.tile("wins")).toContainText("Lyon's cold rooms now run on solar power");
  await expect(dashboard.tile("wins")).toContainText("Driver training slips by two weeks");

  // Meetings: one line per governance level. Health: the demo's two closed cycles, by side.
  await expect(dashboard.tile("meetings").getByTestId("dashboard-meeting-level")).toHaveCount(3);
  const health = dashboard.tile("health");
  await expect(health.getByRole("row", { name: /Q1 health check/ })).toContainText("3.46");
  await expect(health.getByRole("row", { name: /Q2 health check/ })).toContainText("3.92");
  await expect(health.getByRole("link", { name: "See all" })).toHaveAttribute(
    "href",
    /\/p\/[^/]+\/health/,
  );

  // The lens: Southpeak's own objective leaves "ours", the Northwind row leaves "theirs".
  await partnership.setLens("Ours");
  await expect(dashboard.kpi("Producers on the shared offer")).toHaveCount(0);
  await expect(dashboard.kpi("CO₂ per pallet delivered")).toBeVisible();
  await expect(
    dashboard.tile("waiting").getByTestId("dashboard-waiting").filter({ hasText: "Southpeak" }),
  ).toHaveCount(0);
  await partnership.setLens("Theirs");
  await expect(dashboard.kpi("Producers on the shared offer")).toBeVisible();
  await expect(
    dashboard.tile("actions").getByTestId("dashboard-actions-table").locator("tbody tr"),
  ).toHaveCount(1);
  await expect(dashboard.tile("actions").getByTestId("dashboard-actions-table")).toContainText(
    "Southpeak",
  );
  await partnership.setLens("Both");

  // Open issues: the tile's count is what the issues log shows as open or in progress.
  const openText = await dashboard.tile("issues").getByTestId("dashboard-open-issues").innerText();
  const openCount = Number(/\d+/.exec(openText)?.[0]);
  await partnership.openSection("issues");
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Open or in progress" });
  await expect(page.getByTestId("issue-table").getByTestId("issue")).toHaveCount(openCount);

  // A link from a tile opens the item: the win's post, with its thread.
  await dashboard.open();
  await dashboard
    .tile("wins")
    .getByRole("link", { name: "Lyon's cold rooms now run on solar power" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/p/${pid}/updates\\?post=`));
  await expect(
    page.getByRole("article", { name: "Lyon's cold rooms now run on solar power" }),
  ).toBeVisible();
});

test("a member may land on the dashboard; the charter keeps its own address", async ({ page }) => {
  await new LoginPage(page).loginAs(ben);
  const partnership = new PartnershipPage(page);
  await partnership.openFromHome(DEMO_PARTNERSHIP);
  const pid = partnership.partnershipId();
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  const landing = page.getByTestId("dashboard-landing");
  await expect(landing).not.toBeChecked();
  await landing.click();
  await expect(landing).toBeChecked();
  try {
    await page.goto("/");
    await page.getByRole("link", { name: DEMO_PARTNERSHIP }).click();
    await expect(page).toHaveURL(`/p/${pid}`);
    await expect(dashboard.tile("kpis")).toBeVisible();
    await expect(page.getByTestId("tab-dashboard")).toHaveAttribute("aria-current", "page");
    await page.getByTestId("tab-charter").click();
    await expect(page).toHaveURL(`/p/${pid}/charter`);
    await expect(page.getByTestId("tab-charter")).toHaveAttribute("aria-current", "page");
  } finally {
    // Other specs open the partnership as Ben on the charter.
    const reset = await page.request.put(`/api/me/landing-pages/${pid}`, {
      data: { landingPage: "charter" },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(reset.status()).toBe(200);
  }
  await page.goto(`/p/${pid}`);
  await expect(page.getByTestId("tab-charter")).toHaveAttribute("aria-current", "page");
});
