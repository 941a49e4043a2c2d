import {
  AGENDA_ITEM_PARAM,
  ITEM_PARAM,
  ORGANIZATION_PARAM,
  PASSAGE_PARAM,
  PERSON_PARAM,
  POST_PARAM,
  THREAD_PARAM,
} from "@entente/protocol";
import type { ReactNode } from "react";
import { CREATE_PARAM } from "../state/create-intent";
import { useI18n } from "../../../i18n";
import { useLocation } from "@tanstack/react-router";
import type { Section } from "../state/sections";
import { usePartnershipContext } from "../state/partnership-context";
import { LensSwitch } from "./lens-switch";
import { SectionNav } from "./section-nav";

/** Under the app header: the sections of the partnership, the lens, the exports, inviting. */
export function PartnershipBar({
  current,
  invite,
}: {
  current: Section | undefined;
  /** The invite button, for admins. */
  invite?: ReactNode;
}) {
  const { t, language } = useI18n();
  const location = useLocation();
  const { partnershipId } = usePartnershipContext();
  // The lens travels with the user from section to section; what a link pointed at (a post,
  // a thread, a search result's item or passage, a "new …" form) does not.
  const params = new URLSearchParams(location.searchStr);
  for (const name of [
    POST_PARAM,
    THREAD_PARAM,
    ITEM_PARAM,
    PASSAGE_PARAM,
    AGENDA_ITEM_PARAM,
    ORGANIZATION_PARAM,
    PERSON_PARAM,
    CREATE_PARAM,
  ]) {
    params.delete(name);
  }
  const search = Object.fromEntries(params);
  const base = `/api/partnerships/${encodeURIComponent(partnershipId)}`;

  return (
    <div className="partnership-bar">
      <div className="partnership-bar__inner">
        <SectionNav current={current} search={search} />
        <div
          className="partnership-bar__tools"
          role="region"
          aria-label={t("a11y.partnershipTools")}
        >
          {invite}
          <LensSwitch />
          <DownloadLink href={`${base}/export.md`} label={t("export.label")} testId="export-link" />
          <DownloadLink
            href={`${base}/export.pdf`}
            label={t("export.pdf")}
            testId="export-pdf-link"
          />
          <DownloadLink
            href={`${base}/review.pdf?lang=${language}`}
            label={t("export.review")}
            title={t("export.reviewHint")}
            testId="review-pdf-link"
          />
        </div>
      </div>
    </div>
  );
}

/** A file the server makes for the caller (the exports and the review pack). */
function DownloadLink(props: { href: string; label: string; title?: string; testId: string }) {
  return (
    <a
      className="button button--small"
      href={props.href}
      download
      title={props.title}
      data-testid={props.testId}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path
          fill="currentColor"
          d="M8 1a.75.75 0 0 1 .75.75v6.69l2.22-2.22a.75.75 0 1 1 1.06 1.06l-3.5 3.5a.75.75 0 0 1-1.06 0l-3.5-3.5a.75.75 0 0 1 1.06-1.06l2.22 2.22V1.75A.75.75 0 0 1 8 1ZM2.75 12a.75.75 0 0 1 .75.75v.75h9v-.75a.75.75 0 0 1 1.5 0V14a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1v-1.25a.75.75 0 0 1 .75-.75Z"
        />
      </svg>
      {props.label}
    </a>
  );
}
