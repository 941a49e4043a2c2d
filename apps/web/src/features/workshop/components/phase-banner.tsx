import type { WorkshopView } from "@entente/protocol";
import { useT } from "../../../i18n";
import { errorMessage } from "../../../ui/error-message";
import { WriteError } from "../../../ui/item-tools";
import { useActionError } from "../../../ui/use-action-error";
import { OrganizationChip } from "../../partnerships";
import { hiddenTotal } from "../state/board";

/**
 * The brainstorm phase: in private, each member's notes stay with them (the server sends
 * nobody else their content), and the others' hidden notes are only counted. The
 * facilitator reveals them all at once, or starts a new private round.
 */
export function PhaseBanner({
  workshop,
  isFacilitator,
  canAct,
  onPhase,
}: {
  workshop: WorkshopView;
  isFacilitator: boolean;
  canAct: boolean;
  onPhase: (phase: WorkshopView["phase"]) => Promise<void>;
}) {
  const t = useT();
  const { error, guard } = useActionError();
  const hidden = workshop.hidden.filter((h) => h.count > 0);
  const isPrivate = workshop.phase === "private";

  return (
    <div
      className={isPrivate ? "workshop-phase workshop-phase--private" : "workshop-phase"}
      data-testid="workshop-phase"
      data-phase={workshop.phase}
      role="status"
    >
      <div className="workshop-phase__text">
        <strong>{isPrivate ? t("workshop.phase.private") : t("workshop.phase.revealed")}</strong>{" "}
        {isPrivate && canAct ? t("workshop.phase.privateHint") : null}
      </div>
      {hidden.length > 0 ? (
        <ul className="workshop-phase__hidden" data-testid="hidden-counts">
          {hidden.map((h) => (
            <li
              key={h.organizationId}
              data-testid="hidden-count"
              data-organization-id={h.organizationId}
              data-count={h.count}
            >
              <OrganizationChip organizationId={h.organizationId} />{" "}
              {t("workshop.phase.hiddenCount", { count: h.count })}
            </li>
          ))}
        </ul>
      ) : null}
      {isFacilitator ? (
        <div className="workshop-phase__tools">
          {isPrivate ? (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => guard(() => onPhase("revealed"))}
            >
              {hiddenTotal(workshop) > 0
                ? t("workshop.phase.revealCount", { count: hiddenTotal(workshop) })
                : t("workshop.phase.reveal")}
            </button>
          ) : (
            <button
              type="button"
              className="button button--small"
              onClick={() => guard(() => onPhase("private"))}
            >
              {t("workshop.phase.newRound")}
            </button>
          )}
        </div>
      ) : null}
      <WriteError error={error ? errorMessage(t, error) : null} />
    </div>
  );
}
