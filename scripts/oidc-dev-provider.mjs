#!/usr/bin/env node
// A throwaway OpenID Connect provider on loopback, to try single sign-on locally (README,
// "Try single sign-on locally"). It is the real `oidc-provider` the tests use, with its
// development login page: any login is accepted and the login is the account's e-mail.
// Needs the built server (`pnpm exec tsc -b`). Stop it with Ctrl+C.
//
//   node scripts/oidc-dev-provider.mjs [--port 3326] [--app http://localhost:3000]
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.OIDC_DEV_PORT ?? "3326" },
    app: { type: "string", default: process.env.PUBLIC_ORIGIN ?? "http://localhost:3000" },
  },
});

const { OidcTestProvider } = await import(
  new URL("../apps/server/dist-test/test/oidc-test-provider.js", import.meta.url).href
);
const app = values.app.replace(/\/$/, "");
const provider = await OidcTestProvider.start({
  redirectUri: `${app}/api/auth/sso/callback`,
  port: Number(values.port),
});

console.log(`OpenID provider for ${app}: connect it in Settings → Organization sign-in with
  Issuer URL     ${provider.issuer}
  Client ID      ${provider.client.clientId}
  Client secret  ${provider.client.clientSecret}
  E-mail domains your admin's domain (e.g. northwind.example)
At its login page, type the e-mail to sign in as (any password).`);

const stop = async () => {
  await provider.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
