import { DIGEST_FREQUENCIES, type DigestFrequency, type DigestPeriodKind } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { LANGUAGES, useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { errorMessage } from "../../../ui/error-message";
import { ChoiceField } from "../../../ui/fields";
import { LoadFailedStatus, PageStatus } from "../../../ui/page-status";
import { SettingsCard } from "../../../ui/settings-card";
import { AppHeader } from "../../shell";
import { useNotificationPreferences } from "../hooks/use-notification-preferences";
import {
  kindLabels,
  type MailLanguageChoice,
  type PreferencesDraft,
} from "../state/preferences-draft";
import { DigestPreview } from "./digest-preview";
import { OrganizationSignInLink } from "../../sso";
import "../preferences.css";

const MAIL_LANGUAGE_CHOICES: readonly MailLanguageChoice[] = ["app", ...LANGUAGES];

/**
 * `/settings/notifications`: which notifications also come by e-mail (the app always shows
 * them), the language of those e-mails, each partnership's digest and a preview of it.
 */
export function NotificationSettingsPage() {
  const t = useT();
  useDocumentTitle(t("preferences.title"), t("app.name"));
  const preferences = useNotificationPreferences();
  const { state, reload, draft } = preferences;

  let body;
  if (state.status === "error") {
    body = <LoadFailedStatus error={state.error} onRetry={reload} />;
  } else if (state.status === "pending" || !draft) {
    body = <PageStatus>{t("common.loading")}</PageStatus>;
  } else {
    body = <SettingsForm preferences={preferences} draft={draft} />;
  }

  return (
    <div className="app">
      <AppHeader />
      <main id="main" className="page page--settings">
        <h1 className="page__title">{t("preferences.title")}</h1>
        <p className="page__meta">{t("preferences.intro")}</p>
        <OrganizationSignInLink />
        <p className="page__meta">
          <Link to="/settings/calendar" data-testid="calendar-settings-link">
            {t("calendarFeed.title")}
          </Link>
        </p>
        {body}
      </main>
    </div>
  );
}

function SettingsForm({
  preferences,
  draft,
}: {
  preferences: ReturnType<typeof useNotificationPreferences>;
  draft: PreferencesDraft;
}) {
  const t = useT();
  const { saved, change, dirty, save, saving, saveError, justSaved } = preferences;
  /** The partnership whose digest is previewed, and for which period. */
  const [preview, setPreview] = useState<{ id: string; period: DigestPeriodKind } | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const setEmail = (kind: string, on: boolean) =>
    change((d) => ({ ...d, email: { ...d.email, [kind]: on } }));
  const setFrequency = (partnershipId: string, frequency: DigestFrequency) =>
    change((d) => ({ ...d, digests: { ...d.digests, [partnershipId]: frequency } }));

  return (
    <form
      className="settings"
      aria-label={t("preferences.title")}
      onSubmit={onSubmit}
      data-testid="notification-settings"
    >
      <SettingsCard
        id="settings-kinds"
        title={t("preferences.kinds.title")}
        intro={t("preferences.kinds.intro")}
      >
        <ul className="settings__kinds">
          {(saved?.kinds ?? []).map(({ kind }) => {
            const labels = kindLabels(kind);
            const label = labels ? t(labels.label) : t("preferences.kind.other", { kind });
            const on = draft.email[kind] ?? false;
            return (
              <li
                key={kind}
                className="settings-kind"
                data-testid="notification-kind"
                data-kind={kind}
              >
                <div className="settings-kind__text">
                  <span className="settings-kind__label">{label}</span>
                  <span className="settings-kind__hint">
                    {labels ? t(labels.hint) : t("preferences.kind.other.hint")}
                  </span>
                </div>
                <span className="settings-kind__in-app">{t("preferences.inApp")}</span>
                <label className="switch">
                  <input
                    type="checkbox"
                    role="switch"
                    className="switch__input"
                    checked={on}
                    aria-checked={on}
                    aria-label={t("preferences.emailFor", { kind: label })}
                    onChange={(event) => setEmail(kind, event.target.checked)}
                  />
                  <span className="switch__track" aria-hidden="true" />
                  <span className="switch__text" aria-hidden="true">
                    {t("preferences.email")}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </SettingsCard>

      <SettingsCard id="settings-language" title={t("preferences.language.title")}>
        <ChoiceField
          className="settings__language"
          label={t("preferences.language")}
          value={draft.language}
          values={MAIL_LANGUAGE_CHOICES}
          optionLabel={(choice) =>
            choice === "app" ? t("preferences.language.app") : t(`language.${choice}`)
          }
          onChange={(language) => change((d) => ({ ...d, language }))}
        />
      </SettingsCard>

      <SettingsCard
        id="settings-digests"
        title={t("preferences.digests.title")}
        intro={t("preferences.digests.intro")}
      >
        {(saved?.digests ?? []).length === 0 ? (
          <p className="muted">{t("preferences.digests.none")}</p>
        ) : (
          <ul className="settings__digests">
            {(saved?.digests ?? []).map(({ partnershipId, partnershipName }) => {
              const frequency = draft.digests[partnershipId] ?? "off";
              const open = preview?.id === partnershipId;
              return (
                <li
                  key={partnershipId}
                  className="settings-digest"
                  data-testid="digest-setting"
                  data-partnership-id={partnershipId}
                >
                  <div className="settings-digest__row">
                    <span className="settings-digest__name">{partnershipName}</span>
                    <select
                      className="field__input settings-digest__frequency"
                      aria-label={t("preferences.digest.frequency", {
                        partnership: partnershipName,
                      })}
                      value={frequency}
                      onChange={(event) =>
                        setFrequency(partnershipId, event.target.value as DigestFrequency)
                      }
                    >
                      {DIGEST_FREQUENCIES.map((option) => (
                        <option key={option} value={option}>
                          {t(`preferences.frequency.${option}`)}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button button--small"
                      aria-expanded={open}
                      onClick={() =>
                        setPreview(open ? null : { id: partnershipId, period: "week" })
                      }
                    >
                      {open ? t("digest.hidePreview") : t("digest.preview")}
                    </button>
                  </div>
                  {open ? (
                    <DigestPreview
                      partnershipId={partnershipId}
                      period={preview.period}
                      onPeriodChange={(period) => setPreview({ id: partnershipId, period })}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </SettingsCard>

      <div className="settings__footer">
        {saveError ? (
          <p className="form-error" role="alert">
            {errorMessage(t, saveError)}
          </p>
        ) : justSaved ? (
          <p className="settings__saved" role="status" data-testid="settings-saved">
            {t("preferences.saved")}
          </p>
        ) : dirty ? (
          <p className="muted">{t("preferences.unsaved")}</p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={!dirty || saving}>
          {saving ? t("preferences.saving") : t("preferences.save")}
        </button>
      </div>
    </form>
  );
}
