/**
 * What the other features use of sso (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { OrganizationSignInLink } from "./components/organization-sign-in-link";
export { SsoRefusalMessage, SsoSignIn } from "./components/sso-sign-in";
