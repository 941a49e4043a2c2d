import { expect, test, type APIRequestContext } from "@playwright/test";
import { OidcTestProvider } from "../../server/dist-test/test/oidc-test-provider.js";
import { amara, ben, DEMO_PASSWORD } from "./fixtures/demo";
import { LoginPage } from "./fixtures/login-page";

/*
 * Northwind connects its own OpenID provider (a real oidc-provider, started here), then its
 * people sign in with "Continue with single sign-on" at the provider's login page.
 */
const PROVIDER_PORT = Number(process.env.E2E_OIDC_PORT ?? 3226);

let provider: OidcTestProvider;
let northwindId: string;

async function signedInAsAmara(request: APIRequestContext, baseURL: string) {
  const login = await request.post("/api/auth/login", {
    data: { email: amara.email, password: DEMO_PASSWORD },
    headers: { origin: baseURL },
  });
  expect(login.status()).toBe(200);
  const me = (await (await request.get("/api/me")).json()) as {
    organizations: { id: string; name: string }[];
  };
  const northwind = me.organizations.find((o) => o.name === amara.organization);
  if (!northwind) throw new Error("Amara has no organization");
  return northwind.id;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  if (!baseURL) throw new Error("no baseURL");
  const request = await playwright.request.newContext({ baseURL });
  provider = await OidcTestProvider.start({
    redirectUri: `${baseURL}/api/auth/sso/callback`,
    port: PROVIDER_PORT,
  });
  northwindId = await signedInAsAmara(request, baseURL);
  const saved = await request.put(`/api/organizations/${northwindId}/sso`, {
    data: {
      issuer: provider.issuer,
      clientId: provider.client.clientId,
      clientSecret: provider.client.clientSecret,
      domains: ["northwind.example"],
      passwordSignIn: true,
    },
    headers: { origin: baseURL },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await request.dispose();
});

test.afterAll(async ({ playwright, baseURL }) => {
  if (baseURL && northwindId) {
    const request = await playwright.request.newContext({ baseURL });
    await signedInAsAmara(request, baseURL);
    await request.delete(`/api/organizations/${northwindId}/sso`, { headers: { origin: baseURL } });
    await request.dispose();
  }
  await provider?.close();
});

test("a member continues with single sign-on, signs in at the provider and lands signed in", async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await page.getByLabel("Work e-mail").fill(ben.email);
  await page.getByRole("button", { name: "Continue", exact: true }).click();

  // The provider's own login page, on its own origin.
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await expect(page.locator('input[name="login"]')).toHaveValue(ben.email);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();

  await expect(page.getByRole("heading", { name: "Your partnerships" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(`${ben.name}, ${ben.organization}`);
});

test("an e-mail outside the organization's domains comes back to the login page with why", async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.switchLanguage("Français");
  await page.getByRole("button", { name: "Continuer avec l’authentification unique" }).click();
  await page.getByLabel("E-mail professionnel").fill(ben.email);
  await page.getByRole("button", { name: "Continuer", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill("mallory@elsewhere.example");
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();

  await expect(page).toHaveURL(/\/login\?sso_error=domain_not_allowed$/);
  await expect(page.getByTestId("sso-refusal")).toHaveText(
    "L’e-mail donné par votre fournisseur d’identité n’appartient pas aux domaines de votre organisation.",
  );
});

test("the organization's admin sees its provider, never its secret, in the settings", async ({
  page,
}) => {
  await new LoginPage(page).loginAs(amara);
  await page.goto("/settings/notifications");
  await page.getByTestId("organization-sign-in-link").click();
  await expect(page.getByRole("heading", { name: "Organization sign-in" })).toBeVisible();
  await expect(page.getByLabel("Issuer URL")).toHaveValue(provider.issuer);
  await expect(page.getByLabel("Client ID")).toHaveValue(provider.client.clientId);
  await expect(page.getByLabel("Client secret")).toHaveValue("");
  await expect(page.getByLabel("E-mail domains")).toHaveValue("northwind.example");
  await expect(page.getByTestId("sso-redirect-uri")).toHaveText(/\/api\/auth\/sso\/callback$/);
  await expect(page.locator("body")).not.toContainText(provider.client.clientSecret);
});
