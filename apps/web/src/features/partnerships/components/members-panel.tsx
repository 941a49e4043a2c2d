import type { PartnershipMemberView } from "@entente/protocol";
import { useT } from "../../../i18n";
import { ColorSwatch } from "../../../ui/color-swatch";
import type { ColoredOrganization } from "../state/organization-colors";

/** The partnership's members, grouped by the organization they speak for. */
export function MembersPanel({
  organizations,
  members,
  currentUserId,
}: {
  organizations: ColoredOrganization[];
  members: PartnershipMemberView[];
  currentUserId: string;
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title" className="card__title">
        {t("partnership.members")}
      </h2>
      {organizations.map((organization) => {
        const people = members
          .filter((m) => m.organizationId === organization.id)
          .sort((a, b) => a.name.localeCompare(b.name));
        return (
          <div key={organization.id} className="members__group">
            <h3 className="members__org">
              <ColorSwatch color={organization.color} />
              {organization.name}
            </h3>
            <ul className="members__list">
              {people.map((member) => (
                <li key={member.id} className="members__person">
                  <span className="members__name">
                    {member.name}
                    {member.id === currentUserId ? (
                      <span className="presence__you"> ({t("presence.you")})</span>
                    ) : null}
                  </span>
                  <span className="members__seat">
                    {t("home.seat", {
                      permission: t(`permission.${member.permission}`),
                      level: t(`level.${member.level}`),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
