import { useT } from "../../../i18n";
import { ExplainedTerm } from "../../../ui/explained-term";
import { GLOSSARY, type GlossaryTermName } from "../glossary";

/** A word of the domain, explained on demand from the glossary, in the user's language. */
export function GlossaryTerm({
  term,
  showTerm = false,
  align = "start",
}: {
  term: GlossaryTermName;
  /** See `ExplainedTerm`: "end" for a term near the right edge. */
  align?: "start" | "end";
  /** Write the word too; by default only the "?" button, beside a word already shown. */
  showTerm?: boolean;
}) {
  const t = useT();
  // Literal keys (none has a placeholder), so `t` takes them without values.
  const entry: (typeof GLOSSARY)[GlossaryTermName] = GLOSSARY[term];
  return (
    <ExplainedTerm
      term={t(entry.term)}
      showTerm={showTerm}
      align={align}
      testId={`glossary-${term}`}
      explanation={
        <>
          <span className="term__line">{t(entry.meaning)}</span>
          {entry.kinds.map((kind) => (
            <span key={kind.name} className="term__line">
              <strong>{t(kind.name)}</strong> — {t(kind.meaning)}
            </span>
          ))}
        </>
      }
    />
  );
}
