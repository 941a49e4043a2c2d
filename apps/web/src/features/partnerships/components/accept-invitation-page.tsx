import type { InvitationPreview, MeResponse } from "@entente/protocol";
import { useState } from "react";
import { useI18n, useT } from "../../../i18n";
import { Link, useNavigate } from "@tanstack/react-router";
import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "../../../ui/error-message";
import { FormError, SubmitButton, submitWhenValid, TextField } from "../../../ui/form";
import { MainStatus, PageStatus } from "../../../ui/page-status";
import { AuthLayout, NewAccountFields, NO_ACCOUNT, trimmedAccount, useSession } from "../../auth";
import { AppHeader } from "../../shell";
import { partnershipsApi } from "../api/partnerships-api";

import { offerTour } from "../state/tour-memory";
import { CreateOrganizationForm } from "./create-organization-form";
import { RoleHelp } from "./role-help";
import { useQuery } from "@tanstack/react-query";
import { partnershipsQueries } from "../api/partnerships-queries";

/** /invite/:token — signed out, it offers to log in or sign up and come back here. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const t = useT();
  const { session } = useSession();

  if (session.status === "loading") return <MainStatus>{t("common.loading")}</MainStatus>;
  if (session.status !== "authenticated") {
    return (
      <AuthLayout title={t("invite.accept.genericTitle")} subtitle={t("invite.accept.intro")}>
        <InvitationPanel token={token} me={null} />
      </AuthLayout>
    );
  }
  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="page page--narrow">
        <InvitationPanel token={token} me={session.me} />
      </main>
    </div>
  );
}

/** The invitation as the server describes it, then accepting it (signed in) or signing up. */
function InvitationPanel({ token, me }: { token: string; me: MeResponse | null }) {
  const t = useT();
  const state = useQuery(partnershipsQueries.invitationPreview(token));
  const reload = () => void state.refetch();

  switch (state.status) {
    case "pending":
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
            {error.status === 404
              ? t("invite.accept.invalid")
              : error.code === "invitation_used"
                ? t("invite.accept.used")
                : errorMessage(t, error)}
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
    case "success":
      return me ? (
        <AcceptInvitation token={token} me={me} invitation={state.data} />
      ) : (
        <>
          <InvitationSummary invitation={state.data} />
          <SignupAndJoin token={token} invitation={state.data} />
        </>
      );
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
  const t = useT();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const own = me.organizations[0];
  const obstacle = obstacleFor(me, invitation);
  const partnershipPath = `/p/${encodeURIComponent(invitation.partnership.id)}`;

  const submit = useMutation({
    mutationFn: async () => {
      const organizationId = invitation.kind === "organization" ? own?.id : undefined;
      const { partnership } = await partnershipsApi.acceptInvitation(token, organizationId);
      offerTour(me.user.id, partnership.id);
      await refresh();
      void navigate({ href: `/p/${encodeURIComponent(partnership.id)}`, replace: true });
    },
  });

  return (
    <>
      <section className="card" aria-labelledby="accept-title">
        <h1 id="accept-title" className="card__title">
          {t("invite.accept.title", { partnership: invitation.partnership.name })}
        </h1>
        <InvitationFacts invitation={invitation} />
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
              disabled={submit.isPending || obstacle !== null}
              onClick={() => void submit.mutate()}
            >
              {submit.isPending ? t("invite.accept.submitting") : t("invite.accept.submit")}
            </button>
          )}
        </div>
      </section>
      {obstacle === "need-organization" ? <CreateOrganizationForm /> : null}
    </>
  );
}

/** Who invites, from which organization, into which partnership, as what, until when. */
function InvitationFacts({ invitation }: { invitation: InvitationPreview }) {
  const { t, formatDate } = useI18n();
  const role = t(`permission.${invitation.role}`);
  return (
    <>
      <p className="card__intro" data-testid="invitation-inviter">
        {t("invite.accept.invitedBy", {
          name: invitation.invitedBy.name,
          organization: invitation.invitedBy.organization.name,
        })}{" "}
        {invitation.kind === "organization"
          ? t("invite.accept.organizationKind", { role })
          : t("invite.accept.memberKind", {
              organization: invitation.organization?.name ?? "",
              role,
            })}
      </p>
      <p className="field__hint">
        {t("invite.accept.partners", {
          organizations: invitation.partnerOrganizations.map((o) => o.name).join(", "),
        })}
      </p>
      <details className="role-details">
        <summary>{t("invite.accept.roleHelp")}</summary>
        <RoleHelp selected={invitation.role} />
      </details>
      <p className="field__hint">
        {t("invite.accept.expires", { date: formatDate(invitation.expiresAt) })}
      </p>
    </>
  );
}

/** Signed out: the invitation's facts above the sign-up form. */
function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const t = useT();
  return (
    <div className="invitation-summary">
      <h2 className="card__title">
        {t("invite.accept.title", { partnership: invitation.partnership.name })}
      </h2>
      <InvitationFacts invitation={invitation} />
    </div>
  );
}

/**
 * One flow for someone with no account: the account (and, for an organization invitation,
 * their organization) is created and the invitation accepted in one request; they land in
 * the partnership, signed in, with the welcome tour offered.
 */
function SignupAndJoin({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const t = useT();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [account, setAccount] = useState(NO_ACCOUNT);
  const [organizationName, setOrganizationName] = useState("");
  const needsOrganization = invitation.kind === "organization";

  const submit = useMutation({
    mutationFn: async () => {
      const { user, partnership } = await partnershipsApi.signUpFromInvitation(token, {
        ...trimmedAccount(account),
        ...(needsOrganization ? { organizationName: organizationName.trim() } : {}),
      });
      offerTour(user.id, partnership.id);
      await refresh();
      void navigate({ href: `/p/${encodeURIComponent(partnership.id)}`, replace: true });
    },
  });

  const next = `/invite/${encodeURIComponent(token)}`;

  return (
    <>
      <h2 className="card__title">{t("invite.signup.title")}</h2>
      <form className="form" onSubmit={submitWhenValid(() => submit.mutate())}>
        <NewAccountFields value={account} onChange={setAccount} />
        {needsOrganization ? (
          <TextField
            label={t("invite.signup.organization")}
            hint={t("invite.signup.organizationHint")}
            name="organization"
            autoComplete="organization"
            required
            value={organizationName}
            onChange={(e) => setOrganizationName(e.target.value)}
          />
        ) : null}
        <FormError error={submit.error} />
        <SubmitButton pending={submit.isPending} pendingLabel={t("invite.signup.submitting")}>
          {t("invite.signup.submit")}
        </SubmitButton>
      </form>
      <p className="auth-card__switch">
        {t("invite.signup.haveAccount")}{" "}
        <Link to="/login" search={{ next }}>
          {t("invite.signup.login")}
        </Link>
      </p>
    </>
  );
}
