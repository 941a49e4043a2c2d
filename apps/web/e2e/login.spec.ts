import { expect, test } from "@playwright/test";
import { amara, DEMO_PASSWORD } from "./fixtures/demo";
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

test("after signing in, only paths of this app are followed; anything else leads home", async ({
  page,
  baseURL,
}) => {
  const login = new LoginPage(page);
  const hostile = [
    "/\\evil.example",
    "/\t/evil.example",
    "//evil.example",
    "https://evil.example",
    "/%5Cevil.example",
    "/%2F/evil.example",
    "%2F%2Fevil.example",
    "javascript:alert(1)",
  ];
  for (const next of hostile) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await login.submitCredentials(amara.email, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: "Your partnerships" })).toBeVisible();
    const url = new URL(page.url());
    expect(`${url.origin}${url.pathname}`, `next=${JSON.stringify(next)}`).toBe(`${baseURL}/`);
  }

  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent("/settings/notifications")}`);
  await login.submitCredentials(amara.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/settings\/notifications$/);
});
