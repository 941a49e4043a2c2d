import { useState } from "react";
import { usePartnershipContext } from "../../partnerships";

/** Who owns an item, who it is assigned to (null: nobody) and when it is due (null: no date). */
export interface Planning {
  ownerOrganizationId: string;
  assigneeUserId: string | null;
  dueDate: string | null;
}

/**
 * The planning of an item as its form edits it: from `initial`, or for a new item owned by
 * one's own organization, assigned to nobody, with no date. `values()` is what the form saves.
 */
export function usePlanning(initial: Planning | null) {
  const { me } = usePartnershipContext();
  const [owner, setOwner] = useState(initial?.ownerOrganizationId ?? me.organizationId);
  const [assignee, setAssignee] = useState(initial?.assigneeUserId ?? "");
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? "");
  return {
    owner,
    assignee,
    dueDate,
    setOwner,
    setAssignee,
    setDueDate,
    values: (): Planning => ({
      ownerOrganizationId: owner,
      assigneeUserId: assignee === "" ? null : assignee,
      dueDate: dueDate === "" ? null : dueDate,
    }),
  };
}

/** What {@link usePlanning} gives its form. */
export type PlanningState = ReturnType<typeof usePlanning>;
