import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { CalendarSettingsPage } from "./fixtures/calendar-settings-page";
import { amara, DEMO_PARTNERSHIP, sofia } from "./fixtures/demo";
import { LoginPage } from "./fixtures/login-page";
import { MeetingsPage } from "./fixtures/meetings-page";
import { PartnershipPage } from "./fixtures/partnership-page";

/** What the spec uses of ical.js (typed here: the web package does not depend on it). */
interface IcalComponent {
  getAllSubcomponents(name: string): IcalComponent[];
  getFirstPropertyValue(name: string): unknown;
}
interface Ical {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
  Event: new (vevent: IcalComponent) => {
    uid: string;
    sequence: number;
    startDate: { toJSDate(): Date };
    summary: string;
    location: string;
  };
}

// The calendar parser is the server's test dependency: the e2e suite reads what it wrote with it.
const ICAL = createRequire(new URL("../../server/package.json", import.meta.url))(
  "ical.js",
) as Ical;

/** The VEVENTs of an iCalendar text, as a calendar client parses them. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      summary: event.summary,
      location: event.location,
      url: String(vevent.getFirstPropertyValue("url")),
    };
  });
}

function tomorrow(): string {
  const day = new Date(Date.now() + 24 * 60 * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

test("a meeting with its time zone, place and video link: shown in each viewer's zone, downloaded as .ics, and in the private feed until revoked", async ({
  browser,
}) => {
  // Amara works from Paris, Sofia from New York; the meeting is planned in Tokyo time.
  const north = await browser.newContext({ timezoneId: "Europe/Paris", acceptDownloads: true });
  const south = await browser.newContext({ timezoneId: "America/New_York" });
  await north.grantPermissions(["clipboard-read", "clipboard-write"]);
  try {
    const page = await north.newPage();
    await new LoginPage(page).loginAs(amara);
    await new PartnershipPage(page).openFromHome(DEMO_PARTNERSHIP);
    const meetings = new MeetingsPage(page);
    await meetings.openTab();
    const title = `Tokyo review ${Date.now().toString(36)}`;
    const day = tomorrow();
    await meetings.createMeeting({
      title,
      kind: "Tactical review",
      date: day,
      time: "10:00",
      durationMinutes: 60,
      participants: [sofia.name],
      agenda: [{ title: "Launch plan", owner: "Northwind", minutes: 30 }],
      timeZone: "Asia/Tokyo",
      place: "Lyon, salle Rhône",
      videoUrl: "https://meet.example.com/tokyo-review",
    });
    // 10:00 in Tokyo is 01:00 UTC: 02:00 in Paris (winter or summer, Tokyo has no DST: 02:00 or 03:00).
    const startsAt = new Date(`${day}T01:00:00.000Z`).toISOString();
    await expect(page.getByTestId("meeting-time")).toHaveAttribute("datetime", startsAt);
    const paris = new Intl.DateTimeFormat("en-US", {
      timeZone: "Europe/Paris",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(startsAt));
    await expect(page.getByTestId("meeting-time")).toContainText(paris);
    await expect(page.getByTestId("meeting-zone-time")).toContainText("10:00");
    await expect(page.getByTestId("meeting-zone-time")).toContainText("Asia/Tokyo");
    await expect(page.getByTestId("meeting-place")).toContainText("Lyon, salle Rhône");
    await expect(page.getByTestId("meeting-video-link")).toHaveAttribute(
      "href",
      "https://meet.example.com/tokyo-review",
    );
    const meetingId = page.url().split("/meetings/")[1]!.split(/[/?#]/)[0]!;

    // The partner, in New York, sees it in their own time and in Tokyo's.
    const southPage = await south.newPage();
    await new LoginPage(southPage).loginAs(sofia);
    await southPage.goto(page.url().replace(/^https?:\/\/[^/]+/, ""));
    const newYork = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(startsAt));
    await expect(southPage.getByTestId("meeting-time")).toContainText(newYork);
    await expect(southPage.getByTestId("meeting-zone-time")).toContainText("Asia/Tokyo");

    // The .ics invitation downloads and parses: the meeting, its place and its video link.
    const downloading = page.waitForEvent("download");
    await page.getByTestId("download-ics").click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("invite.ics");
    const [event] = eventsOf(await readFile(await download.path(), "utf8"));
    expect(event).toMatchObject({
      uid: expect.stringContaining(meetingId),
      sequence: 0,
      start: startsAt,
      location: "Lyon, salle Rhône",
      url: "https://meet.example.com/tokyo-review",
    });
    expect(event!.summary).toContain(title);

    // The private feed: created and copied in the settings, it lists the meeting; revoked, it is gone.
    const settings = new CalendarSettingsPage(page);
    await settings.openFromSettings();
    const address = await settings.createAddress();
    await settings.copyAddress();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    const feed = await north.request.get(address);
    expect(feed.status()).toBe(200);
    expect(eventsOf(await feed.text()).map((e) => e.uid)).toContain(event!.uid);
    await settings.revoke();
    expect((await north.request.get(address)).status()).toBe(404);
  } finally {
    await north.close();
    await south.close();
  }
});
