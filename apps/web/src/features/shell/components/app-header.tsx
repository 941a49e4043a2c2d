import { useT } from "../../../i18n";
import { Link, useNavigate } from "@tanstack/react-router";
import { ColorSwatch } from "../../../ui/color-swatch";
import { useMe, useSession } from "../../auth";
import { ConnectionStatus } from "../../collab";
import type { ColoredOrganization } from "../../partnerships";
import { NotificationBell } from "../../notifications";
import { SearchLauncher } from "../../search";
import { LanguageSwitcher } from "../../../i18n/language-switcher";

export interface HeaderPartnership {
  name: string;
  organizations: ColoredOrganization[];
  /** The organization the user speaks for in this partnership. */
  myOrganizationId: string;
}

/** The top bar of signed-in pages; on a partnership page it also names the partnership and its sides. */
export function AppHeader({ partnership }: { partnership?: HeaderPartnership }) {
  const t = useT();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();

  const myOrganization = partnership
    ? partnership.organizations.find((o) => o.id === partnership.myOrganizationId)
    : me.organizations[0];

  const onLogout = async () => {
    await logout().catch(() => undefined);
    void navigate({ href: "/login", replace: true });
  };

  return (
    <header className="app-header">
      <div className="app-header__start">
        {/* Named by its visible text first (WCAG 2.5.3), then where it leads. */}
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            E
          </span>
          <span className="brand__name">{t("app.name")}</span>
          <span className="visually-hidden">, {t("header.home")}</span>
        </Link>
        {partnership ? (
          <div className="app-header__partnership">
            <h1 className="app-header__title" data-testid="partnership-name">
              {partnership.name}
            </h1>
            <ul className="org-chips" aria-label={t("header.organizations")}>
              {partnership.organizations.map((organization) => (
                <li
                  key={organization.id}
                  className="org-chip"
                  data-organization-id={organization.id}
                >
                  <ColorSwatch color={organization.color} />
                  {organization.name}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div className="app-header__end">
        <ConnectionStatus />
        <span className="app-header__user" data-testid="current-user">
          {myOrganization
            ? t("header.user", { name: me.user.name, organization: myOrganization.name })
            : me.user.name}
        </span>
        <SearchLauncher />
        <NotificationBell />
        <Link
          to="/settings/notifications"
          className="button button--ghost app-header__settings"
          aria-label={t("header.settings")}
          title={t("header.settings")}
          data-testid="settings-link"
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              fill="currentColor"
              d="M6.9 1h2.2l.35 1.9c.4.15.78.37 1.12.64l1.82-.66 1.1 1.9-1.47 1.26a4.6 4.6 0 0 1 0 1.92l1.47 1.26-1.1 1.9-1.82-.66c-.34.27-.72.49-1.12.64L9.1 15H6.9l-.35-1.9a4.5 4.5 0 0 1-1.12-.64l-1.82.66-1.1-1.9 1.47-1.26a4.6 4.6 0 0 1 0-1.92L2.51 6.78l1.1-1.9 1.82.66c.34-.27.72-.49 1.12-.64L6.9 1ZM8 5.75a2.25 2.25 0 1 0 0 4.5 2.25 2.25 0 0 0 0-4.5Z"
            />
          </svg>
        </Link>
        <LanguageSwitcher />
        <button type="button" className="button button--ghost" onClick={() => void onLogout()}>
          {t("header.logout")}
        </button>
      </div>
    </header>
  );
}
