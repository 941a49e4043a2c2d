import { PERMISSIONS, type Permission } from "@entente/domain";
import type { CreateInvitationResponse, InvitationKind, Language } from "@entente/protocol";
import { useId, useState } from "react";
import { LANGUAGES, useI18n } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { ChoiceField } from "../../../ui/fields";
import { FormError, SubmitButton, submitWhenValid, TextField } from "../../../ui/form";
import { partnershipsApi } from "../api/partnerships-api";
import { RoleHelp } from "./role-help";
import "../invitations.css";

/** The role proposed for each kind of invitation (see `invite.role.*Default` for why). */
const DEFAULT_ROLE: Record<InvitationKind, Permission> = {
  organization: "admin",
  member: "editor",
};

/**
 * For admins: a link that brings a partner organization, or a colleague, into the
 * partnership, e-mailed too when an address is given. The one invite card of the app: the
 * partnership's header, its Organizations tab, the home page and first-run paths embed it.
 */
export function InvitePanel({
  partnershipId,
  myOrganization,
  onCreated,
}: {
  partnershipId: string;
  myOrganization: { id: string; name: string };
  /** Told once an invitation exists (lists of invitations read themselves again). */
  onCreated?: () => void;
}) {
  const { t, formatDate, language } = useI18n();
  const [kind, setKind] = useState<InvitationKind>("organization");
  const [role, setRole] = useState<Permission>(DEFAULT_ROLE.organization);
  const [email, setEmail] = useState("");
  const [mailLanguage, setMailLanguage] = useState<Language>(language);
  const [result, setResult] = useState<CreateInvitationResponse | null>(null);
  const [copied, setCopied] = useState(false);
  const titleId = useId();
  const linkId = useId();

  const submit = useMutation({
    mutationFn: async () => {
      setResult(null);
      setCopied(false);
      const address = email.trim();
      const created = await partnershipsApi.createInvitation(partnershipId, {
        kind,
        role,
        ...(kind === "member" ? { organizationId: myOrganization.id } : {}),
        ...(address ? { email: address, language: mailLanguage } : {}),
      });
      setResult(created);
      onCreated?.();
    },
  });

  const onSubmit = submitWhenValid(() => submit.mutate());

  const chooseKind = (option: InvitationKind) => {
    setKind(option);
    setRole(DEFAULT_ROLE[option]);
  };

  const copy = async () => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.invitation.url);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure origin): the field stays selectable by hand.
    }
  };

  const delivery = result?.email;
  return (
    <section className="card invite-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {t("invite.title")}
      </h2>
      <form className="form" onSubmit={onSubmit}>
        <fieldset className="fieldset">
          <legend className="field__label">{t("invite.kind")}</legend>
          {(["organization", "member"] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name={`${titleId}-kind`}
                value={option}
                checked={kind === option}
                onChange={() => chooseKind(option)}
              />
              {option === "organization"
                ? t("invite.kind.organization")
                : t("invite.kind.member", { organization: myOrganization.name })}
            </label>
          ))}
        </fieldset>
        <ChoiceField
          label={t("invite.role")}
          value={role}
          values={PERMISSIONS}
          optionLabel={(permission) => t(`permission.${permission}`)}
          onChange={setRole}
          help={
            <>
              <RoleHelp selected={role} />
              <p className="field__hint">
                {kind === "organization"
                  ? t("invite.role.organizationDefault")
                  : t("invite.role.memberDefault")}
              </p>
            </>
          }
        />
        <TextField
          label={t("invite.email")}
          hint={t("invite.email.hint")}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        {email.trim() ? (
          <ChoiceField
            label={t("invite.language")}
            value={mailLanguage}
            values={LANGUAGES}
            optionLabel={(option) => t(`language.${option}`)}
            onChange={setMailLanguage}
          />
        ) : null}
        <FormError error={submit.error} />
        <SubmitButton pending={submit.isPending} pendingLabel={t("invite.submitting")}>
          {email.trim() ? t("invite.submitEmail") : t("invite.submit")}
        </SubmitButton>
      </form>
      {result ? (
        <div className="invite-result">
          {delivery ? (
            <p
              className={delivery.sent ? "invite-result__sent" : "invite-result__unsent"}
              role="status"
            >
              {delivery.sent
                ? t("invite.sent", { email: delivery.to })
                : delivery.reason === "send_failed"
                  ? t("invite.notSent.failed", { email: delivery.to })
                  : t("invite.notSent.smtp", { email: delivery.to })}
            </p>
          ) : null}
          <label className="field__label" htmlFor={linkId}>
            {t("invite.link")}
          </label>
          <div className="invite-result__row">
            <input
              id={linkId}
              className="field__input"
              readOnly
              value={result.invitation.url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? t("common.copied") : t("common.copy")}
            </button>
          </div>
          <p className="field__hint">
            {t("invite.expires", { date: formatDate(result.invitation.expiresAt) })}
          </p>
        </div>
      ) : null}
    </section>
  );
}
