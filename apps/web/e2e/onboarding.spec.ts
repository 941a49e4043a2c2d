import { expect, test } from "@playwright/test";
import { CharterPage } from "./fixtures/charter-page";
import { OnboardingPage } from "./fixtures/onboarding-page";

test("a new user creates an organization, starts a partnership from a template, invites the partner and lands on the pre-filled charter with its checklist", async ({
  page,
}) => {
  const onboarding = new OnboardingPage(page);
  const email = `founder.${Date.now()}@alpine.example`;
  await onboarding.signUp("Élise Founder", email, "a long enough password");

  // Step 1 of the first-run path: no organization yet.
  await expect(onboarding.steps.getByRole("listitem").first()).toHaveAttribute(
    "aria-current",
    "step",
  );
  await onboarding.createOrganization("Alpine Robotics");

  // Step 2: the picker says what each template pre-fills, in the chosen language.
  await expect(onboarding.steps.locator("[aria-current=step]")).toHaveText(
    /Start a partnership from a template/,
  );
  const codev = page.getByTestId("template-co-development");
  await codev.getByRole("radio").check();
  await expect(codev).toContainText("Intellectual property");
  await page
    .getByLabel("Language of the pre-filled texts", { exact: true })
    .selectOption({ label: "Français" });
  await expect(codev).toContainText("Co-développement");
  await expect(codev).toContainText("Propriété intellectuelle");
  await onboarding.createPartnershipFromTemplate("Alpine × Lakeside", "co-development", "Français");

  // Step 3: invite the partner's admin with the invitation panel.
  await expect(page.getByRole("heading", { name: "Invite your partner" })).toBeVisible();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByLabel("Invitation link")).toHaveValue(/\/invite\/[^/]+$/);
  await page.getByTestId("first-run-continue").click();

  // In the partnership: the charter the server pre-filled, in French.
  await expect(page).toHaveURL(/\/p\/[^/]+$/);
  await expect(page.getByTestId("partnership-name")).toHaveText("Alpine × Lakeside");
  const charter = new CharterPage(page);
  await expect(
    charter.editor.getByRole("heading", { name: "Feuille de route et jalons" }),
  ).toBeVisible();
  await expect(charter.editor).toContainText("Les grandes étapes du développement commun");

  // The checklist: four steps, none done yet, each a link to where it is done.
  await expect(onboarding.checklist).toContainText("0 of 4 done");
  for (const key of [
    "charter_written",
    "objectives_agreed",
    "steering_meeting_held",
    "charter_ratified",
  ]) {
    await expect(onboarding.checklistItem(key)).toHaveAttribute("data-done", "false");
  }
  await onboarding.checklistItem("objectives_agreed").getByRole("link").click();
  await expect(page).toHaveURL(/\/objectives$/);
  await expect(page.getByText("Livrer un premier prototype commun")).toBeVisible();

  // The checklist can be put away while the work goes on.
  await page.goBack();
  await page.getByRole("button", { name: "Hide" }).click();
  await expect(onboarding.checklistItem("charter_written")).toBeHidden();
  await expect(onboarding.checklist).toContainText("0 of 4 done");
});
