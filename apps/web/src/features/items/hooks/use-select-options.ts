import { useT } from "../../../i18n";
import { usePartnershipContext } from "../../partnerships";

/** The partnership's organizations as select options, in the partnership's order. */
export function useOrganizationOptions() {
  const { organizations } = usePartnershipContext();
  return organizations.map((o) => ({ value: o.id, label: o.name }));
}

/**
 * The partnership's members as select options grouped by organization, after a "nobody"
 * option (value ""). Only partnership members: partners' directories stay theirs.
 */
export function useMemberOptions() {
  const t = useT();
  const { organizations, members } = usePartnershipContext();
  return [
    { value: "", label: t("member.nobody") },
    ...organizations.map((o) => ({
      group: o.name,
      options: members
        .filter((m) => m.organizationId === o.id)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((m) => ({ value: m.id, label: m.name })),
    })),
  ];
}
