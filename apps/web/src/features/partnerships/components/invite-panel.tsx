import { PERMISSIONS, type Permission } from "@entente/domain";
import type { InvitationKind, InvitationView } from "@entente/protocol";
import { useCallback, useId, useState, type FormEvent } from "react";
import { useI18n } from "../../../i18n";
import { useSubmit } from "../../../lib/use-submit";
import { FormError, SubmitButton } from "../../../ui/form";
import { partnershipsApi } from "../api/partnerships-api";

/** For admins: a link that brings a partner organization, or a colleague, into the partnership. */
export function InvitePanel({
  partnershipId,
  myOrganization,
  onCreated,
}: {
  partnershipId: string;
  myOrganization: { id: string; name: string };
  /** Told once an invitation exists (the pending list reads itself again). */
  onCreated?: () => void;
}) {
  const { t, formatDate } = useI18n();
  const [kind, setKind] = useState<InvitationKind>("organization");
  const [role, setRole] = useState<Permission>("admin");
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const [copied, setCopied] = useState(false);
  const roleId = useId();
  const linkId = useId();

  const submit = useSubmit(
    useCallback(async () => {
      setInvitation(null);
      setCopied(false);
      const result = await partnershipsApi.createInvitation(partnershipId, {
        kind,
        role,
        ...(kind === "member" ? { organizationId: myOrganization.id } : {}),
      });
      setInvitation(result.invitation);
      onCreated?.();
    }, [partnershipId, kind, role, myOrganization.id, onCreated]),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit.run();
  };

  const copy = async () => {
    if (!invitation) return;
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure origin): the field stays selectable by hand.
    }
  };

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title" className="card__title">
        {t("invite.title")}
      </h2>
      <form className="form" onSubmit={onSubmit}>
        <fieldset className="fieldset">
          <legend className="field__label">{t("invite.kind")}</legend>
          {(["organization", "member"] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="invitation-kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              {option === "organization"
                ? t("invite.kind.organization")
                : t("invite.kind.member", { organization: myOrganization.name })}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={roleId}>
            {t("invite.role")}
          </label>
          <select
            id={roleId}
            className="field__input"
            value={role}
            onChange={(e) => setRole(e.target.value as Permission)}
          >
            {PERMISSIONS.map((permission) => (
              <option key={permission} value={permission}>
                {t(`permission.${permission}`)}
              </option>
            ))}
          </select>
        </div>
        <FormError error={submit.error} />
        <SubmitButton pending={submit.pending} pendingLabel={t("invite.submitting")}>
          {t("invite.submit")}
        </SubmitButton>
      </form>
      {invitation ? (
        <div className="invite-result">
          <label className="field__label" htmlFor={linkId}>
            {t("invite.link")}
          </label>
          <div className="invite-result__row">
            <input
              id={linkId}
              className="field__input"
              readOnly
              value={invitation.url}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? t("common.copied") : t("common.copy")}
            </button>
          </div>
          <p className="field__hint">
            {t("invite.expires", { date: formatDate(invitation.expiresAt) })}
          </p>
        </div>
      ) : null}
    </section>
  );
}
