import type { ReactNode } from "react";
import { useI18n } from "../../../i18n";
import { errorMessage } from "../../../ui/error-message";
import { useArrivalAnnouncements } from "../../../ui/use-arrival-announcements";
import { GlossaryTerm } from "../../glossary";
import { OrganizationChip, useLens, canAct, usePartnershipContext } from "../../partnerships";
import { endorsementsByOrganization, useCharterStatus } from "../hooks/use-charter-status";

/**
 * Whether the charter is ratified (every organization endorsed the same version), or
 * changed since it was endorsed, with who endorsed what; and the button to endorse.
 */
export function CharterEndorsements({
  sinceEndorsed = null,
}: {
  /** "Changes since my organization endorsed", one click from the status (history). */
  sinceEndorsed?: ReactNode;
} = {}) {
  const { t, formatDate } = useI18n();
  const context = usePartnershipContext();
  const { shows } = useLens();
  const { status, loadError, endorse, pending, endorseError } = useCharterStatus();
  useArrivalAnnouncements(status?.endorsements ?? null, {
    key: (e) => `${e.organizationId} ${e.userId} ${e.endorsedAt}`,
    fromSomeoneElse: (e) => e.userId !== context.me.userId,
    message: (e) =>
      t("a11y.announce.endorsement", {
        name: e.userName,
        version: e.versionNumber,
        organization: e.organizationName,
      }),
  });

  if (!status) {
    return (
      <section className="card endorsements" aria-labelledby="endorsements-title">
        <h2 id="endorsements-title" className="card__title">
          {t("endorsement.title")}
        </h2>
        <p className="muted">{loadError ? errorMessage(t, loadError) : t("common.loading")}</p>
      </section>
    );
  }

  const rows = endorsementsByOrganization(
    context.organizations.map((o) => o.id),
    status,
  );
  const endorsedCurrent = rows.filter((r) => r.endorsement?.current).length;
  const state = status.ratified
    ? "ratified"
    : status.changedSinceEndorsement
      ? "changed"
      : "pending";
  const current = status.endorsements.filter((e) => e.current);
  const currentEndorsers = current.map((e) => e.organizationName);
  const lastEndorsedAt = current.reduce(
    (latest, e) => (e.endorsedAt > latest ? e.endorsedAt : latest),
    "",
  );
  const mine = rows.find((r) => r.organizationId === context.me.organizationId);
  const mineIsCurrent = mine?.endorsement?.current === true;

  return (
    <section
      className="card endorsements"
      aria-labelledby="endorsements-title"
      data-testid="charter-status"
      data-state={state}
    >
      <h2 id="endorsements-title" className="card__title">
        {t("endorsement.title")}
      </h2>
      <p className={`status-banner status-banner--${state}`}>
        <span>
          <strong>{t(`endorsement.state.${state}`)}</strong> <GlossaryTerm term="ratified" />
        </span>
        <span data-testid="charter-version-label">
          {currentEndorsers.length > 0
            ? t("endorsement.versionLabel", {
                number: status.versionNumber,
                date: formatDate(lastEndorsedAt),
                organizations: currentEndorsers.join(", "),
              })
            : t("endorsement.versionLabelNone", { number: status.versionNumber })}
        </span>
        <span>
          {state === "ratified"
            ? t("endorsement.ratified.detail")
            : t("endorsement.progress", { count: endorsedCurrent, total: rows.length })}
        </span>
      </p>
      <p className="muted endorsements__note">{t("endorsement.ratifiedMeans")}</p>
      {sinceEndorsed}
      <ul className="endorsements__list">
        {rows
          .filter((row) => shows(row.organizationId))
          .map(({ organizationId, endorsement }) => (
            <li
              key={organizationId}
              className="endorsements__row"
              data-testid="endorsement-row"
              data-organization-id={organizationId}
            >
              <OrganizationChip organizationId={organizationId} />
              {endorsement ? (
                <span className="endorsements__detail">
                  {t("endorsement.by", {
                    name: endorsement.userName,
                    number: endorsement.versionNumber,
                    date: formatDate(endorsement.endorsedAt),
                  })}{" "}
                  {endorsement.current ? (
                    <span className="pill pill--good">{t("endorsement.current")}</span>
                  ) : (
                    <>
                      <span className="pill pill--warning">{t("endorsement.outdated")}</span>{" "}
                      <span className="muted" data-testid="endorsement-lost">
                        {t("endorsement.lost", {
                          organization: endorsement.organizationName,
                          number: endorsement.versionNumber,
                        })}
                      </span>
                    </>
                  )}
                </span>
              ) : (
                <span className="endorsements__detail muted">{t("endorsement.none")}</span>
              )}
            </li>
          ))}
      </ul>
      {canAct(context) ? (
        mineIsCurrent ? (
          <p className="muted endorsements__note">{t("endorsement.youEndorsed")}</p>
        ) : status.empty ? (
          <p className="muted endorsements__note" data-testid="charter-empty">
            {t("endorsement.empty")}
          </p>
        ) : (
          <button
            type="button"
            className="button button--primary endorsements__button"
            onClick={() => void endorse()}
            disabled={pending}
            aria-busy={pending}
          >
            {t("endorsement.endorse")}
          </button>
        )
      ) : (
        <p className="muted endorsements__note">{t("endorsement.viewerHint")}</p>
      )}
      {endorseError ? (
        <p className="form-error" role="alert">
          {endorseError === "moved_on" ? t("endorsement.movedOn") : errorMessage(t, endorseError)}
        </p>
      ) : null}
    </section>
  );
}
