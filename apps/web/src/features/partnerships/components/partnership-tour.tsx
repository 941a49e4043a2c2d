import { useId, useState } from "react";
import { useT, type Translate } from "../../../i18n";
import { usePartnershipContext } from "../state/partnership-context";
import { tourDone, tourOffered } from "../state/tour-memory";
import "../invitations.css";

const STEPS: readonly ((t: Translate, partnership: string) => { title: string; body: string })[] = [
  (t, partnership) => ({
    title: t("tour.welcome.title", { partnership }),
    body: t("tour.welcome.body"),
  }),
  (t) => ({ title: t("tour.lens.title"), body: t("tour.lens.body") }),
  (t) => ({ title: t("tour.shared.title"), body: t("tour.shared.body") }),
  (t) => ({ title: t("tour.private.title"), body: t("tour.private.body") }),
];

/**
 * A short welcome tour for someone an invitation just brought in: the partnership, the
 * Ours / Theirs / Both lens, and what the partner can and cannot see (PRODUCT.md's access
 * rules). Dismissible at every step; once finished or skipped, never shown again to that user.
 */
export function PartnershipTour() {
  const t = useT();
  const { partnershipId, partnershipName, me } = usePartnershipContext();
  const [open, setOpen] = useState(() => tourOffered(me.userId, partnershipId));
  const [step, setStep] = useState(0);
  const titleId = useId();
  if (!open) return null;

  const close = () => {
    tourDone(me.userId);
    setOpen(false);
  };
  const current = (STEPS[step] ?? STEPS[0]!)(t, partnershipName);
  const last = step === STEPS.length - 1;

  return (
    <section className="tour" role="dialog" aria-modal="false" aria-labelledby={titleId}>
      <p className="tour__step">
        {t("tour.label")} ·{" "}
        {t("tour.step", { step: String(step + 1), total: String(STEPS.length) })}
      </p>
      <h2 id={titleId} className="tour__title">
        {current.title}
      </h2>
      <p className="tour__body">{current.body}</p>
      <div className="tour__actions">
        <button type="button" className="button button--small" onClick={close}>
          {t("tour.dismiss")}
        </button>
        {step > 0 ? (
          <button type="button" className="button button--small" onClick={() => setStep(step - 1)}>
            {t("tour.back")}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--small button--primary"
          onClick={last ? close : () => setStep(step + 1)}
        >
          {last ? t("tour.done") : t("tour.next")}
        </button>
      </div>
    </section>
  );
}
