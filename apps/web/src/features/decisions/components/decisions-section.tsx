import type { Decision } from "@entente/schema";
import { useT } from "../../../i18n";
import { errorMessage } from "../../../ui/error-message";
import { useArrivalAnnouncements } from "../../../ui/use-arrival-announcements";
import { GlossaryTerm } from "../../glossary";
import { ItemsSection, UnreadableEntry } from "../../items";
import {
  useLens,
  canAct,
  usePartnershipContext,
  usePartnershipDirectory,
} from "../../partnerships";
import { useDecisionVotes } from "../hooks/use-decision-votes";
import { useDecisions, type DecisionsWriter } from "../hooks/use-decisions";
import { useLineage } from "../hooks/use-lineage";
import { DecisionCard } from "./decision-card";
import { DecisionForm } from "./decision-form";

/** Decisions (a lazy chunk): proposed at a governance level, voted on by each organization. */
export default function DecisionsSection() {
  const t = useT();
  const context = usePartnershipContext();
  const decisions = useDecisions();
  const votes = useDecisionVotes();
  const { shows } = useLens();
  const lineage = useLineage(decisions.items);
  const { organization } = usePartnershipDirectory();
  useArrivalAnnouncements(votes.cast, {
    key: (v) => `${v.decisionId} ${v.organizationId} ${v.votedAt}`,
    fromSomeoneElse: (v) => v.userId !== context.me.userId,
    message: (v) => {
      const decision = decisions.items.find((e) => e.ok && e.value.id === v.decisionId);
      return t(v.vote === "approve" ? "a11y.announce.voteApprove" : "a11y.announce.voteReject", {
        name: v.userName,
        title: decision?.ok ? decision.value.title : t("decisions.title"),
        organization: organization(v.organizationId)?.name ?? "",
      });
    },
  });

  const visible = decisions.items.filter((entry) => {
    if (!entry.ok) return true;
    const decision = entry.value;
    if (shows(decision.organizationId)) return true;
    // What waits on an organization: a pending decision it has not voted on yet.
    const { outcome, votes: cast } = votes.votesOf(decision.id);
    const waitingOn = context.organizations
      .map((o) => o.id)
      .filter((id) => !cast.some((v) => v.organizationId === id && v.current));
    return decision.status === "proposed" && outcome === "pending" && shows(waitingOn);
  });

  return (
    <ItemsSection
      id="decisions-title"
      title={t("decisions.title")}
      subtitle={
        <>
          {t("decisions.subtitle")} <GlossaryTerm term="twoKey" />
        </>
      }
      document={decisions}
      newLabel={t("decision.new")}
      createLabel={t("decision.create")}
      renderCreateForm={(form, save) => (
        <DecisionForm
          {...form}
          initial={null}
          onSubmit={(values) => save(() => decisions.write.add(values))}
        />
      )}
      emptyText={t("decisions.empty")}
      emptyHint={t("decisions.emptyHint")}
      notice={
        votes.loadError ? (
          <div className="notice notice--warning" role="alert">
            {t("decisions.votesUnavailable")} {errorMessage(t, votes.loadError)}
          </div>
        ) : null
      }
      footer={
        decisions.items.length > visible.length ? (
          <p className="lens-note">
            {t("lens.hiddenDecisions", { count: decisions.items.length - visible.length })}
          </p>
        ) : null
      }
    >
      <div className="decision-list">
        {visible.map((entry) =>
          entry.ok ? (
            <DecisionCard
              key={entry.value.id}
              decision={entry.value}
              votes={votes.votesOf(entry.value.id)}
              writable={decisions.writable}
              canVote={canAct(context) && votes.loaded}
              voting={votes.pending === entry.value.id}
              voteError={votes.errors[entry.value.id] ?? null}
              onVote={(choice, comment) => void votes.vote(entry.value, choice, comment)}
              write={decisions.write}
              supersedes={lineage.supersedes(entry.value)}
              supersededBy={lineage.supersededBy(entry.value.id)}
              onProposeChange={
                votes.votesOf(entry.value.id).outcome === "approved"
                  ? () => proposeChange(decisions.write, entry.value)
                  : null
              }
            />
          ) : (
            <UnreadableEntry
              key={entry.id}
              problem={entry.problem}
              onDelete={
                decisions.writable ? () => void decisions.write.remove(entry.id) : undefined
              }
            />
          ),
        )}
      </div>
    </ItemsSection>
  );
}

/**
 * Changing an approved decision is a new decision that supersedes it: a draft with its
 * text, to edit and put to the vote; the approved one stays as it was decided.
 */
function proposeChange(write: DecisionsWriter, decision: Decision): void {
  write.add({
    title: decision.title,
    context: decision.context,
    governanceLevel: decision.governanceLevel,
    status: "draft",
    supersedes: decision.id,
  });
}
