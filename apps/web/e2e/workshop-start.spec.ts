import { expect, test, type Page } from "@playwright/test";
import { amara, ben, DEMO_PARTNERSHIP, lucas } from "./fixtures/demo";
import { PartnershipPage } from "./fixtures/partnership-page";
import { signedIn } from "./fixtures/session";
import { WorkshopPage } from "./fixtures/workshop-page";

/** The demo's workshop under way (apps/server/src/seed/demo-workshop.ts). */
const LIVE_WORKSHOP = "Co-development workshop: what producers need from the fourth depot";

async function demoPartnershipId(page: Page): Promise<string> {
  const me = await page.request.get("/api/me");
  expect(me.ok()).toBe(true);
  const { partnerships } = (await me.json()) as { partnerships: { id: string; name: string }[] };
  const demo = partnerships.find((p) => p.name === DEMO_PARTNERSHIP);
  if (!demo) throw new Error("the demo partnership is missing");
  return demo.id;
}

test("a participant who arrives before the facilitator set the board up writes at once, and sees who runs it and when", async ({
  browser,
}) => {
  const facilitator = await signedIn(browser, lucas);
  const participant = await signedIn(browser, ben);
  try {
    const partnershipId = await demoPartnershipId(facilitator.page);
    const startsAt = new Date(Date.now() + 2 * 24 * 60 * 60_000);
    const created = await facilitator.page.request.post(
      `/api/partnerships/${partnershipId}/meetings`,
      {
        data: {
          title: `Early arrivals workshop ${Date.now()}`,
          kind: "workshop",
          level: "operational",
          startsAt: startsAt.toISOString(),
          durationMinutes: 60,
        },
      },
    );
    expect(created.status()).toBe(201);
    const { meeting } = (await created.json()) as { meeting: { id: string } };

    // Nobody set the board up: Ben finds a default column to write in, and whom to expect.
    const board = new WorkshopPage(participant.page);
    await board.goto(partnershipId, meeting.id);
    await expect(participant.page.getByTestId("no-columns")).toHaveCount(0);
    const host = participant.page.getByTestId("workshop-host");
    await expect(host).toContainText("Run by Lucas Bernard (Southpeak)");
    await expect(host).toContainText("starts");
    await expect(host.locator("time")).toHaveAttribute("datetime", startsAt.toISOString());
    await expect(board.column("Ideas")).toBeVisible();
    await board.addNote("Ideas", "Pool the pallets of small producers");
    const note = board.note("Pool the pallets of small producers");
    await expect(note).toContainText(`${ben.name} · Northwind`);

    // The facilitator sets the board up later; Ben's note, hidden from him until the reveal
    // (private phase), stays in the first column.
    const facilitatorBoard = new WorkshopPage(facilitator.page);
    await facilitatorBoard.goto(partnershipId, meeting.id);
    await expect(facilitatorBoard.hiddenCount("Northwind")).toBeVisible();
    await facilitator.page.getByRole("button", { name: "Edit columns" }).click();
    await facilitator.page.getByRole("button", { name: "Add a column" }).click();
    await facilitatorBoard.saveColumns(["Ideas", "Concerns"]);
    await expect(board.column("Concerns")).toBeVisible();
    await expect(board.column("Ideas").getByTestId("sticky-note")).toHaveCount(1);
  } finally {
    await facilitator.context.close();
    await participant.context.close();
  }
});

test("the demo's workshop in full swing shows both organizations' notes and the dot vote's ranking", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, amara);
  try {
    const partnership = new PartnershipPage(page);
    await partnership.openFromHome(DEMO_PARTNERSHIP);
    await page.goto(`/p/${encodeURIComponent(partnership.partnershipId())}/meetings`);
    const card = page.getByTestId("meetings-upcoming").getByRole("link", { name: LIVE_WORKSHOP });
    await card.click();
    await page.getByTestId("open-workshop").click();
    await expect(page).toHaveURL(/\/workshop$/);
    const board = new WorkshopPage(page);
    await expect(board.root).toHaveAttribute("data-phase", "revealed");
    await expect(page.getByTestId("workshop-host")).toContainText(
      "Run by Lucas Bernard (Southpeak) · started",
    );
    const notes = page.getByTestId("sticky-note");
    await expect(notes.filter({ hasText: "· Northwind" }).first()).toBeVisible();
    await expect(notes.filter({ hasText: "· Southpeak" }).first()).toBeVisible();
    expect(await notes.filter({ hasText: "· Northwind" }).count()).toBeGreaterThanOrEqual(3);
    expect(await notes.filter({ hasText: "· Southpeak" }).count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId("note-cluster")).toContainText("Shared slots");
    const results = board.results.getByTestId("vote-result");
    await expect(results.first()).toContainText("Shared slots");
    await expect(results.first()).toContainText("4 dots");
    await expect(results).toHaveCount(4);
  } finally {
    await context.close();
  }
});

test("an empty section says what it will hold, and its button opens the form", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, amara);
  try {
    const me = await page.request.get("/api/me");
    const { organizations } = (await me.json()) as { organizations: { id: string }[] };
    const created = await page.request.post("/api/partnerships", {
      data: { name: `Empty alliance ${Date.now()}`, organizationId: organizations[0]!.id },
    });
    expect(created.status()).toBe(201);
    const { partnership } = (await created.json()) as { partnership: { id: string } };
    await page.goto(`/p/${encodeURIComponent(partnership.id)}/objectives`);

    const empty = page.getByTestId("empty-state");
    await expect(empty).toContainText("No objective yet.");
    await expect(empty).toContainText("actions and KPIs");
    // The "new" button moved from the header into the empty state: one button, one name.
    const create = page.getByRole("button", { name: "New objective", exact: true });
    await expect(create).toHaveCount(1);
    await expect(empty.getByRole("button", { name: "New objective" })).toBeVisible();
    await create.click();
    const form = page.getByRole("form", { name: "New objective" });
    await expect(form).toBeVisible();
    await expect(form.getByLabel("Objective", { exact: true })).toBeVisible();
    await expect(empty).toHaveCount(0);

    // Meetings: nothing planned, and a button that opens the new-meeting form.
    await page.goto(`/p/${encodeURIComponent(partnership.id)}/meetings`);
    const upcoming = page.getByTestId("meetings-upcoming").getByTestId("empty-state");
    await expect(upcoming).toContainText("No meeting scheduled.");
    await upcoming.getByRole("button", { name: "Plan the next meeting" }).click();
    await expect(page.getByRole("form", { name: "New meeting" })).toBeVisible();
  } finally {
    await context.close();
  }
});
