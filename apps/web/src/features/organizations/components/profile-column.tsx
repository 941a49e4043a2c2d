import { useT } from "../../../i18n";
import { PresenceStrip } from "../../collab";
import {
  OrganizationChip,
  ReadOnlyBadge,
  DocumentNotices,
  usePartnershipContext,
} from "../../partnerships";
import { ProfileHistoryScope } from "../../records";
import type { OrganizationProfile } from "../hooks/use-profiles";
import { AmbitionList } from "./ambition-list";
import { ConstraintList } from "./constraint-list";
import { ContributionList } from "./contribution-list";

/** One organization's profile: its ambitions, what it brings, where it is constrained. */
export function ProfileColumn({
  profile,
  objectives,
}: {
  profile: OrganizationProfile;
  objectives: readonly { id: string; title: string }[];
}) {
  const t = useT();
  const context = usePartnershipContext();
  const organization = context.organizations.find((o) => o.id === profile.organizationId);
  const mine = profile.organizationId === context.me.organizationId;
  const writable = profile.writable;
  const readOnlyHint = mine
    ? t("empty.readOnlyOwnProfile")
    : t("readOnly.partnerProfile", { organization: organization?.name ?? "" });

  return (
    <section
      className="profile-column card"
      data-testid="profile-column"
      data-organization-id={profile.organizationId}
      data-sync={profile.status}
      data-writable={writable ? "true" : "false"}
      aria-label={organization?.name ?? t("organization.unknown")}
      style={organization ? { borderTopColor: organization.color } : undefined}
    >
      <header className="profile-column__header">
        <OrganizationChip organizationId={profile.organizationId} />
        <span className="muted profile-column__role">
          {mine ? t("organizations.yours") : t("organizations.partner")}
        </span>
        <span className="profile-column__side">
          <PresenceStrip awareness={profile.awareness} />
          {profile.access !== "write" ? (
            <ReadOnlyBadge
              reason={
                mine
                  ? t("readOnly.permission")
                  : t("readOnly.partnerProfile", { organization: organization?.name ?? "" })
              }
            />
          ) : null}
        </span>
      </header>
      <DocumentNotices document={profile} />
      {profile.loading &&
      profile.value.contributions.length +
        profile.value.constraints.length +
        profile.value.ambitions.length ===
        0 ? (
        <p className="muted">{t("common.loading")}</p>
      ) : (
        <ProfileHistoryScope organizationId={profile.organizationId}>
          <AmbitionList
            entries={profile.value.ambitions}
            writable={writable}
            readOnlyHint={readOnlyHint}
            write={profile.write}
          />
          <ContributionList
            entries={profile.value.contributions}
            writable={writable}
            readOnlyHint={readOnlyHint}
            write={profile.write}
          />
          <ConstraintList
            entries={profile.value.constraints}
            objectives={objectives}
            writable={writable}
            readOnlyHint={readOnlyHint}
            write={profile.write}
          />
        </ProfileHistoryScope>
      )}
    </section>
  );
}
