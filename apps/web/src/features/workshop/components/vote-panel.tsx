import type { VoteCommand, WorkshopVoteView } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { errorMessage } from "../../../ui/error-message";
import { WriteError } from "../../../ui/item-tools";
import { useActionError } from "../../../ui/use-action-error";
import { dotsLeft } from "../state/board";

const MAX_DOTS = 20;

/**
 * Dot voting: the facilitator opens it with a number of dots per person and closes it;
 * while it is open each member sees their own dots only, and how many have voted.
 */
export function VotePanel({
  vote,
  isFacilitator,
  canAct,
  onCommand,
}: {
  vote: WorkshopVoteView;
  isFacilitator: boolean;
  canAct: boolean;
  onCommand: (command: VoteCommand) => Promise<void>;
}) {
  const t = useT();
  const [dots, setDots] = useState("3");
  const { error, guard } = useActionError();
  const command = (c: VoteCommand) => guard(() => onCommand(c));

  const open = (event: FormEvent) => {
    event.preventDefault();
    const value = Math.round(Number(dots));
    if (!Number.isFinite(value) || value < 1) return;
    command({ action: "open", votesPerPerson: value });
  };

  return (
    <section
      className="workshop-vote"
      data-testid="workshop-vote"
      data-state={vote.status}
      aria-labelledby="workshop-vote-title"
    >
      <h3 id="workshop-vote-title" className="workshop-panel__title">
        {t("workshop.vote.title")}
      </h3>
      {vote.status === "none" ? (
        <p className="muted">{t("workshop.vote.none")}</p>
      ) : vote.status === "open" ? (
        <p>
          <strong>{t("workshop.vote.open", { count: vote.votesPerPerson })}</strong>{" "}
          {canAct ? (
            <span data-testid="dots-left" data-count={dotsLeft(vote)}>
              {t("workshop.vote.dotsLeft", { count: dotsLeft(vote) })}
            </span>
          ) : null}{" "}
          <span className="muted">{t("workshop.vote.voters", { count: vote.voterCount })}</span>
        </p>
      ) : (
        <p>
          <strong>{t("workshop.vote.closed")}</strong>{" "}
          <span className="muted">{t("workshop.vote.voters", { count: vote.voterCount })}</span>
        </p>
      )}
      {isFacilitator ? (
        <div className="workshop-vote__controls">
          {vote.status !== "open" ? (
            <form className="workshop-vote__open" onSubmit={open}>
              <label className="workshop-timer__minutes">
                <span>{t("workshop.vote.dotsPerPerson")}</span>
                <input
                  className="field__input"
                  type="number"
                  min={1}
                  max={MAX_DOTS}
                  step={1}
                  value={dots}
                  onChange={(e) => setDots(e.target.value)}
                  required
                />
              </label>
              <button type="submit" className="button button--small button--primary">
                {t("workshop.vote.openButton")}
              </button>
            </form>
          ) : (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => command({ action: "close" })}
            >
              {t("workshop.vote.close")}
            </button>
          )}
          {vote.status !== "none" ? (
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => command({ action: "reset" })}
            >
              {t("workshop.vote.reset")}
            </button>
          ) : null}
        </div>
      ) : null}
      <WriteError error={error ? errorMessage(t, error) : null} />
    </section>
  );
}
