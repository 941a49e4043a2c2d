import { expect, test } from "@playwright/test";
import { amara, DEMO_PARTNERSHIP, sofia } from "./fixtures/demo";
import { LoginPage } from "./fixtures/login-page";
import { countSockets } from "./fixtures/session";
import { MeetingsPage } from "./fixtures/meetings-page";
import { PartnershipPage } from "./fixtures/partnership-page";

test("a meeting deleted by the partner closes its notes on the other screen: the page says so and stops reconnecting", async ({
  browser,
}) => {
  const north = await browser.newContext();
  const south = await browser.newContext();
  try {
    const northPage = await north.newPage();
    await new LoginPage(northPage).loginAs(amara);
    const partnershipPage = new PartnershipPage(northPage);
    await partnershipPage.openFromHome(DEMO_PARTNERSHIP);
    const partnershipId = partnershipPage.partnershipId();
    const partnership = await north.request.get(`/api/partnerships/${partnershipId}`);
    const { organizations } = (await partnership.json()) as {
      organizations: { id: string; name: string }[];
    };
    const southpeak = organizations.find((o) => o.name === "Southpeak");
    if (!southpeak) throw new Error("Southpeak is not in the demo partnership");
    const item = "Delivery slots";
    const created = await north.request.post(`/api/partnerships/${partnershipId}/meetings`, {
      data: {
        title: `Short-lived sync ${Date.now().toString(36)}`,
        kind: "operational_sync",
        level: "operational",
        startsAt: new Date(Date.now() + 24 * 60 * 60_000).toISOString(),
        durationMinutes: 30,
        agenda: [{ title: item, ownerOrganizationId: southpeak.id, timeboxMinutes: 10 }],
      },
    });
    expect(created.status()).toBe(201);
    const meetingId = ((await created.json()) as { meeting: { id: string } }).meeting.id;

    const southPage = await south.newPage();
    await new LoginPage(southPage).loginAs(sofia);
    await southPage.goto(`/p/${encodeURIComponent(partnershipId)}/meetings/${meetingId}`);
    const meeting = new MeetingsPage(southPage);
    await meeting.waitForSynced();
    await meeting.typeNotes(item, "Slots move to 6am.");
    await expect(meeting.notes(item)).toContainText("Slots move to 6am.");
    const socketsOpened = countSockets(southPage);

    const deleted = await north.request.delete(`/api/meetings/${meetingId}`);
    expect(deleted.status()).toBe(204);

    await expect(southPage.getByTestId("connection-status")).toHaveAttribute(
      "data-state",
      "denied",
      { timeout: 5_000 },
    );
    await expect(southPage.getByTestId("meeting-deleted")).toHaveText("This meeting was deleted.");
    await expect(meeting.notes(item)).toHaveAttribute("contenteditable", "false");
    await southPage.waitForTimeout(4_000);
    expect(socketsOpened()).toBe(0);
  } finally {
    await north.close();
    await south.close();
  }
});
