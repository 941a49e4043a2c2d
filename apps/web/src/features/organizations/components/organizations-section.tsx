import { readValues } from "@entente/schema";
import { useT } from "../../../i18n";
import { useObjectives } from "../../objectives";
import {
  PartnershipInvite,
  SectionHeader,
  useLens,
  usePartnershipContext,
} from "../../partnerships";
import { useProfiles } from "../hooks/use-profiles";
import { ProfileColumn } from "./profile-column";

/**
 * What each organization brings and where it is constrained (a lazy chunk), side by side:
 * one column per organization the lens shows. Each writes only its own column.
 */
export default function OrganizationsSection() {
  const t = useT();
  const context = usePartnershipContext();
  const profiles = useProfiles();
  const objectives = useObjectives();
  const { shows } = useLens();
  const objectiveTitles = readValues(objectives.items).map((o) => ({ id: o.id, title: o.title }));
  const mine = profiles.find((p) => p.organizationId === context.me.organizationId) ?? profiles[0];
  const shown = profiles.filter((p) => shows(p.organizationId));

  return (
    <section className="section" aria-labelledby="organizations-title">
      {mine ? (
        <SectionHeader
          id="organizations-title"
          title={t("organizations.title")}
          subtitle={t("organizations.subtitle")}
          document={mine}
        />
      ) : null}
      <div
        className="profile-columns"
        style={{ gridTemplateColumns: `repeat(${Math.max(shown.length, 1)}, minmax(0, 1fr))` }}
      >
        {shown.map((profile) => (
          <ProfileColumn key={profile.name} profile={profile} objectives={objectiveTitles} />
        ))}
      </div>
      <PartnershipInvite mode="card" />
    </section>
  );
}
