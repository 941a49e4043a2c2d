import { expect, test, type Browser, type Page } from "@playwright/test";
import { amara, ben, DEMO_PARTNERSHIP, sofia, type DemoUser } from "./fixtures/demo";
import { PartnershipPage } from "./fixtures/partnership-page";
import { WorkshopPage } from "./fixtures/workshop-page";
import { markNotReloaded, notReloaded, signedIn } from "./fixtures/session";

async function loginAs(browser: Browser, user: DemoUser) {
  const { context, page } = await signedIn(browser, user);
  return { context, page, workshop: new WorkshopPage(page) };
}

/** A workshop meeting facilitated by the caller, with these members as participants. */
async function createWorkshopMeeting(page: Page, partnershipId: string, participants: string[]) {
  const partnership = await page.request.get(`/api/partnerships/${partnershipId}`);
  expect(partnership.ok()).toBe(true);
  const { members } = (await partnership.json()) as { members: { id: string; name: string }[] };
  const participantIds = participants.map((name) => {
    const member = members.find((m) => m.name === name);
    if (!member) throw new Error(`${name} is not a member`);
    return member.id;
  });
  const response = await page.request.post(`/api/partnerships/${partnershipId}/meetings`, {
    data: {
      title: `Cold-chain co-development ${Date.now()}`,
      kind: "workshop",
      level: "operational",
      startsAt: new Date().toISOString(),
      durationMinutes: 90,
      participantIds,
    },
  });
  expect(response.status()).toBe(201);
  const { meeting } = (await response.json()) as { meeting: { id: string } };
  return meeting.id;
}

