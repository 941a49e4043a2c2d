import { useT } from "../../../i18n";
import { usePartnershipContext } from "../../partnerships";
import { useDeletedObjectiveTitle } from "../hooks/use-deleted-objective";

/** A reference to an objective that was deleted: its title as it was, marked as deleted. */
export function DeletedObjective({ id }: { id: string }) {
  const t = useT();
  const { partnershipId } = usePartnershipContext();
  const title = useDeletedObjectiveTitle(partnershipId, id);
  return (
    <span className="deleted-objective" data-testid="deleted-objective">
      {title === null ? t("issue.deletedObjective") : t("issue.deletedObjectiveWas", { title })}
    </span>
  );
}
