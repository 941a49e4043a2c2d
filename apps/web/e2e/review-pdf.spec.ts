import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { asPartners, closeEach, onDemoPartnership } from "./fixtures/session";

/** The text of a downloaded PDF, read by poppler's pdftotext. */
const pdfText = (file: string) =>
  execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });

test("the review pack downloads from the partnership bar and holds the decision just taken", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await asPartners(browser, onDemoPartnership, closeEach, async (north, south) => {
    const title = `Pooled cold storage ${Date.now()}`;
    await north.partnership.openSection("decisions");
    const page = north.page;
    await page.getByRole("button", { name: "Propose a decision" }).click();
    const form = page.getByRole("form", { name: "Propose a decision" });
    await form.getByLabel("Decision", { exact: true }).fill(title);
    await form.getByRole("button", { name: "Propose", exact: true }).click();
    const card = page.getByTestId("decision").filter({ hasText: title });
    await card.getByRole("button", { name: "Approve" }).click();
    await expect(card.getByTestId("vote-row").first()).toHaveAttribute("data-vote", "approve");
    const decisionId = await card.getAttribute("data-decision-id");
    const approved = await south.page.request.post(
      `/api/partnerships/${north.partnership.partnershipId()}/decisions/${decisionId}/votes`,
      { data: { vote: "approve" } },
    );
    expect(approved.status()).toBe(201);
    expect((await approved.json()).outcome).toBe("approved");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("review-pdf-link").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /-review-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const text = pdfText(await download.path());
    expect(text).toContain("Partnership review");
    expect(text).toContain("Decisions taken in the period");
    expect(text).toContain(title);

    // In French, the pack is French: the app sends the language it is read in. The switch
    // takes effect once the French messages have loaded; until then the app, and so the
    // link, is still in English.
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    const [french] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("review-pdf-link").click(),
    ]);
    const frenchText = pdfText(await french.path());
    expect(frenchText).toContain("Décisions prises sur la période");
    expect(frenchText).toContain(title);

    const [exported] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-pdf-link").click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdfText(await exported.path())).toContain(title);
  });
});
