import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { useSession } from "../../auth";
import { PresenceStrip } from "../../collab";
import type { PartnershipDocument } from "../hooks/use-partnership-documents";
import { ReadOnlyBadge } from "./read-only-badge";
import { SectionHeading } from "../../../ui/section-heading";

/**
 * The top of a section: its title, who else is there, the live connection, and a visible
 * "read only" when the user cannot change what follows.
 */
export function SectionHeader({
  id,
  title,
  subtitle,
  document,
  readOnlyReason,
  children,
}: {
  id: string;
  title: string;
  /** A sentence under the title; may hold an explained term (`GlossaryTerm`). */
  subtitle: ReactNode;
  /** The section's main document: its connection, presence and access are shown. */
  document: PartnershipDocument<unknown>;
  /** Why the section is read-only when it is (permission, partner's profile…). */
  readOnlyReason?: string;
  /** Buttons on the right (e.g. "New objective"). */
  children?: ReactNode;
}) {
  const t = useT();
  const readOnly = document.access !== "write";
  return (
    <>
      <SectionHeading id={id} title={title} subtitle={subtitle}>
        <PresenceStrip awareness={document.awareness} />
        {readOnly ? <ReadOnlyBadge reason={readOnlyReason ?? t("readOnly.permission")} /> : null}
        {children}
      </SectionHeading>
      <DocumentNotices document={document} />
    </>
  );
}

/** What stops a document from being written, said once above it. */
export function DocumentNotices({ document }: { document: PartnershipDocument<unknown> }) {
  const t = useT();
  const { refresh } = useSession();
  return (
    <>
      {document.newerSchema ? (
        <div className="notice notice--warning" role="alert">
          {t("write.newer_schema")}{" "}
          <button
            type="button"
            className="button button--link"
            onClick={() => window.location.reload()}
          >
            {t("common.reload")}
          </button>
        </div>
      ) : null}
      {document.deniedReason === "unauthorized" ? (
        <div className="notice notice--danger" role="alert">
          {t("connection.denied.unauthorized")}{" "}
          <button type="button" className="button button--link" onClick={() => void refresh()}>
            {t("connection.loginAgain")}
          </button>
        </div>
      ) : document.deniedReason === "forbidden" && document.access !== null ? (
        <div className="notice notice--danger" role="alert">
          {t("connection.denied.forbidden")}
        </div>
      ) : null}
    </>
  );
}
