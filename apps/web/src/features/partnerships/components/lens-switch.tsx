import { useT } from "../../../i18n";
import { SegmentedOption } from "../../../ui/segmented-option";
import { GlossaryTerm } from "../../glossary";
import { useLens } from "../hooks/use-lens";
import { LENSES } from "../state/lens";
import { usePartnershipContext } from "../state/partnership-context";

/** "Ours / Theirs / Both": filters every section of the partnership page. */
export function LensSwitch() {
  const t = useT();
  const { lens, setLens } = useLens();
  const { organizations, me } = usePartnershipContext();
  const mine = organizations.find((o) => o.id === me.organizationId);
  const partners = organizations.filter((o) => o.id !== me.organizationId);

  const hint = {
    ours: mine ? t("lens.ours.hint", { organization: mine.name }) : t("lens.ours"),
    theirs:
      partners.length > 0
        ? t("lens.theirs.hint", { organizations: partners.map((o) => o.name).join(", ") })
        : t("lens.theirs"),
    both: t("lens.both.hint"),
  };

  return (
    <div className="lens" role="group" aria-label={t("lens.label")} data-testid="lens-switch">
      <span className="lens__label" aria-hidden="true">
        {t("lens.label")}
      </span>
      <div className="segmented">
        {LENSES.map((option) => (
          <SegmentedOption
            key={option}
            pressed={option === lens}
            title={hint[option]}
            onChoose={() => setLens(option)}
          >
            {t(`lens.${option}`)}
          </SegmentedOption>
        ))}
      </div>
      <GlossaryTerm term="lens" align="end" />
    </div>
  );
}
