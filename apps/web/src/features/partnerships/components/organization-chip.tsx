import { useT } from "../../../i18n";
import { ColorSwatch } from "../../../ui/color-swatch";
import { usePartnershipDirectory } from "../state/partnership-context";

/** An organization's name with its colour: every item shows whose it is. */
export function OrganizationChip({ organizationId }: { organizationId: string }) {
  const t = useT();
  const { organization } = usePartnershipDirectory();
  const found = organization(organizationId);
  return (
    <span
      className="org-tag"
      data-testid="org-tag"
      data-organization-id={organizationId}
      style={found ? { borderColor: `${found.color}55`, backgroundColor: `${found.color}12` } : {}}
    >
      <ColorSwatch color={found?.color ?? "#94a3b8"} />
      {found?.name ?? t("organization.unknown")}
    </span>
  );
}
