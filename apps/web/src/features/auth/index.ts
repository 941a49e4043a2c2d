/**
 * What the other features use of auth (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { NewAccountFields } from "./components/account-fields";
export { AuthLayout } from "./components/auth-layout";
export { useSignInAction } from "./hooks/use-sign-in-action";
export { NO_ACCOUNT, trimmedAccount, type NewAccount } from "./state/new-account";
export { useMe, useSession } from "./state/session-provider";
