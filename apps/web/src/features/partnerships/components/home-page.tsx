import { useT, useI18n } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { EmptyState } from "../../../ui/empty-state";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useMe } from "../../auth";
import { FirstRunSteps } from "../../onboarding";
import { AppHeader } from "../../shell";
import { CreateOrganizationForm } from "./create-organization-form";
import { CreatePartnershipForm } from "./create-partnership-form";
import { HomeInvite } from "./home-invite";

/** The signed-in landing page: my partnerships, and how to start one. */
export function HomePage() {
  const t = useT();
  const { formatDate } = useI18n();
  const me = useMe();
  useDocumentTitle(t("home.title"), t("app.name"));
  const organization = me.organizations[0];
  const partnerships = [...me.partnerships].sort((a, b) => a.name.localeCompare(b.name));
  // No partnership yet: the first-run path (organization, template, invitation, checklist).
  const firstRun = partnerships.length === 0;

  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="page page--home">
        {firstRun ? (
          <FirstRunSteps current={organization ? "partnership" : "organization"} />
        ) : null}
        <section aria-labelledby="partnerships-title">
          <h1 id="partnerships-title" className="page__title">
            {t("home.title")}
          </h1>
          {organization ? (
            <p className="page__meta">
              {t("home.yourOrganization")}: <strong>{organization.name}</strong>
            </p>
          ) : null}
          {partnerships.length === 0 ? (
            <EmptyState title={t("home.empty")} text={t("home.emptyHint")} />
          ) : (
            <ul className="partnership-list" data-testid="partnership-list">
              {partnerships.map((p) => (
                <li key={p.id}>
                  <Link
                    to="/p/$partnershipId"
                    params={{ partnershipId: p.id }}
                    className="partnership-card"
                  >
                    <span className="partnership-card__name">{p.name}</span>
                    <span className="partnership-card__meta">
                      {t("home.seat", {
                        permission: t(`permission.${p.permission}`),
                        level: t(`level.${p.level}`),
                      })}
                    </span>
                    <span className="partnership-card__meta">
                      {t("home.createdOn", { date: formatDate(p.createdAt) })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="page__forms">
          <HomeInvite me={me} />
          {organization ? (
            <CreatePartnershipForm organization={organization} firstRun={firstRun} />
          ) : (
            <CreateOrganizationForm />
          )}
        </div>
      </main>
    </div>
  );
}
