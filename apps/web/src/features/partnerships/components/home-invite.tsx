import type { MeResponse } from "@entente/protocol";
import { useState } from "react";
import { useT } from "../../../i18n";
import { SelectField } from "../../../ui/fields";
import { InvitePanel } from "./invite-panel";

/** On the home page: invite into one of the partnerships the user administers. */
export function HomeInvite({ me }: { me: MeResponse }) {
  const t = useT();
  const administered = me.partnerships
    .filter((p) => p.permission === "admin")
    .sort((a, b) => a.name.localeCompare(b.name));
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = administered.find((p) => p.id === chosenId) ?? administered[0];
  const organization = me.organizations.find((o) => o.id === chosen?.organizationId);
  if (!chosen || !organization) return null;

  return (
    <section className="home-invite" aria-label={t("invite.home.title")}>
      {administered.length > 1 ? (
        <SelectField
          label={t("invite.home.partnership")}
          value={chosen.id}
          onChange={(e) => setChosenId(e.target.value)}
          options={administered.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
      <InvitePanel
        key={chosen.id}
        partnershipId={chosen.id}
        myOrganization={{ id: organization.id, name: organization.name }}
      />
    </section>
  );
}