test("a facilitator and two participants of two organizations run a workshop whose winner becomes an action", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const facilitator = await loginAs(browser, amara);
  const northParticipant = await loginAs(browser, ben);
  const southParticipant = await loginAs(browser, sofia);
  const everyone = [facilitator, northParticipant, southParticipant];
  try {
    // Setup: a Northwind objective to turn the winning note into an action of, and the meeting.
    const partnershipPage = new PartnershipPage(facilitator.page);
    await partnershipPage.openFromHome(DEMO_PARTNERSHIP);
    const partnershipId = partnershipPage.partnershipId();
    await partnershipPage.openSection("objectives");
    const objective = `Halve empty cold-chain runs ${Date.now()}`;
    const card = await partnershipPage.createObjective(objective);
    await expect(card.getByTestId("org-tag").first()).toHaveText("Northwind");
    const meetingId = await createWorkshopMeeting(facilitator.page, partnershipId, [
      ben.name,
      sofia.name,
    ]);

    for (const person of everyone) await person.workshop.goto(partnershipId, meetingId);
    const amaraBoard = facilitator.workshop;
    const benBoard = northParticipant.workshop;
    const sofiaBoard = southParticipant.workshop;

    // Presence: everyone sees the three of them, the facilitator marked.
    for (const board of [amaraBoard, benBoard, sofiaBoard]) {
      await expect(board.people).toHaveCount(3);
    }
    await expect(sofiaBoard.people.filter({ hasText: amara.name })).toContainText("Facilitator");
    await expect(benBoard.page.getByTestId("follow-facilitator")).toBeChecked();

    // The facilitator sets up the board; the participants see the columns arrive.
    await amaraBoard.saveColumns(["Ideas", "Concerns", "Next steps"]);
    await expect(benBoard.column("Ideas")).toBeVisible();
    await expect(sofiaBoard.column("Concerns")).toBeVisible();

    // Where the facilitator looks shows to everyone; who follows is taken there.
    await amaraBoard.column("Next steps").getByRole("heading").click();
    await expect(
      sofiaBoard.people.filter({ hasText: amara.name }).getByTestId("person-where"),
    ).toHaveText("Column “Next steps”");
    await expect(benBoard.column("Next steps")).toHaveClass(/is-followed/);

    // The shared timer: both participants count down the same time, within a second.
    await amaraBoard.startTimer(5);
    await expect(benBoard.timer).toHaveAttribute("data-state", "running");
    await expect(sofiaBoard.timer).toHaveAttribute("data-state", "running");
    const [benLeft, sofiaLeft] = await Promise.all([
      benBoard.secondsLeft(),
      sofiaBoard.secondsLeft(),
    ]);
    expect(benLeft).toBeGreaterThan(240);
    expect(benLeft).toBeLessThanOrEqual(300);
    expect(Math.abs(benLeft - sofiaLeft)).toBeLessThanOrEqual(1);
    // It runs: a little later it shows less.
    await expect.poll(() => benBoard.secondsLeft(), { timeout: 5_000 }).toBeLessThan(benLeft);

    // Private brainstorm: each participant's note stays off the other's page.
    await expect(benBoard.phase).toHaveAttribute("data-phase", "private");
    await expect(benBoard.phase).toContainText(
      "Your notes are hidden from others until the facilitator reveals them.",
    );
    const benNote = `Pool the Lyon and Grenoble depots ${Date.now()}`;
    const sofiaNote = `Night deliveries with shared drivers ${Date.now()}`;
    // Where a hidden note is stays hidden too: Ben looks at "Concerns" (Sofia sees it), then
    // writes his note in "Ideas", and Sofia sees him on the board, in no column.
    await benBoard.column("Concerns").getByRole("heading").click();
    const benWhere = sofiaBoard.people.filter({ hasText: ben.name }).getByTestId("person-where");
    await expect(benWhere).toHaveText("Column “Concerns”");
    await benBoard.addNote("Ideas", benNote);
    await expect(benWhere).toHaveText("On the board");
    // Nor can it join a cluster (whose title everyone sees) before the reveal.
    await expect(benBoard.note(benNote).getByRole("checkbox")).toHaveCount(0);
    await sofiaBoard.addNote("Ideas", sofiaNote);

    await expect(sofiaBoard.hiddenCount("Northwind")).toHaveAttribute("data-count", "1");
    await expect(benBoard.hiddenCount("Southpeak")).toHaveAttribute("data-count", "1");
    await expect(amaraBoard.hiddenCount("Northwind")).toHaveAttribute("data-count", "1");
    await expect(amaraBoard.hiddenCount("Southpeak")).toHaveAttribute("data-count", "1");
    await expect(sofiaBoard.page.getByText(benNote)).toHaveCount(0);
    await expect(benBoard.page.getByText(sofiaNote)).toHaveCount(0);
    await expect(amaraBoard.page.getByText(benNote)).toHaveCount(0);
    await expect(sofiaBoard.page.getByTestId("sticky-note")).toHaveCount(1);

    // Reveal: everyone sees every note, coloured by its organization.
    await amaraBoard.revealAll();
    for (const board of [amaraBoard, benBoard, sofiaBoard]) {
      await expect(board.phase).toHaveAttribute("data-phase", "revealed");
      await expect(board.note(benNote)).toBeVisible();
      await expect(board.note(sofiaNote)).toBeVisible();
      await expect(board.phase.getByTestId("hidden-count")).toHaveCount(0);
    }
    await expect(benBoard.note(benNote).getByRole("checkbox")).toHaveCount(1);
    await expect(sofiaBoard.note(benNote)).toHaveAttribute(
      "data-organization-id",
      (await benBoard.note(benNote).getAttribute("data-organization-id")) ?? "",
    );
    expect(await sofiaBoard.note(benNote).getAttribute("data-organization-id")).not.toBe(
      await sofiaBoard.note(sofiaNote).getAttribute("data-organization-id"),
    );

    // Dot voting, 3 dots each: Sofia's note gets 4, Ben's 2.
    await amaraBoard.openVote(3);
    await expect(benBoard.vote).toHaveAttribute("data-state", "open");
    await expect(sofiaBoard.vote).toHaveAttribute("data-state", "open");
    await expect(benBoard.vote.getByTestId("dots-left")).toHaveText("Dots left: 3");
    await benBoard.addDot(sofiaNote);
    await benBoard.addDot(sofiaNote);
    await benBoard.addDot(benNote);
    await expect(benBoard.vote.getByTestId("dots-left")).toHaveText("Dots left: 0");
    await expect(
      benBoard.note(sofiaNote).getByRole("button", { name: /^Add a dot to “/ }),
    ).toBeDisabled();
    await sofiaBoard.addDot(sofiaNote);
    await sofiaBoard.addDot(sofiaNote);
    await sofiaBoard.addDot(benNote);
    // Anonymous while open: Sofia sees her own dots only.
    await expect(sofiaBoard.note(sofiaNote).getByTestId("my-dots")).toHaveAttribute(
      "data-count",
      "2",
    );
    await expect(amaraBoard.vote).toContainText("2 members voted.");

    // The facilitator closes the vote: the ranking puts Sofia's note first, for everyone.
    await amaraBoard.closeVote();
    for (const board of [amaraBoard, benBoard, sofiaBoard]) {
      await expect(board.resultRows()).toHaveCount(2);
      await expect(board.resultRows().first()).toContainText(sofiaNote);
      await expect(board.resultRows().first()).toContainText("4 dots");
      await expect(board.resultRows().nth(1)).toContainText(benNote);
      await expect(board.resultRows().nth(1)).toContainText("2 dots");
    }

    // The winner becomes an action of the Northwind objective, owned by Northwind.
    await amaraBoard.convertResultToAction(sofiaNote, objective, "Northwind");
    const benLink = benBoard.note(sofiaNote).getByTestId("conversion-link");
    await expect(benLink).toHaveText("Action created");

    // Ben follows the link (no reload) to the objectives view: the action is there, Northwind's.
    await markNotReloaded(benBoard.page);
    await benLink.click();
    await expect(benBoard.page).toHaveURL(/\/objectives$/);
    const benObjectives = new PartnershipPage(benBoard.page);
    const action = benObjectives.action(objective, sofiaNote);
    await expect(action).toBeVisible({ timeout: 20_000 });
    await expect(action.getByTestId("org-tag")).toHaveText("Northwind");
    expect(await notReloaded(benBoard.page)).toBe(true);
    // The action says where it came from, and leads back to the meeting.
    await action.getByTestId("meeting-origin").click();
    await expect(benBoard.page).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
  } finally {
    for (const person of everyone) await person.context.close();
  }
});
