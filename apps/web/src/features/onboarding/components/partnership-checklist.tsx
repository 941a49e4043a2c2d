import type { ChecklistKey } from "@entente/protocol";
import { useId, useState } from "react";
import { useI18n } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { usePartnershipContext, sectionPath, type Section } from "../../partnerships";
import "../onboarding.css";
import { checklistDismissed, dismissChecklist } from "../state/checklist-dismissal";
import { useQuery } from "@tanstack/react-query";
import { onboardingQueries } from "../api/onboarding-queries";

/** Where each step is done. */
const STEP_SECTION: Record<ChecklistKey, Section> = {
  charter_written: "charter",
  objectives_agreed: "objectives",
  steering_meeting_held: "meetings",
  charter_ratified: "charter",
};

/**
 * The partnership's first steps, ticked by the server from what was done (polled), each
 * with a link to where it is done; collapsible, and dismissible once every step is done.
 */
export function PartnershipChecklist() {
  const { t, formatDate } = useI18n();
  const { partnershipId, landing } = usePartnershipContext();
  const { data } = useQuery(onboardingQueries.checklist(partnershipId));
  const [open, setOpen] = useState(true);
  const [dismissed, setDismissed] = useState(() => checklistDismissed(partnershipId));
  const listId = useId();

  if (!data || dismissed) return null;
  const done = data.items.filter((item) => item.done).length;
  const complete = done === data.items.length;

  return (
    <section className="card checklist" aria-labelledby={`${listId}-title`} data-testid="checklist">
      <div className="checklist__header">
        <h2 id={`${listId}-title`} className="card__title">
          {t("checklist.title")}
        </h2>
        <button
          type="button"
          className="button button--link"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t("checklist.collapse") : t("checklist.expand")}
        </button>
      </div>
      <p className="checklist__progress">
        {complete
          ? t("checklist.complete")
          : t("checklist.progress", { done, total: data.items.length })}
      </p>
      {open ? (
        <ol id={listId} className="checklist__items">
          {data.items.map((item) => (
            <li
              key={item.key}
              className={`checklist__item${item.done ? " checklist__item--done" : ""}`}
              data-testid={`checklist-${item.key}`}
              data-done={item.done}
            >
              <span className="checklist__mark" aria-hidden="true">
                {item.done ? "✓" : "○"}
              </span>
              <span className="checklist__text">
                <Link to={sectionPath(partnershipId, STEP_SECTION[item.key], landing)}>
                  {t(`checklist.${item.key}`)}
                </Link>
                <span className="visually-hidden">
                  {" "}
                  {item.done ? t("checklist.done") : t("checklist.toDo")}
                </span>
                <span className="checklist__hint">
                  {item.done && item.doneAt
                    ? t("checklist.doneOn", { date: formatDate(item.doneAt) })
                    : t(`checklist.${item.key}.hint`)}
                </span>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {complete ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            dismissChecklist(partnershipId);
            setDismissed(true);
          }}
        >
          {t("checklist.dismiss")}
        </button>
      ) : null}
    </section>
  );
}
