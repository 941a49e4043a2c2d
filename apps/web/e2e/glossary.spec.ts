import { expect, test, type Page } from "@playwright/test";
import { amara, ines, lucas, sofia, ben, chen } from "./fixtures/demo";
import { tabTo } from "./fixtures/keyboard";
import { onDemoPartnership } from "./fixtures/session";

/** The words of the domain, as each language writes them, and what their explanation says. */
const WORDS = {
  English: {
    lens: "What does “Ours / Theirs / Both” mean?",
    lensMeans: "The lens filters every section of the partnership by organization.",
    newMeeting: "New meeting",
    level: "What does “Governance level” mean?",
    levelMeans: ["Strategic", "steering committee", "Tactical", "Operational"],
    cancel: "Cancel",
  },
  Français: {
    lens: "Que signifie « Nous / Eux / Tous » ?",
    lensMeans: "Le filtre montre chaque partie du partenariat selon l’organisation.",
    newMeeting: "Nouvelle réunion",
    level: "Que signifie « Niveau de gouvernance » ?",
    levelMeans: ["Stratégique", "comité de pilotage", "Tactique", "Opérationnel"],
    cancel: "Annuler",
  },
} as const;

/** The explanation a "?" button discloses (the element its `aria-controls` names). */
function explanationOf(page: Page, buttonName: string) {
  return page.getByRole("button", { name: buttonName, exact: true }).evaluate((button) => {
    const id = button.getAttribute("aria-controls");
    return id ? `#${CSS.escape(id)}` : "";
  });
}

async function explainsByKeyboard(
  page: Page,
  buttonName: string,
  key: "Enter" | " ",
  says: readonly string[],
) {
  const button = page.getByRole("button", { name: buttonName, exact: true });
  await tabTo(page, button);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  const explanation = page.locator(await explanationOf(page, buttonName));
  await expect(explanation).toBeHidden();

  await page.keyboard.press(key === " " ? "Space" : key);
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(explanation).toBeVisible();
  for (const text of says) await expect(explanation).toContainText(text);
  // While open, the button is described by the explanation for screen readers.
  await expect(button).toHaveAccessibleDescription(new RegExp(says[0]!.slice(0, 20)));

  await page.keyboard.press("Escape");
  await expect(explanation).toBeHidden();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();
}

test("keyboard only, the lens and a governance level are explained, in English and in French", async ({
  browser,
}) => {
  const { context, page } = await onDemoPartnership(browser, amara);
  try {
    // In page order: the language (header), the Meetings tab, the lens, then the form.
    await tabTo(page, page.getByTestId("tab-meetings"));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("tab-meetings")).toHaveAttribute("aria-current", "page");
    for (const language of ["English", "Français"] as const) {
      const words = WORDS[language];
      if (language === "Français") {
        const french = page.getByRole("button", { name: "Français", exact: true });
        await tabTo(page, french, { backward: true });
        await page.keyboard.press("Enter");
        await expect(page.locator("html")).toHaveAttribute("lang", "fr");
      }
      await explainsByKeyboard(page, words.lens, "Enter", [words.lensMeans]);

      // The level is chosen in the meeting form: its explanation sits beside the choice.
      await tabTo(page, page.getByRole("button", { name: words.newMeeting, exact: true }));
      await page.keyboard.press("Enter");
      await explainsByKeyboard(page, words.level, " ", words.levelMeans);
      await tabTo(page, page.getByRole("button", { name: words.cancel, exact: true }));
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("meeting-form")).toHaveCount(0);
    }
  } finally {
    await context.close();
  }
});

test("a new meeting proposes the partner's members and one's own as participants", async ({
  browser,
}) => {
  const { context, page } = await onDemoPartnership(browser, amara);
  try {
    await page.getByTestId("tab-meetings").click();
    await page.getByRole("button", { name: "New meeting", exact: true }).click();
    const field = page.getByRole("form", { name: "New meeting" }).getByTestId("participants-field");
    await expect(field.getByTestId("participants-hint")).toContainText("both sides");
    for (const member of [sofia, lucas, ines, amara, ben, chen]) {
      await expect(field.getByLabel(member.name, { exact: true })).toBeChecked();
    }
    // Proposed, not imposed: one can be removed; the facilitator (the creator) stays in.
    await field.getByLabel(ines.name, { exact: true }).uncheck();
    await expect(field.getByLabel(ines.name, { exact: true })).not.toBeChecked();
    await expect(field.getByLabel(amara.name, { exact: true })).toBeDisabled();
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
  } finally {
    await context.close();
  }
});
