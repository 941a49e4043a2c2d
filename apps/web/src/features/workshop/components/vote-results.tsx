import type { WorkshopView } from "@entente/protocol";
import { useState } from "react";
import { useT } from "../../../i18n";
import type { WorkshopActions } from "../hooks/use-workshop";
import { rankedResults } from "../state/board";
import { ConvertForm } from "./convert-form";
import { ConversionLink, ConvertButton, type BoardPermissions } from "./note-bits";
import { shortText } from "./sticky-note";

/** The closed vote's ranking, most dots first; each entry can be turned into an item. */
export function VoteResults({
  workshop,
  perms,
  actions,
}: {
  workshop: WorkshopView;
  perms: BoardPermissions;
  actions: WorkshopActions;
}) {
  const t = useT();
  const ranked = rankedResults(workshop);
  if (workshop.vote.status !== "closed") return null;

  return (
    <section
      className="vote-results"
      data-workshop-area="results"
      data-testid="vote-results"
      aria-labelledby="vote-results-title"
    >
      <h3 id="vote-results-title" className="workshop-panel__title">
        {t("workshop.results.title")}
      </h3>
      {ranked.length === 0 ? (
        <p className="muted">{t("workshop.results.empty")}</p>
      ) : (
        <ol className="vote-results__list">
          {ranked.map(({ result, rank, note, group }) => (
            <ResultRow
              key={`${result.target.kind}:${result.target.id}`}
              rank={rank}
              votes={result.votes}
              target={result.target}
              label={note ? note.text : group ? group.title : t("workshop.results.gone")}
              kindLabel={group ? t("workshop.results.cluster") : null}
              conversion={note?.conversion ?? group?.conversion ?? null}
              canConvert={perms.canAct && (note !== null || group !== null)}
              actions={actions}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function ResultRow({
  rank,
  votes,
  target,
  label,
  kindLabel,
  conversion,
  canConvert,
  actions,
}: {
  rank: number;
  votes: number;
  target: { kind: "note" | "group"; id: string };
  label: string;
  kindLabel: string | null;
  conversion: WorkshopView["notes"][number]["conversion"];
  canConvert: boolean;
  actions: WorkshopActions;
}) {
  const t = useT();
  const [converting, setConverting] = useState(false);
  return (
    <li
      className="vote-result"
      data-testid="vote-result"
      data-target-id={target.id}
      data-focus-id={`result-${target.id}`.slice(0, 64)}
      data-votes={votes}
    >
      <div className="vote-result__row">
        <span className="vote-result__rank">{rank}</span>
        <span className="vote-result__label" data-testid="result-label">
          {kindLabel ? <span className="badge">{kindLabel}</span> : null} {label}
        </span>
        <span className="vote-count">{t("workshop.vote.count", { count: votes })}</span>
        {conversion ? (
          <ConversionLink conversion={conversion} />
        ) : canConvert && !converting ? (
          <ConvertButton source={shortText(label)} onOpen={() => setConverting(true)} />
        ) : null}
      </div>
      {converting ? (
        <ConvertForm
          source={shortText(label)}
          defaultTitle={label}
          onCancel={() => setConverting(false)}
          onConvert={async (input) => {
            await actions.convert(target, input);
            setConverting(false);
          }}
        />
      ) : null}
    </li>
  );
}
