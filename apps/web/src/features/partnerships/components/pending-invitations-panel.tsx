import type { OrganizationInvitationView } from "@entente/protocol";
import { useEffect } from "react";
import { useI18n } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { FormError } from "../../../ui/form";
import { partnershipsApi } from "../api/partnerships-api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { partnershipsKeys, partnershipsQueries } from "../api/partnerships-queries";

/**
 * For admins: the organization invitations of the partnership that are not accepted yet,
 * which organizations approved each and which still have to; an admin whose organization
 * is among those approves it here. An invitation joins nobody before every one approved.
 */
export function PendingInvitationsPanel({
  partnershipId,
  myOrganizationId,
  refreshKey,
}: {
  partnershipId: string;
  myOrganizationId: string;
  /** Changes when an invitation was made here, so the list is read again. */
  refreshKey: number;
}) {
  const { t } = useI18n();
  const state = useQuery(partnershipsQueries.organizationInvitations(partnershipId));
  const queryClient = useQueryClient();
  const reload = () =>
    void queryClient.invalidateQueries({
      queryKey: partnershipsKeys.organizationInvitations(partnershipId),
    });
  useEffect(() => {
    if (refreshKey > 0) {
      void queryClient.invalidateQueries({
        queryKey: partnershipsKeys.organizationInvitations(partnershipId),
      });
    }
  }, [refreshKey, queryClient, partnershipId]);
  if (state.status !== "success" || state.data.invitations.length === 0) return null;

  return (
    <section className="card" aria-labelledby="pending-invitations-title">
      <h2 id="pending-invitations-title" className="card__title">
        {t("invite.pending.title")}
      </h2>
      <ul className="pending-invitations">
        {state.data.invitations.map((invitation) => (
          <PendingInvitation
            key={invitation.id}
            partnershipId={partnershipId}
            invitation={invitation}
            myOrganizationId={myOrganizationId}
            onApproved={reload}
          />
        ))}
      </ul>
    </section>
  );
}

function PendingInvitation({
  partnershipId,
  invitation,
  myOrganizationId,
  onApproved,
}: {
  partnershipId: string;
  invitation: OrganizationInvitationView;
  myOrganizationId: string;
  onApproved: () => void;
}) {
  const { t, formatDate } = useI18n();
  const mine = invitation.waitingFor.find((o) => o.id === myOrganizationId);
  const approve = useMutation({
    mutationFn: async () => {
      await partnershipsApi.approveOrganizationInvitation(partnershipId, invitation.id);
      onApproved();
    },
  });
  const names = (list: { name: string }[]) => list.map((o) => o.name).join(", ");

  return (
    <li className="pending-invitations__item" aria-label={t("invite.pending.item")}>
      <p>
        {t("invite.pending.invitedBy", {
          name: invitation.invitedBy.name,
          date: formatDate(invitation.createdAt),
        })}
      </p>
      {invitation.approvals.length > 0 ? (
        <p className="field__hint">
          {t("invite.pending.approvedBy", {
            organizations: names(invitation.approvals.map((a) => a.organization)),
          })}
        </p>
      ) : null}
      <p className={invitation.waitingFor.length > 0 ? "pending-invitations__waiting" : ""}>
        {invitation.waitingFor.length > 0
          ? t("invite.pending.waitingFor", { organizations: names(invitation.waitingFor) })
          : t("invite.pending.ready")}
      </p>
      <FormError error={approve.error} />
      {mine ? (
        <button
          type="button"
          className="button"
          disabled={approve.isPending}
          onClick={() => void approve.mutate()}
        >
          {approve.isPending
            ? t("invite.pending.approving")
            : t("invite.pending.approve", { organization: mine.name })}
        </button>
      ) : null}
    </li>
  );
}
