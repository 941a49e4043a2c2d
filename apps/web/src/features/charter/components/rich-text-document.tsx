import type { DocumentEntry } from "@entente/protocol";
import { useState, type ReactNode } from "react";
import { useT } from "../../../i18n";
import { useSession } from "../../auth";
import { PresenceList, useLiveDocuments } from "../../collab";
import type { CharterSurface } from "../../comments";
import { ReadOnlyBadge, usePartnershipContext } from "../../partnerships";
import { DeferredRichTextEditor } from "./deferred-rich-text-editor";

/**
 * A rich text of the partnership co-edited live (the charter, an organization's private
 * notes), with who is there beside it. The document comes from the page's live documents.
 */
export function RichTextDocument({
  documentName,
  access,
  title,
  subtitle,
  editorLabel,
  badge,
  asideTop,
  aside,
  editorAside,
}: {
  documentName: string;
  access: DocumentEntry["access"];
  title: string;
  subtitle: string;
  editorLabel: string;
  /** Shown beside the title (e.g. "private"). */
  badge?: ReactNode;
  /** Panels above the presence list (e.g. endorsements). */
  asideTop?: ReactNode;
  /** Panels under the presence list (members, invitations). */
  aside?: ReactNode;
  /** A panel that works with the text (the charter's comments), under the presence list. */
  editorAside?: (surface: CharterSurface, synced: boolean) => ReactNode;
}) {
  const t = useT();
  const { collabUser } = usePartnershipContext();
  const [session] = useLiveDocuments([documentName]);
  const document = session?.document ?? null;
  const status = session?.status ?? "connecting";
  const deniedReason = session?.deniedReason ?? null;
  const editable = access === "write" && status !== "denied";
  const { refresh } = useSession();
  const [surface, setSurface] = useState<CharterSurface | null>(null);

  return (
    <div className="charter-layout">
      <section className="card charter" aria-labelledby="charter-title">
        <header className="charter__header">
          <div>
            <h2 id="charter-title" className="charter__title">
              {title}
            </h2>
            <p className="charter__subtitle">{subtitle}</p>
          </div>
          <div className="charter__badges">
            {badge}
            {access === "read" ? <ReadOnlyBadge reason={t("readOnly.permission")} /> : null}
          </div>
        </header>
        {deniedReason ? (
          <div className="notice notice--danger" role="alert">
            {deniedReason === "unauthorized" ? (
              <>
                {t("connection.denied.unauthorized")}{" "}
                {/* Re-reading the session turns it anonymous; the route guard then sends the
                    user to /login and back here afterwards. */}
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => void refresh()}
                >
                  {t("connection.loginAgain")}
                </button>
              </>
            ) : (
              t("connection.denied.forbidden")
            )}
          </div>
        ) : null}
        {document ? (
          <DeferredRichTextEditor
            key={document.ydoc.guid}
            document={document}
            user={collabUser}
            editable={editable}
            label={editorLabel}
            onSurface={editorAside ? setSurface : undefined}
          />
        ) : (
          <p className="charter__loading">{t("charter.loading")}</p>
        )}
      </section>
      <aside className="charter-layout__aside">
        {asideTop}
        <div className="card">
          <PresenceList awareness={document?.awareness ?? null} />
        </div>
        {editorAside && surface ? editorAside(surface, status === "synced") : null}
        {aside}
      </aside>
    </div>
  );
}
