import { expect, test, type Browser, type Locator } from "@playwright/test";
import { amara, type DemoUser } from "./fixtures/demo";
import { asPartners, closeEach, onDemoPartnership } from "./fixtures/session";

// Proposals and agreements live on the server: the partner's arrive by polling (every 5 s).
const POLLED = { timeout: 15_000 };
const OBJECTIVE = "Run the regional cold chain on low-carbon routes";

async function openObjectives(browser: Browser, user: DemoUser) {
  const { context, page, partnership } = await onDemoPartnership(browser, user);
  await partnership.openSection("objectives");
  return { context, page, view: partnership };
}

async function openHistory(kpi: Locator) {
  const toggle = kpi.getByRole("button", { name: /^History/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  return kpi.getByTestId("kpi-target-history");
}

test("a KPI target shared by two organizations changes only once both agreed", async ({
  browser,
}) => {
  // Two signed-in browsers and two polls: slower than one page on a shared machine.
  test.setTimeout(150_000);
  await asPartners(browser, openObjectives, closeEach, async (north, south) => {
    // The seeded proposal of Southpeak waits for Northwind: only Northwind is asked to agree.
    const seeded = north.view
      .kpi(OBJECTIVE, "CO₂ per pallet delivered")
      .getByTestId("kpi-pending-target");
    await expect(seeded).toContainText("7.5 kg CO₂e");
    await expect(seeded.getByRole("button", { name: /^Agree to/ })).toBeVisible();
    const seededForSofia = south.view
      .kpi(OBJECTIVE, "CO₂ per pallet delivered")
      .getByTestId("kpi-pending-target");
    await expect(seededForSofia.getByRole("button", { name: "Withdraw" })).toBeVisible();
    await expect(seededForSofia.getByRole("button", { name: /^Agree to/ })).toHaveCount(0);

    // Amara proposes a new on-time target.
    const amaraKpi = north.view.kpi(OBJECTIVE, "On-time refrigerated deliveries");
    const sofiaKpi = south.view.kpi(OBJECTIVE, "On-time refrigerated deliveries");
    await expect(amaraKpi.getByTestId("kpi-target")).toHaveText("99%");
    await amaraKpi.getByRole("button", { name: "Propose new target" }).click();
    const form = amaraKpi.getByRole("form", { name: "Propose new target" });
    await form.getByLabel("Target (%)").fill("99.5");
    await form.getByLabel("Why (optional)").fill("Two depots above 99.5% for a quarter");
    await form.getByRole("button", { name: "Propose", exact: true }).click();

    // Pending beside the agreed target, which stays in force for both sides.
    const amaraPending = amaraKpi.getByTestId("kpi-pending-target");
    await expect(amaraPending.getByTestId("kpi-pending-value")).toHaveText("99.5%");
    await expect(amaraPending.getByTestId("kpi-agreement")).toHaveText(["Northwind Amara Diallo"]);
    await expect(amaraPending.getByTestId("kpi-pending-awaiting")).toContainText("Southpeak");
    await expect(amaraPending.getByRole("button", { name: /^Agree to/ })).toHaveCount(0);
    await expect(amaraKpi.getByTestId("kpi-target")).toHaveText("99%");

    const sofiaPending = sofiaKpi.getByTestId("kpi-pending-target");
    await expect(sofiaPending.getByTestId("kpi-pending-value")).toHaveText("99.5%", POLLED);
    await expect(sofiaPending).toContainText(`proposed by ${amara.name}`);
    await expect(sofiaKpi.getByTestId("kpi-target")).toHaveText("99%");

    // Sofia agrees for Southpeak: the server applies it, live in both browsers.
    await sofiaPending.getByRole("button", { name: "Agree to 99.5%" }).click();
    await expect(sofiaKpi.getByTestId("kpi-target")).toHaveText("99.5%");
    await expect(amaraKpi.getByTestId("kpi-target")).toHaveText("99.5%");
    await expect(sofiaKpi.getByTestId("kpi-pending-target")).toHaveCount(0);
    await expect(amaraKpi.getByTestId("kpi-pending-target")).toHaveCount(0, POLLED);

    // The history says who proposed and which organizations agreed, from the server's records.
    for (const kpi of [amaraKpi, sofiaKpi]) {
      const history = await openHistory(kpi);
      const latest = history.getByTestId("kpi-target-entry").last();
      await expect(latest).toContainText("99.5%");
      await expect(latest).toContainText(`proposed by ${amara.name}`, POLLED);
      await expect(latest.getByTestId("kpi-agreement")).toHaveText([
        "Northwind Amara Diallo",
        "Southpeak Sofia Marchetti",
      ]);
      await expect(latest).toContainText("Two depots above 99.5% for a quarter");
    }
  });
});
