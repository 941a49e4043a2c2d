import type { MyOrganization, SsoSettingsResponse } from "@entente/protocol";
import { useState } from "react";
import { useT } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useMutation } from "@tanstack/react-query";
import { FormError, SubmitButton, TextField, submitWhenValid } from "../../../ui/form";
import { LoadFailedStatus, PageStatus } from "../../../ui/page-status";
import { useMe } from "../../auth";
import { AppHeader } from "../../shell";
import { ssoApi } from "../api/sso-api";
import "../sso.css";
import { useQuery } from "@tanstack/react-query";
import { ssoQueries } from "../api/sso-queries";

/** `/settings/organization`: the organization's own identity provider, for its admins. */
export function SsoSettingsPage() {
  const t = useT();
  useDocumentTitle(t("sso.settings.title"), t("app.name"));
  const me = useMe();
  const organization = me.organizations[0];

  let body;
  if (!organization) body = <PageStatus>{t("sso.settings.noOrganization")}</PageStatus>;
  else if (organization.role !== "admin")
    body = <PageStatus>{t("sso.settings.adminsOnly")}</PageStatus>;
  else body = <SsoSettingsLoader organization={organization} />;

  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="page page--settings">
        <h1 className="page__title">{t("sso.settings.title")}</h1>
        <p className="page__meta">{t("sso.settings.intro")}</p>
        {body}
      </main>
    </div>
  );
}

function SsoSettingsLoader({ organization }: { organization: MyOrganization }) {
  const t = useT();
  const state = useQuery(ssoQueries.settings(organization.id));
  const reload = () => void state.refetch();
  if (state.status === "pending") return <PageStatus>{t("common.loading")}</PageStatus>;
  if (state.status === "error") {
    return <LoadFailedStatus error={state.error} onRetry={reload} />;
  }
  return (
    <SsoSettingsForm
      key={state.data.sso?.updatedAt ?? "none"}
      organization={organization}
      loaded={state.data}
      onSaved={reload}
    />
  );
}

function SsoSettingsForm({
  organization,
  loaded,
  onSaved,
}: {
  organization: MyOrganization;
  loaded: SsoSettingsResponse;
  onSaved: () => void;
}) {
  const t = useT();
  const saved = loaded.sso;
  const [issuer, setIssuer] = useState(saved?.issuer ?? "");
  const [clientId, setClientId] = useState(saved?.clientId ?? "");
  const [clientSecret, setClientSecret] = useState("");
  const [domains, setDomains] = useState(saved?.domains.join(", ") ?? "");
  const [passwordSignIn, setPasswordSignIn] = useState(saved?.passwordSignIn ?? true);

  const save = useMutation({
    mutationFn: async () => {
      await ssoApi.save(organization.id, {
        issuer: issuer.trim(),
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        domains: domains
          .split(/[\s,;]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        passwordSignIn,
      });
      onSaved();
    },
  });
  const remove = useMutation({
    mutationFn: async () => {
      await ssoApi.remove(organization.id);
      onSaved();
    },
  });

  const onSubmit = submitWhenValid(() => save.mutate());

  return (
    <form
      className="card settings__card sso-settings"
      onSubmit={onSubmit}
      aria-label={t("sso.settings.title")}
    >
      {!loaded.available ? (
        <p className="form-error" role="alert">
          {t("errors.sso_unavailable")}
        </p>
      ) : null}
      <p className="sso-settings__status" data-testid="sso-status">
        {saved
          ? saved.provenAt
            ? t("sso.settings.proven")
            : t("sso.settings.notProven")
          : t("sso.settings.none")}
      </p>
      <div className="field">
        <span className="field__label">{t("sso.settings.redirectUri")}</span>
        <code className="sso-settings__uri" data-testid="sso-redirect-uri">
          {loaded.redirectUri}
        </code>
      </div>
      <TextField
        label={t("sso.settings.issuer")}
        hint={t("sso.settings.issuerHint")}
        type="url"
        name="issuer"
        required
        value={issuer}
        onChange={(e) => setIssuer(e.target.value)}
      />
      <TextField
        label={t("sso.settings.clientId")}
        name="clientId"
        required
        value={clientId}
        onChange={(e) => setClientId(e.target.value)}
      />
      <TextField
        label={t("sso.settings.clientSecret")}
        hint={saved ? t("sso.settings.clientSecretKept") : t("sso.settings.clientSecretHint")}
        type="password"
        name="clientSecret"
        autoComplete="off"
        required={!saved}
        value={clientSecret}
        onChange={(e) => setClientSecret(e.target.value)}
      />
      <TextField
        label={t("sso.settings.domains")}
        hint={t("sso.settings.domainsHint")}
        name="domains"
        required
        value={domains}
        onChange={(e) => setDomains(e.target.value)}
      />
      <label className="sso-settings__check">
        <input
          type="checkbox"
          checked={passwordSignIn}
          onChange={(e) => setPasswordSignIn(e.target.checked)}
        />
        {t("sso.settings.passwordSignIn")}
      </label>
      <p className="field__hint">{t("sso.settings.passwordSignInHint")}</p>
      <FormError error={save.error ?? remove.error} />
      <div className="sso-settings__actions">
        <SubmitButton pending={save.isPending} pendingLabel={t("sso.settings.saving")}>
          {t("sso.settings.save")}
        </SubmitButton>
        {saved ? (
          <button
            type="button"
            className="button button--ghost"
            disabled={remove.isPending}
            onClick={() => void remove.mutate()}
          >
            {t("sso.settings.remove")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
