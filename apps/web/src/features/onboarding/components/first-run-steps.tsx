import { useT } from "../../../i18n";

const STEPS = ["organization", "partnership", "invite", "checklist"] as const;
export type FirstRunStep = (typeof STEPS)[number];

/** Where a new organization stands on its way to a working partnership. */
export function FirstRunSteps({ current }: { current: FirstRunStep }) {
  const t = useT();
  const at = STEPS.indexOf(current);
  return (
    <nav className="first-run" aria-label={t("onboarding.steps.label")}>
      <ol className="first-run__steps">
        {STEPS.map((step, index) => (
          <li
            key={step}
            className={`first-run__step${index < at ? " first-run__step--done" : ""}`}
            aria-current={index === at ? "step" : undefined}
          >
            <span className="first-run__number">{index + 1}</span>
            {t(`onboarding.steps.${step}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
