import type { NotificationPreferencesResponse } from "@entente/protocol";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ActivityView } from "./fixtures/activity-view";
import { amara, DEMO_PARTNERSHIP, sofia, type DemoUser } from "./fixtures/demo";
import { SettingsPage } from "./fixtures/settings-page";
import { onDemoPartnership } from "./fixtures/session";

async function openAs(browser: Browser, user: DemoUser) {
  const { context, page, partnership } = await onDemoPartnership(browser, user);
  return { context, page, view: partnership };
}

/** The signed-in user's notification preferences, as stored. */
async function storedPreferences(page: Page) {
  const response = await page.request.get("/api/me/notification-preferences");
  expect(response.status()).toBe(200);
  return ((await response.json()) as NotificationPreferencesResponse).preferences;
}

test("settings are kept, the digest preview shows the week, the activity says who edited what", async ({
  browser,
}) => {
  const north = await openAs(browser, amara);
  const south = await openAs(browser, sofia);
  // Amara's settings as they were, put back at the end: the spec can run again on the same data.
  const before = await storedPreferences(north.page);
  try {
    const stamp = Date.now();
    // The activity entries of this test end after this; the seeded demo has older ones alike.
    const started = new Date(stamp);
    const partnershipId = north.view.partnershipId();

    // Northwind edits the objectives: its own activity, to tell apart from Southpeak's.
    await north.view.openSection("objectives");
    await north.view.createObjective(`Halve empty return trips ${stamp}`);
    // Left once the header says the server has it (a page left earlier sends it on return).
    await expect(north.page.getByTestId("connection-status")).toHaveAttribute(
      "data-state",
      "synced",
      { timeout: 20_000 },
    );

    // Amara asks for organization mentions by e-mail and a weekly digest.
    const settings = new SettingsPage(north.page);
    await settings.openFromHeader();
    const organizationMentions = settings.emailSwitch("Mentions of your organization");
    await expect(organizationMentions).not.toBeChecked();
    await expect(settings.emailSwitch("Mentions of you")).toBeChecked();
    // The kinds another feature added are named too.
    await expect(settings.emailSwitch("Overdue items")).toBeVisible();
    const frequency = settings.digestFrequency(DEMO_PARTNERSHIP);
    await expect(frequency).toHaveValue("off");
    await organizationMentions.check();
    await frequency.selectOption({ label: "Weekly" });
    await settings.save();

    await north.page.reload();
    await expect(organizationMentions).toBeChecked();
    await expect(settings.emailSwitch("Mentions of you")).toBeChecked();
    await expect(frequency).toHaveValue("weekly");
    const preferences = await storedPreferences(north.page);
    expect(preferences.kinds.find((k) => k.kind === "organization_mention")?.email).toBe(true);
    expect(preferences.digests[0]?.frequency).toBe("weekly");

    // Southpeak shares a win and a difficulty, and proposes a decision that waits on Northwind.
    const win = `Cold room certified ${stamp}`;
    const difficulty = `Driver shortage in the Alps ${stamp}`;
    for (const [title, tag] of [
      [win, "success"],
      [difficulty, "difficulty"],
    ]) {
      const posted = await south.page.request.post(`/api/partnerships/${partnershipId}/posts`, {
        data: {
          title,
          tag,
          body: {
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text: title }] }],
          },
        },
      });
      expect(posted.status()).toBe(201);
    }
    await south.view.openSection("decisions");
    const decision = `Open a second depot ${stamp}`;
    await south.page.getByRole("button", { name: "Propose a decision" }).click();
    const form = south.page.getByRole("form", { name: "Propose a decision" });
    await form.getByLabel("Decision", { exact: true }).fill(decision);
    await form.getByRole("button", { name: "Propose", exact: true }).click();
    await expect(south.page.getByTestId("decision").filter({ hasText: decision })).toBeVisible();

    // Amara's preview of this week's digest.
    const preview = await settings.openPreview(DEMO_PARTNERSHIP);
    await expect(preview.getByRole("heading", { level: 3 })).toHaveText(
      "Weekly digest for Northwind",
    );
    const wins = preview.getByTestId("digest-wins");
    await expect(wins.getByRole("heading")).toContainText("Wins");
    await expect(wins.getByTestId("digest-item").filter({ hasText: win })).toContainText(
      "Southpeak · Sofia Marchetti",
    );
    await expect(preview.getByTestId("digest-difficulties")).toContainText(difficulty);
    await expect(preview.getByTestId("digest-wins")).not.toContainText(difficulty);
    const waiting = preview.getByTestId("digest-decisions");
    await expect(waiting.getByRole("heading")).toContainText("Decisions waiting on Northwind");
    await expect(async () => {
      // The decision is read from the stored document: reopen until it is there.
      await preview.getByRole("button", { name: "Daily", exact: true }).click();
      await preview.getByRole("button", { name: "Weekly", exact: true }).click();
      await expect(waiting).toContainText(decision, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(preview.getByTestId("digest-overdue")).toBeVisible();
    await expect(preview.getByTestId("digest-kpis")).toBeVisible();
    // The daily digest holds today's win too.
    await preview.getByRole("button", { name: "Daily", exact: true }).click();
    await expect(preview).toHaveAttribute("data-period", "day");
    await expect(preview.getByRole("heading", { level: 3 })).toHaveText(
      "Daily digest for Northwind",
    );
    await expect(preview.getByTestId("digest-wins")).toContainText(win);

    // Amara's activity view: Sofia's edit, attributed to Southpeak; the filter hides it.
    await north.page.goto(`/p/${encodeURIComponent(partnershipId)}`);
    const activity = new ActivityView(north.page);
    await activity.open();
    const sofiaEntry = await activity.expectEntry("Sofia Marchetti edited decisions", started);
    await expect(sofiaEntry).toHaveAttribute("data-document-kind", "decisions");
    await expect(sofiaEntry.getByTestId("org-tag")).toHaveText("Southpeak");
    await expect(sofiaEntry).toContainText(
      /^Southpeak · Sofia Marchetti edited decisions \(\d+ edits?\)/,
    );
    const amaraEntry = await activity.expectEntry(
      "Amara Diallo edited objectives and KPIs",
      started,
    );
    await expect(amaraEntry.getByTestId("org-tag")).toHaveText("Northwind");

    await activity.filterBy("Northwind");
    await expect(activity.entries("Amara Diallo edited objectives and KPIs").first()).toBeVisible();
    await expect(activity.entries("Sofia Marchetti")).toHaveCount(0);
    await expect(activity.entries("Southpeak")).toHaveCount(0);

    await activity.filterBy("Southpeak");
    await expect(activity.entries("Sofia Marchetti edited decisions").first()).toBeVisible();
    await expect(activity.entries("Amara Diallo")).toHaveCount(0);

    await activity.filterBy("All");
    await expect(activity.entries("Sofia Marchetti edited decisions").first()).toBeVisible();
    await expect(activity.entries("Amara Diallo edited objectives and KPIs").first()).toBeVisible();
  } finally {
    const restored = await north.page.request.put("/api/me/notification-preferences", {
      data: {
        email: Object.fromEntries(before.kinds.map(({ kind, email }) => [kind, email])),
        digests: before.digests.map(({ partnershipId, frequency }) => ({
          partnershipId,
          frequency,
        })),
      },
    });
    expect(restored.status()).toBe(200);
    await north.context.close();
    await south.context.close();
  }
});
