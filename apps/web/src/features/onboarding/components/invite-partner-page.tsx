import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useMe } from "../../auth";
import { InvitePanel } from "../../partnerships";
import { AppHeader } from "../../shell";
import { FirstRunSteps } from "./first-run-steps";

/**
 * The first-run step after a partnership is created: invite the partner organization's
 * admin with the invitation panel the partnership page uses, then open the partnership.
 */
export function InvitePartnerPage({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t("onboarding.invite.title"), t("app.name"));
  const seat = me.partnerships.find((p) => p.id === partnershipId);
  const organization = me.organizations.find((o) => o.id === seat?.organizationId);
  const partnershipPath = `/p/${encodeURIComponent(partnershipId)}`;

  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="page page--home">
        <FirstRunSteps current="invite" />
        <h1 className="page__title">{t("onboarding.invite.title")}</h1>
        {seat && organization && seat.permission === "admin" ? (
          <>
            <p className="card__intro">
              {t("onboarding.invite.intro", { partnership: seat.name })}
            </p>
            <div className="page__forms">
              <InvitePanel partnershipId={partnershipId} myOrganization={organization} />
            </div>
          </>
        ) : (
          <p role="alert">{t("partnership.notFound")}</p>
        )}
        <p>
          <Link
            to={partnershipPath}
            className="button button--primary"
            data-testid="first-run-continue"
          >
            {t("onboarding.invite.continue")}
          </Link>
        </p>
      </main>
    </div>
  );
}
