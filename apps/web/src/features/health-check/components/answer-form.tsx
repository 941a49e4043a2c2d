import { HEALTH_RATING_RANGE, type HealthCheckView } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import type { ApiError } from "../../../lib/api-client";
import { FormError } from "../../../ui/form";
import { healthChecksApi } from "../api/health-checks-api";

const SCORES = Array.from(
  { length: HEALTH_RATING_RANGE.max - HEALTH_RATING_RANGE.min + 1 },
  (_, i) => HEALTH_RATING_RANGE.min + i,
);

/** Every member, viewers included, rates each dimension 1–5; answering again replaces. */
export function AnswerForm({
  healthCheck,
  answered,
  onAnswered,
}: {
  healthCheck: HealthCheckView;
  answered: boolean;
  onAnswered: () => void;
}) {
  const t = useT();
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [comment, setComment] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const complete = healthCheck.dimensions.every((d) => ratings[d.key] !== undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await healthChecksApi.answer(healthCheck.id, {
        ratings,
        ...(comment.trim() ? { comment } : {}),
      });
      onAnswered();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="health-answer card"
      onSubmit={(e) => void submit(e)}
      data-testid="health-answer"
    >
      <h3>{t("health.answer.title")}</h3>
      <p className="health-answer__note">
        {answered ? t("health.answer.answered") : t("health.answer.anonymous")}
      </p>
      {healthCheck.dimensions.map((dimension) => (
        <fieldset key={dimension.key} className="health-answer__dimension">
          <legend>{dimension.label}</legend>
          {SCORES.map((score) => (
            <label key={score} className="health-answer__score">
              <input
                type="radio"
                name={`rating-${dimension.key}`}
                value={score}
                checked={ratings[dimension.key] === score}
                onChange={() => setRatings((all) => ({ ...all, [dimension.key]: score }))}
              />
              {score}
            </label>
          ))}
        </fieldset>
      ))}
      <label className="field">
        <span className="field__label">{t("health.answer.comment")}</span>
        <textarea
          className="field__input"
          value={comment}
          maxLength={2000}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <FormError error={error} />
      <button type="submit" className="button button--primary" disabled={busy || !complete}>
        {answered ? t("health.answer.replace") : t("health.answer.submit")}
      </button>
    </form>
  );
}
