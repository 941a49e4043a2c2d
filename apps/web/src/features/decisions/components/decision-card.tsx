import type { Decision } from "@entente/schema";
import { useState } from "react";
import { useI18n } from "../../../i18n";
import type { ApiError } from "../../../lib/api-client";
import { errorMessage } from "../../../ui/error-message";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { ItemComments } from "../../comments";
import { MeetingOrigin } from "../../meetings";
import {
  OrganizationChip,
  useLens,
  usePartnershipContext,
  usePartnershipDirectory,
} from "../../partnerships";
import { useItemEditor } from "../../items";
import type { DecisionVotesView, DecisionVoteValue } from "@entente/protocol";
import type { DecisionsWriter } from "../hooks/use-decisions";
import { DecisionForm, type DecisionFormValues } from "./decision-form";
import { DecisionLineage } from "./decision-lineage";

/**
 * A decision with each organization's vote. It takes effect only when every organization
 * approved: the outcome shown is the server's, never the document's status field.
 */
export function DecisionCard({
  decision,
  votes,
  writable,
  canVote,
  voting,
  voteError,
  onVote,
  write,
  supersedes,
  supersededBy,
  onProposeChange,
}: {
  decision: Decision;
  votes: DecisionVotesView;
  writable: boolean;
  /** The user may vote for their organization (editor/admin). */
  canVote: boolean;
  voting: boolean;
  voteError: ApiError | null;
  onVote: (choice: DecisionVoteValue, comment: string) => void;
  write: DecisionsWriter;
  /** The decision this one replaces, when it names one that is still there. */
  supersedes: Decision | null;
  /** The newest decision naming this one as the one it replaces (computed, never stored here). */
  supersededBy: Decision | null;
  /** Starts a new decision that supersedes this one (offered once it is approved). */
  onProposeChange: (() => void) | null;
}) {
  const { t, formatDate } = useI18n();
  const context = usePartnershipContext();
  const { member } = usePartnershipDirectory();
  const { shows } = useLens();
  const editor = useItemEditor<DecisionFormValues>();
  const [comment, setComment] = useState("");
  const [changingVote, setChangingVote] = useState(false);

  const decided = votes.outcome !== "pending";
  const open = decision.status === "proposed" && !decided;
  const myVote = votes.votes.find((v) => v.organizationId === context.me.organizationId);
  // A vote on text that changed since does not count: the organization votes again.
  const myCurrentVote = myVote?.current ? myVote : undefined;
  // Once decided, what was decided is shown (the server keeps it), whatever a copy says.
  const agreed = decided ? votes.agreed : undefined;
  const title = agreed?.title ?? decision.title;
  const description = agreed ? (agreed.context ?? "") : decision.context;
  const proposer = member(agreed?.proposedBy ?? decision.proposedBy);
  // This copy was rewritten after the decision (an outdated or hostile client): the sync
  // server puts the decided text back; until it arrives, say so.
  const restoring =
    agreed !== undefined &&
    (agreed.title !== decision.title || (agreed.context ?? "") !== decision.context);
  // Once decided, the record stays as it was voted on.
  const editable = writable && !decided;

  return (
    <article
      className={`decision card decision--${votes.outcome}`}
      data-testid="decision"
      data-decision-id={decision.id}
      data-outcome={votes.outcome}
      data-superseded={supersededBy ? "true" : undefined}
      data-restoring={restoring ? "true" : undefined}
      aria-labelledby={`decision-${decision.id}`}
    >
      {editor.snapshot ? (
        <DecisionForm
          initial={editor.snapshot}
          label={t("decision.edit", { title: decision.title })}
          submitLabel={t("common.save")}
          error={editor.error}
          onCancel={editor.cancel}
          onSubmit={(values) => editor.save(values, (patch) => write.update(decision.id, patch))}
        />
      ) : (
        <>
          <div className="decision__meta">
            <OrganizationChip organizationId={decision.organizationId} />
            <MeetingOrigin meetingId={decision.meetingId} />
            <span className="pill">{t(`level.${decision.governanceLevel}`)}</span>
            {decision.status !== "proposed" &&
            decision.status !== "approved" &&
            decision.status !== "rejected" ? (
              <span className={`pill pill--${decision.status}`}>
                {t(`decision.status.${decision.status}`)}
              </span>
            ) : null}
            {decided || decision.status === "proposed" ? (
              <span className={`outcome outcome--${votes.outcome}`} data-testid="decision-outcome">
                {t(`decision.outcome.${votes.outcome}`)}
              </span>
            ) : null}
          </div>
          <div className="objective__title-row">
            <h3 id={`decision-${decision.id}`} className="objective__title">
              {title}
            </h3>
            <ItemComments kind="decision" id={decision.id} title={title} />
            {editable ? (
              <ItemTools
                editName={t("decision.edit", { title: decision.title })}
                deleteName={t("decision.delete", { title: decision.title })}
                onEdit={() =>
                  editor.edit({
                    title: decision.title,
                    context: decision.context,
                    governanceLevel: decision.governanceLevel,
                    status: decision.status,
                  })
                }
                onDelete={() => editor.run(() => write.remove(decision.id))}
              >
                {decision.status === "draft" ? (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      editor.run(() => write.update(decision.id, { status: "proposed" }))
                    }
                  >
                    {t("decision.propose")}
                  </button>
                ) : null}
              </ItemTools>
            ) : null}
          </div>
          {description ? <p className="objective__description">{description}</p> : null}
          {agreed ? (
            <p className="muted decision__agreed" data-testid="decision-agreed">
              {t(restoring ? "decision.restoring" : "decision.agreedText")}
            </p>
          ) : null}
          <DecisionLineage
            supersedes={supersedes}
            supersededBy={supersededBy}
            onProposeChange={writable ? onProposeChange : null}
          />
          <p className="muted decision__proposed">
            {t("decision.proposedBy", {
              name: proposer?.name ?? t("member.unknown"),
              date: formatDate(decision.createdAt),
            })}
          </p>
          <WriteError error={editor.error} />
        </>
      )}

      <div className="votes">
        <h4 className="subsection__title">{t("decision.votes")}</h4>
        <ul className="vote-list">
          {context.organizations
            .filter((o) => shows(o.id))
            .map((organization) => {
              const vote = votes.votes.find((v) => v.organizationId === organization.id);
              return (
                <li
                  key={organization.id}
                  className="vote-row"
                  data-testid="vote-row"
                  data-organization-id={organization.id}
                  data-vote={vote?.vote ?? "none"}
                  data-current={vote ? String(vote.current) : undefined}
                >
                  <OrganizationChip organizationId={organization.id} />
                  {vote ? (
                    <span className="vote-row__detail">
                      <span className={`vote vote--${vote.vote}`}>
                        {t(
                          vote.vote === "approve"
                            ? "decision.vote.approved"
                            : "decision.vote.rejected",
                        )}
                      </span>{" "}
                      <span className="muted">
                        {t("decision.votedBy", {
                          name: vote.userName,
                          date: formatDate(vote.votedAt),
                        })}
                      </span>
                      {vote.comment ? <q className="vote-row__comment">{vote.comment}</q> : null}
                      {vote.current ? null : (
                        <span className="vote-row__stale" data-testid="vote-stale">
                          {t("decision.vote.stale")}
                        </span>
                      )}
                    </span>
                  ) : decided ? (
                    <span className="vote-row__detail muted">{t("decision.noVote")}</span>
                  ) : open ? (
                    <span className="vote-row__detail vote-row__detail--waiting">
                      {t("decision.awaitingVote")}
                    </span>
                  ) : (
                    <span className="vote-row__detail muted">{t("decision.voteNotOpen")}</span>
                  )}
                </li>
              );
            })}
        </ul>
        {open && canVote && myVote && !myCurrentVote ? (
          <p className="muted vote-hint">{t("decision.voteAgain")}</p>
        ) : null}
        {open && canVote && myCurrentVote && !changingVote ? (
          <button
            type="button"
            className="button button--small button--ghost vote-change"
            onClick={() => setChangingVote(true)}
          >
            {t("decision.changeVote")}
          </button>
        ) : null}
        {open && canVote && (!myCurrentVote || changingVote) ? (
          <form
            className="vote-form"
            onSubmit={(event) => event.preventDefault()}
            aria-label={t("decision.voteFor", { title: decision.title })}
          >
            <input
              className="field__input vote-form__comment"
              placeholder={t("decision.commentPlaceholder")}
              aria-label={t("decision.comment")}
              value={comment}
              maxLength={2000}
              onChange={(e) => setComment(e.target.value)}
            />
            <button
              type="button"
              className="button button--approve"
              disabled={voting}
              onClick={() => {
                setChangingVote(false);
                onVote("approve", comment);
              }}
            >
              {t("decision.approve")}
            </button>
            <button
              type="button"
              className="button button--reject"
              disabled={voting}
              onClick={() => {
                setChangingVote(false);
                onVote("reject", comment);
              }}
            >
              {t("decision.reject")}
            </button>
          </form>
        ) : null}
        {decision.status === "draft" && !decided ? (
          <p className="muted vote-hint">{t("decision.draftHint")}</p>
        ) : null}
        {voteError ? (
          <p className="form-error" role="alert">
            {voteError.status !== 409
              ? errorMessage(t, voteError)
              : decided
                ? t("decision.alreadyDecided")
                : t("decision.changedSinceRead")}
          </p>
        ) : null}
      </div>
    </article>
  );
}
