import {
  DEFAULT_HEALTH_DIMENSIONS,
  DEFAULT_MIN_RESPONDENTS,
  MIN_RESPONDENTS_RANGE,
  type HealthDimension,
} from "@entente/protocol";
import { useEffect, useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import type { ApiError } from "../../../lib/api-client";
import { FormError } from "../../../ui/form";
import { useTemplateDimensions } from "../../onboarding";
import { healthChecksApi } from "../api/health-checks-api";

/** A dimension key from its label: lower case, dashes; unique among the others. */
function keyFor(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 30) || "dimension";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/** Admins open a cycle: a title, the threshold, and the dimensions (the domain's, editable). */
export function OpenCycleForm({
  partnershipId,
  onOpened,
}: {
  partnershipId: string;
  onOpened: (id: string) => void;
}) {
  const t = useT();
  const [title, setTitle] = useState("");
  const [minRespondents, setMinRespondents] = useState(DEFAULT_MIN_RESPONDENTS);
  const [dimensions, setDimensions] = useState<HealthDimension[]>(() =>
    DEFAULT_HEALTH_DIMENSIONS.map((d) => ({ ...d })),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [edited, setEdited] = useState(false);
  const templateDimensions = useTemplateDimensions(partnershipId);
  useEffect(() => {
    // The partnership's template offers its own dimensions, unless the admin changed them already.
    if (templateDimensions && !edited) setDimensions(templateDimensions.map((d) => ({ ...d })));
  }, [templateDimensions, edited]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Edited labels keep their key; new ones get a key of their own.
      const taken = new Set<string>();
      const sent = dimensions
        .filter((d) => d.label.trim() !== "")
        .map((d) => ({
          key:
            d.key !== "" && !taken.has(d.key) ? (taken.add(d.key), d.key) : keyFor(d.label, taken),
          label: d.label.trim(),
        }));
      const { healthCheck } = await healthChecksApi.open(partnershipId, {
        title,
        minRespondents,
        dimensions: sent,
      });
      setTitle("");
      onOpened(healthCheck.id);
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="health-open card" onSubmit={(e) => void submit(e)} data-testid="health-open">
      <h3>{t("health.open.title")}</h3>
      <label className="field">
        <span className="field__label">{t("health.open.name")}</span>
        <input
          className="field__input"
          value={title}
          required
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t("health.open.minRespondents")}</span>
        <input
          className="field__input"
          type="number"
          min={MIN_RESPONDENTS_RANGE.min}
          max={MIN_RESPONDENTS_RANGE.max}
          value={minRespondents}
          onChange={(e) => setMinRespondents(Number(e.target.value))}
        />
      </label>
      <fieldset className="health-open__dimensions">
        <legend>{t("health.open.dimensions")}</legend>
        {dimensions.map((dimension, index) => (
          <div key={index} className="health-open__dimension">
            <input
              className="field__input"
              aria-label={t("health.open.dimension", { n: index + 1 })}
              value={dimension.label}
              maxLength={80}
              onChange={(e) => {
                setEdited(true);
                setDimensions((all) =>
                  all.map((d, i) => (i === index ? { ...d, label: e.target.value } : d)),
                );
              }}
            />
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setEdited(true);
                setDimensions((all) => all.filter((_, i) => i !== index));
              }}
            >
              {t("health.open.remove")}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setEdited(true);
            setDimensions((all) => [...all, { key: "", label: "" }]);
          }}
        >
          {t("health.open.add")}
        </button>
      </fieldset>
      <FormError error={error} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t("health.open.submit")}
      </button>
    </form>
  );
}
