import { useState } from "react";
import { useT } from "../../../i18n";
import { errorMessage } from "../../../ui/error-message";
import { PageStatus } from "../../../ui/page-status";
import { SectionHeader } from "../../partnerships/components/section-header";
import { UnreadableEntry } from "../../partnerships/components/unreadable-entry";
import { useLens } from "../../partnerships/hooks/use-lens";
import { useWrite } from "../../partnerships/hooks/use-write";
import { canAct, usePartnershipContext } from "../../partnerships/state/partnership-context";
import { useDecisionVotes } from "../hooks/use-decision-votes";
import { useDecisions } from "../hooks/use-decisions";
import { DecisionCard } from "./decision-card";
import { DecisionForm } from "./decision-form";

/** Decisions (a lazy chunk): proposed at a governance level, voted on by each organization. */
export default function DecisionsSection() {
  const t = useT();
  const context = usePartnershipContext();
  const decisions = useDecisions();
  const votes = useDecisionVotes();
  const { shows } = useLens();
  const [creating, setCreating] = useState(false);
  const { run, error, clear } = useWrite();

  const visible = decisions.items.filter((entry) => {
    if (!entry.ok) return true;
    const decision = entry.value;
    if (shows(decision.organizationId)) return true;
    // What waits on an organization: a pending decision it has not voted on yet.
    const { outcome, votes: cast } = votes.votesOf(decision.id);
    const waitingOn = context.organizations
      .map((o) => o.id)
      .filter((id) => !cast.some((v) => v.organizationId === id));
    return decision.status === "proposed" && outcome === "pending" && shows(waitingOn);
  });

  return (
    <section className="section" aria-labelledby="decisions-title">
      <SectionHeader
        id="decisions-title"
        title={t("decisions.title")}
        subtitle={t("decisions.subtitle")}
        document={decisions}
      >
        {decisions.writable && !creating ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              clear();
              setCreating(true);
            }}
          >
            {t("decision.new")}
          </button>
        ) : null}
      </SectionHeader>
      {votes.loadError ? (
        <div className="notice notice--warning" role="alert">
          {t("decisions.votesUnavailable")} {errorMessage(t, votes.loadError)}
        </div>
      ) : null}

      {creating ? (
        <div className="card">
          <DecisionForm
            initial={null}
            label={t("decision.new")}
            submitLabel={t("decision.create")}
            error={error}
            onCancel={() => setCreating(false)}
            onSubmit={(values) => {
              if (run(() => decisions.write.add(values))) setCreating(false);
            }}
          />
        </div>
      ) : null}

      {decisions.items.length === 0 ? (
        decisions.loading ? (
          <PageStatus>{t("common.loading")}</PageStatus>
        ) : (
          <p className="empty">{t("decisions.empty")}</p>
        )
      ) : (
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
                onVote={(choice, comment) => void votes.vote(entry.value.id, choice, comment)}
                write={decisions.write}
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
      )}
      {decisions.items.length > visible.length ? (
        <p className="lens-note">
          {t("lens.hiddenDecisions", { count: decisions.items.length - visible.length })}
        </p>
      ) : null}
    </section>
  );
}
