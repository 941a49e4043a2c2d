import { expect, test } from "@playwright/test";
import { amara } from "./fixtures/demo";
import { LoginPage } from "./fixtures/login-page";

test("a wrong password shows an error and keeps the user on /login", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.submitCredentials(amara.email, "not-the-password");
  await expect(login.error).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login$/);
});

test("switching to French translates the login page, and the choice sticks", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.heading).toHaveText("Log in");

  await login.switchLanguage("Français");
  await expect(login.heading).toHaveText("Connexion");
  await expect(page.getByLabel("Mot de passe", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se connecter", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  await page.reload();
  await expect(login.heading).toHaveText("Connexion");
});
