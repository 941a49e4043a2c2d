import type { SentInvitationView } from "@entente/protocol";
import { useEffect } from "react";
import { useI18n } from "../../../i18n";
import { ConfirmButton } from "../../../ui/confirm-button";
import { EmptyState } from "../../../ui/empty-state";
import { FormError } from "../../../ui/form";
import { partnershipsApi } from "../api/partnerships-api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { partnershipsKeys, partnershipsQueries } from "../api/partnerships-queries";

/**
 * For admins: the invitations their organization made in the partnership, each pending,
 * used, expired or revoked (as the server says); a pending one can be revoked here. None
 * yet: how to make one.
 */
export function SentInvitationsPanel({
  partnershipId,
  refreshKey,
}: {
  partnershipId: string;
  /** Changes when an invitation was made here, so the list is read again. */
  refreshKey: number;
}) {
  const { t } = useI18n();
  const state = useQuery(partnershipsQueries.sentInvitations(partnershipId));
  const queryClient = useQueryClient();
  const reload = () =>
    void queryClient.invalidateQueries({
      queryKey: partnershipsKeys.sentInvitations(partnershipId),
    });
  useEffect(() => {
    if (refreshKey > 0) {
      void queryClient.invalidateQueries({
        queryKey: partnershipsKeys.sentInvitations(partnershipId),
      });
    }
  }, [refreshKey, queryClient, partnershipId]);
  if (state.status !== "success") return null;

  return (
    <section className="card" aria-labelledby="sent-invitations-title">
      <h2 id="sent-invitations-title" className="card__title">
        {t("invite.sentList.title")}
      </h2>
      {state.data.invitations.length === 0 ? (
        <EmptyState title={t("invite.sentList.empty")} text={t("invite.sentList.emptyHint")} />
      ) : (
        <ul className="pending-invitations">
          {state.data.invitations.map((invitation) => (
            <SentInvitation
              key={invitation.id}
              partnershipId={partnershipId}
              invitation={invitation}
              onRevoked={reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SentInvitation({
  partnershipId,
  invitation,
  onRevoked,
}: {
  partnershipId: string;
  invitation: SentInvitationView;
  onRevoked: () => void;
}) {
  const { t, formatDate } = useI18n();
  const revoke = useMutation({
    mutationFn: async () => {
      await partnershipsApi.revokeInvitation(partnershipId, invitation.id);
      onRevoked();
    },
  });
  const role = t(`permission.${invitation.role}`);
  const status = (() => {
    switch (invitation.status) {
      case "pending":
        return t("invite.status.pending", { date: formatDate(invitation.expiresAt) });
      case "used":
        return t("invite.status.used", {
          name: invitation.acceptedBy?.name ?? "",
          date: formatDate(invitation.acceptedAt ?? invitation.createdAt),
        });
      case "expired":
        return t("invite.status.expired", { date: formatDate(invitation.expiresAt) });
      case "revoked":
        return t("invite.status.revoked", {
          name: invitation.revokedBy?.name ?? "",
          date: formatDate(invitation.revokedAt ?? invitation.createdAt),
        });
    }
  })();

  return (
    <li
      className="pending-invitations__item"
      aria-label={t("invite.sentList.item")}
      data-status={invitation.status}
    >
      <p>
        {invitation.kind === "organization"
          ? t("invite.sentList.organization", { role })
          : t("invite.sentList.member", { role })}
        {invitation.email ? ` ${t("invite.sentList.to", { email: invitation.email })}` : null}
      </p>
      <p className="field__hint">
        {t("invite.sentList.by", {
          name: invitation.invitedBy.name,
          date: formatDate(invitation.createdAt),
        })}
      </p>
      <p className={`invitation-status invitation-status--${invitation.status}`}>{status}</p>
      <FormError error={revoke.error} />
      {invitation.status === "pending" ? (
        <ConfirmButton
          label={revoke.isPending ? t("invite.revoking") : t("invite.revoke")}
          confirmLabel={t("invite.revokeConfirm")}
          cancelLabel={t("common.cancel")}
          onConfirm={() => void revoke.mutate()}
        />
      ) : null}
    </li>
  );
}
