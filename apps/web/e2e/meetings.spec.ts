import { expect, test, type Browser } from "@playwright/test";
import { amara, sofia, type DemoUser } from "./fixtures/demo";
import { MeetingsPage } from "./fixtures/meetings-page";
import { onDemoPartnership } from "./fixtures/session";

async function openMeetingsAs(browser: Browser, user: DemoUser) {
  const { context, page } = await onDemoPartnership(browser, user);
  const meetings = new MeetingsPage(page);
  await meetings.openTab();
  return { context, page, meetings };
}

/** The form's date and time (the browser's time zone, as this process's) `minutes` from now. */
function inMinutes(minutes: number): { date: string; time: string } {
  const at = new Date(Date.now() + minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

test("two organizations meet: live list, live notes per agenda item, sign-off and changes since", async ({
  browser,
}) => {
  const [north, south] = await Promise.all([
    openMeetingsAs(browser, amara),
    openMeetingsAs(browser, sofia),
  ]);
  try {
    const title = `Pilot review ${Date.now().toString(36)}`;
    const first = "Pilot results";
    const second = "Plan for the next quarter";

    // Northwind records a meeting under way (minutes are signed off once it started);
    // Southpeak, on the list, sees it arrive without reloading.
    await north.meetings.createMeeting({
      title,
      kind: "Tactical review",
      ...inMinutes(-30),
      durationMinutes: 90,
      participants: [sofia.name],
      agenda: [
        { title: first, owner: "Northwind", minutes: 20 },
        { title: second, owner: "Southpeak", minutes: 25 },
      ],
    });
    const card = south.meetings.upcoming(title);
    await expect(card).toBeVisible();
    await expect(card.getByTestId("meeting-kind")).toHaveText("Tactical review");
    await expect(card.getByTestId("meeting-level")).toHaveText("Tactical");
    const byOrganization = card.getByTestId("meeting-participants");
    await expect(byOrganization.filter({ hasText: "Northwind" })).toContainText(
      `${amara.name} (facilitator)`,
    );
    await expect(byOrganization.filter({ hasText: "Southpeak" })).toContainText(sofia.name);

    await card.getByRole("link", { name: title, exact: true }).click();
    await Promise.all([north.meetings.waitForSynced(), south.meetings.waitForSynced()]);

    // The agenda, in order, with owner organizations and time boxes, on both screens.
    for (const view of [north.meetings, south.meetings]) {
      await expect(view.page.getByTestId("agenda-item")).toHaveCount(2);
      await expect(view.page.getByTestId("agenda-item").nth(0)).toContainText(first);
      await expect(view.page.getByTestId("agenda-item").nth(1)).toContainText(second);
      await expect(view.agendaItem(first).getByTestId("org-tag").first()).toHaveText("Northwind");
      await expect(view.agendaItem(second).getByTestId("agenda-timebox")).toHaveText("25 min");
      await expect(view.page.getByTestId("meeting-facilitator")).toHaveText(amara.name);
    }

    // Both write into the first item's notes and see each other's text live.
    const fromNorth = "Northwind: the pilot held 99.2% uptime.";
    const fromSouth = "Southpeak: three more stores join in May.";
    await north.meetings.typeNotes(first, fromNorth);
    await expect(south.meetings.notes(first)).toContainText(fromNorth);
    await south.meetings.typeNotes(first, ` ${fromSouth}`);
    await expect(north.meetings.notes(first)).toContainText(fromSouth);
    await expect(north.meetings.notes(first)).toContainText(fromNorth);
    // The other item's notes are another text.
    await expect(north.meetings.notes(second)).not.toContainText(fromNorth);

    // Each organization signs the notes off; both see both sign-offs, up to date.
    await north.meetings.signOffFor(first, "Northwind");
    await south.meetings.signOffFor(first, "Southpeak");
    for (const view of [north.meetings, south.meetings]) {
      await expect(view.signOff(first, "Northwind")).toHaveAttribute("data-state", "current");
      await expect(view.signOff(first, "Northwind")).toContainText(`Signed off by ${amara.name}`);
      await expect(view.signOff(first, "Southpeak")).toHaveAttribute("data-state", "current");
      await expect(view.signOff(first, "Southpeak")).toContainText(`Signed off by ${sofia.name}`);
      await expect(view.signOff(second, "Northwind")).toHaveAttribute("data-state", "none");
    }

    // Northwind edits the notes again: both see them changed since both sign-offs.
    await north.meetings.typeNotes(first, " Amended after the call.");
    await expect(south.meetings.notes(first)).toContainText("Amended after the call.");
    for (const view of [north.meetings, south.meetings]) {
      for (const organization of ["Northwind", "Southpeak"]) {
        await expect(view.signOff(first, organization)).toHaveAttribute("data-state", "changed");
        await expect(view.signOff(first, organization)).toContainText("Changed since sign-off");
      }
    }
    await expect(
      south.meetings.agendaItem(first).getByRole("button", { name: "Sign off for Southpeak" }),
    ).toBeVisible();
    // A stale sign-off is shown, not counted; the page says what a sign-off covers.
    await expect(south.meetings.signOff(first, "Northwind")).toContainText("not counted");
    await expect(south.meetings.agendaItem(first)).toContainText(
      "A sign-off covers this item's title, owner and notes, and the meeting's title and date.",
    );

    // Southpeak deletes the signed item: its sign-offs and what they signed stay, with who
    // deleted it, in the meetings list of both organizations.
    await south.meetings
      .agendaItem(first)
      .getByRole("button", { name: `Delete agenda item “${first}”` })
      .click();
    await south.meetings.agendaItem(first).getByRole("button", { name: "Confirm delete" }).click();
    await expect(north.page.getByTestId("agenda-item")).toHaveCount(1);
    for (const view of [north.meetings, south.meetings]) {
      await view.openTab();
      const deleted = view.page
        .getByTestId("deleted-signed-item")
        .filter({ hasText: title })
        .filter({ hasText: first });
      await expect(deleted).toContainText(
        `signed by Northwind, Southpeak, then deleted by ${sofia.name}, Southpeak`,
      );
    }
  } finally {
    await north.context.close();
    await south.context.close();
  }
});

test("a meeting that has not started offers no sign-off yet, and says from when", async ({
  browser,
}) => {
  const { context, meetings } = await openMeetingsAs(browser, amara);
  try {
    const item = "Budget 2027";
    await meetings.createMeeting({
      title: `Not yet ${Date.now().toString(36)}`,
      kind: "Steering committee",
      ...inMinutes(24 * 60),
      durationMinutes: 60,
      participants: [sofia.name],
      agenda: [{ title: item, owner: "Northwind", minutes: 20 }],
    });
    await meetings.waitForSynced();
    await expect(meetings.agendaItem(item).getByTestId("sign-off-not-yet")).toContainText(
      "The meeting has not started: its minutes can be signed off once it starts",
    );
    await expect(
      meetings.agendaItem(item).getByRole("button", { name: "Sign off for Northwind" }),
    ).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("a governance level whose meeting is overdue is flagged, on the rhythm and on the tab", async ({
  browser,
}) => {
  const [north, south] = await Promise.all([
    openMeetingsAs(browser, amara),
    openMeetingsAs(browser, sofia),
  ]);
  try {
    // No rhythm at all: nothing can be late.
    const seeded = await north.meetings.setRhythm({
      Strategic: null,
      Tactical: null,
      Operational: null,
    });
    for (const level of ["strategic", "tactical", "operational"] as const) {
      await expect(north.meetings.rhythmRow(level)).toHaveAttribute("data-overdue", "false");
      await expect(north.meetings.rhythmRow(level)).toContainText("No rhythm");
    }
    await expect(north.meetings.overdueBadge()).toHaveCount(0);

    // A strategic meeting every day: the strategic level did not meet in the last day.
    await north.meetings.setRhythm({ Strategic: 1 });
    const strategic = north.meetings.rhythmRow("strategic");
    await expect(strategic).toHaveAttribute("data-overdue", "true");
    await expect(strategic).toContainText("Every day");
    await expect(strategic.getByTestId("rhythm-overdue")).toHaveText("Overdue");
    await expect(north.meetings.rhythmRow("tactical")).toHaveAttribute("data-overdue", "false");
    await expect(north.meetings.overdueBadge()).toBeVisible();

    // The partner sees the flag from any section, on the tab, and on the rhythm.
    await south.page.getByTestId("tab-charter").click();
    await south.page.reload();
    await expect(south.meetings.overdueBadge()).toBeVisible();
    await south.meetings.openTab();
    await expect(south.meetings.rhythmRow("strategic")).toHaveAttribute("data-overdue", "true");

    // The demo's rhythm again, for the specs that follow.
    await north.meetings.setRhythm(seeded);
  } finally {
    await north.context.close();
    await south.context.close();
  }
});
