import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { useMe } from "../../auth";

/** For an organization's admins: the way to its sign-in settings. */
export function OrganizationSignInLink() {
  const t = useT();
  const me = useMe();
  if (me.organizations[0]?.role !== "admin") return null;
  return (
    <p>
      <Link
        to="/settings/organization"
        className="link-target"
        data-testid="organization-sign-in-link"
      >
        {t("sso.settings.link")}
      </Link>
    </p>
  );
}
