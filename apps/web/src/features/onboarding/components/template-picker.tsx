import type {
  PartnershipTemplateChoice,
  PartnershipTemplateId,
  PartnershipTemplateView,
} from "@entente/protocol";
import { LANGUAGES, useI18n, type Language } from "../../../i18n";
import { ChoiceField } from "../../../ui/fields";
import { errorMessage } from "../../../ui/error-message";
import "../onboarding.css";
import { useQuery } from "@tanstack/react-query";
import { onboardingQueries } from "../api/onboarding-queries";

/** What a template writes, in a line per kind of content, in the template's language. */
function TemplateContents({
  template,
  language,
}: {
  template: PartnershipTemplateView;
  language: Language;
}) {
  const { t } = useI18n();
  const content = template.content[language];
  return (
    <dl className="template-card__contents">
      <dt>{t("onboarding.template.charter")}</dt>
      <dd>{content.charterSections.map((s) => s.heading).join(" · ")}</dd>
      <dt>{t("onboarding.template.objectives")}</dt>
      <dd>{content.objectives.map((o) => o.title).join(" · ")}</dd>
      <dt>{t("onboarding.template.rhythm")}</dt>
      <dd>
        {template.rhythm
          .map((r) =>
            t("onboarding.template.every", { level: t(`level.${r.level}`), days: r.intervalDays }),
          )
          .join(" · ")}
      </dd>
      <dt>{t("onboarding.template.health")}</dt>
      <dd>{content.healthDimensions.map((d) => d.label).join(" · ")}</dd>
    </dl>
  );
}

/**
 * Picks the template a new partnership starts from (or none), and the language its texts
 * are written in; each template says what it pre-fills, in that language.
 */
export function TemplatePicker({
  value,
  onChange,
}: {
  value: PartnershipTemplateChoice | null;
  onChange: (choice: PartnershipTemplateChoice | null) => void;
}) {
  const { t, language: uiLanguage } = useI18n();
  const state = useQuery(onboardingQueries.templates());
  const language = value?.language ?? uiLanguage;
  const choose = (id: PartnershipTemplateId | null) =>
    onChange(id === null ? null : { id, language });

  if (state.status === "pending") return <p className="field__hint">{t("common.loading")}</p>;
  if (state.status === "error") return <p role="alert">{errorMessage(t, state.error)}</p>;
  return (
    <div className="template-picker">
      <fieldset className="fieldset">
        <legend className="field__label">{t("onboarding.template.legend")}</legend>
        {state.data.map((template) => (
          <label
            key={template.id}
            className="template-card"
            data-testid={`template-${template.id}`}
          >
            <span className="template-card__choice">
              <input
                type="radio"
                name="partnership-template"
                value={template.id}
                checked={value?.id === template.id}
                onChange={() => choose(template.id)}
              />
              <strong className="template-card__name">{template.content[language].name}</strong>
            </span>
            <span className="template-card__summary">{template.content[language].summary}</span>
            {value?.id === template.id ? (
              <TemplateContents template={template} language={language} />
            ) : null}
          </label>
        ))}
        <label className="template-card">
          <span className="template-card__choice">
            <input
              type="radio"
              name="partnership-template"
              value=""
              checked={value === null}
              onChange={() => choose(null)}
            />
            <strong className="template-card__name">{t("onboarding.template.blank")}</strong>
          </span>
          <span className="template-card__summary">{t("onboarding.template.blankSummary")}</span>
        </label>
      </fieldset>
      {value ? (
        <ChoiceField
          label={t("onboarding.template.language")}
          value={value.language}
          values={LANGUAGES}
          optionLabel={(l) => t(`language.${l}`)}
          onChange={(next) => onChange({ ...value, language: next })}
        />
      ) : null}
    </div>
  );
}
