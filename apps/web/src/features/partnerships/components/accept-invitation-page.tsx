import type { InvitationPreview, MeResponse } from "@entente/protocol";
import { useCallback } from "react";
import { useI18n, useT } from "../../../i18n";
import { Link, useRouter } from "../../../lib/router";
import { useSubmit } from "../../../lib/use-submit";
import { errorMessage } from "../../../ui/error-message";
import { FormError } from "../../../ui/form";
import { PageStatus } from "../../../ui/page-status";
import { AuthLayout } from "../../auth/components/auth-layout";
import { useSession } from "../../auth/state/session-provider";
import { AppHeader } from "../../shell/components/app-header";
import { partnershipsApi } from "../api/partnerships-api";
import { useInvitationPreview } from "../hooks/use-invitation-preview";
import { CreateOrganizationForm } from "./create-organization-form";

/** /invite/:token — signed out, it offers to log in or sign up and come back here. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const t = useT();
  const { session } = useSession();

  if (session.status === "loading") return <PageStatus>{t("common.loading")}</PageStatus>;
  if (session.status !== "authenticated") {
    const next = encodeURIComponent(`/invite/${encodeURIComponent(token)}`);
    return (
      <AuthLayout title={t("invite.accept.genericTitle")} subtitle={t("invite.accept.intro")}>
        <p>{t("invite.accept.signIn")}</p>
        <div className="actions">
          <Link className="button button--primary" to={`/login?next=${next}`}>
            {t("auth.login.submit")}
          </Link>
          <Link className="button" to={`/signup?next=${next}`}>
            {t("auth.login.toSignup")}
          </Link>
        </div>
      </AuthLayout>
    );
  }
  return (
    <div className="app">
      <AppHeader />
      <main className="page page--narrow">
        <InvitationPanel token={token} me={session.me} />
      </main>
    </div>
  );
}

function InvitationPanel({ token, me }: { token: string; me: MeResponse }) {
  const t = useT();
  const { state, reload } = useInvitationPreview(token);

  switch (state.status) {
    case "loading":
      return <PageStatus>{t("common.loading")}</PageStatus>;
    case "error": {
      const { error } = state;
      const final = error.status === 404 || error.status === 409 || error.status === 410;
      return (
        <section className="card" aria-labelledby="accept-title">
          <h1 id="accept-title" className="card__title">
            {t("invite.accept.genericTitle")}
          </h1>
          <p className="form-error" role="alert">
            {error.status === 404 ? t("invite.accept.invalid") : errorMessage(t, error)}
          </p>
          <div className="actions">
            {final ? null : (
              <button type="button" className="button" onClick={reload}>
                {t("common.retry")}
              </button>
            )}
            <Link className="button" to="/">
              {t("partnership.backHome")}
            </Link>
          </div>
        </section>
      );
    }
    case "ready":
      return <AcceptInvitation token={token} me={me} invitation={state.data} />;
  }
}

/** Why this user cannot accept as things stand, if they cannot (the server has the last word). */
type Obstacle = "already-member" | "need-organization" | "not-admin" | "other-organization" | null;

function obstacleFor(me: MeResponse, invitation: InvitationPreview): Obstacle {
  if (me.partnerships.some((p) => p.id === invitation.partnership.id)) return "already-member";
  const own = me.organizations[0];
  if (invitation.kind === "organization") {
    if (!own) return "need-organization";
    return own.role === "admin" ? null : "not-admin";
  }
  return own && invitation.organization && own.id !== invitation.organization.id
    ? "other-organization"
    : null;
}

function AcceptInvitation({
  token,
  me,
  invitation,
}: {
  token: string;
  me: MeResponse;
  invitation: InvitationPreview;
}) {
  const { t, formatDate } = useI18n();
  const { refresh } = useSession();
  const { navigate } = useRouter();
  const own = me.organizations[0];
  const obstacle = obstacleFor(me, invitation);
  const partnershipPath = `/p/${encodeURIComponent(invitation.partnership.id)}`;
  const role = t(`permission.${invitation.role}`);

  const submit = useSubmit(
    useCallback(async () => {
      const organizationId = invitation.kind === "organization" ? own?.id : undefined;
      const { partnership } = await partnershipsApi.acceptInvitation(token, organizationId);
      await refresh();
      navigate(`/p/${encodeURIComponent(partnership.id)}`, { replace: true });
    }, [invitation.kind, own?.id, token, refresh, navigate]),
  );

  return (
    <>
      <section className="card" aria-labelledby="accept-title">
        <h1 id="accept-title" className="card__title">
          {t("invite.accept.title", { partnership: invitation.partnership.name })}
        </h1>
        <p className="card__intro">
          {invitation.kind === "organization"
            ? t("invite.accept.organizationKind", { role })
            : t("invite.accept.memberKind", {
                organization: invitation.organization?.name ?? "",
                role,
              })}
        </p>
        <p>{t("invite.accept.as", { name: me.user.name })}</p>
        {obstacle === "already-member" ? <p>{t("invite.accept.alreadyMember")}</p> : null}
        {obstacle === "need-organization" ? (
          <p className="field__hint">{t("invite.accept.needOrganization")}</p>
        ) : null}
        {obstacle === "not-admin" && own ? (
          <p className="form-error">{t("invite.accept.notAdmin", { organization: own.name })}</p>
        ) : null}
        {obstacle === "other-organization" && own ? (
          <p className="form-error">
            {t("invite.accept.otherOrganization", { organization: own.name })}
          </p>
        ) : null}
        <FormError error={submit.error} />
        <div className="actions">
          {obstacle === "already-member" ? (
            <Link className="button button--primary" to={partnershipPath}>
              {t("invite.accept.open")}
            </Link>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={submit.pending || obstacle !== null}
              onClick={() => void submit.run()}
            >
              {submit.pending ? t("invite.accept.submitting") : t("invite.accept.submit")}
            </button>
          )}
        </div>
        <p className="field__hint">
          {t("invite.accept.expires", { date: formatDate(invitation.expiresAt) })}
        </p>
      </section>
      {obstacle === "need-organization" ? <CreateOrganizationForm /> : null}
    </>
  );
}
