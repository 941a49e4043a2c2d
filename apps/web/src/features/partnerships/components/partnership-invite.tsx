import { useT } from "../../../i18n";
import { usePartnershipContext } from "../state/partnership-context";
import { InvitePanel } from "./invite-panel";

/**
 * The invite card of the partnership on screen, for its admins (nothing for others: the
 * server refuses them anyway). `button`: the header's "Invite" button that opens the card
 * in place; `card`: the card itself (the Organizations tab).
 */
export function PartnershipInvite({
  mode,
  onCreated,
}: {
  mode: "button" | "card";
  onCreated?: (() => void) | undefined;
}) {
  const t = useT();
  const { partnershipId, organizations, me } = usePartnershipContext();
  const myOrganization = organizations.find((o) => o.id === me.organizationId);
  if (me.permission !== "admin" || !myOrganization) return null;
  const card = (
    <InvitePanel
      partnershipId={partnershipId}
      myOrganization={myOrganization}
      {...(onCreated ? { onCreated } : {})}
    />
  );
  if (mode === "card") return card;
  return (
    <details className="invite-launcher">
      <summary className="button button--small button--primary" data-testid="invite-launcher">
        {t("invite.open")}
      </summary>
      <div className="invite-launcher__panel">{card}</div>
    </details>
  );
}
