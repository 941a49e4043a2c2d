import { formatDocumentName } from "@entente/domain";
import type { DocumentEntry } from "@entente/protocol";
import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { useSession } from "../../auth/state/session-provider";
import { ConnectionStatus } from "../../collab/components/connection-status";
import { PresenceList } from "../../collab/components/presence-list";
import { useCollabDocument } from "../../collab/hooks/use-collab-document";
import type { CollabUser } from "../../collab/state/collab-user";
import { CharterEditor } from "./charter-editor";

export interface CharterWorkspaceProps {
  partnershipId: string;
  documents: readonly DocumentEntry[];
  user: CollabUser;
  /** Panels shown under the presence list (members, invitations). */
  aside?: ReactNode;
}

/**
 * The charter of one partnership, co-edited live. Loaded lazily: Tiptap, ProseMirror and
 * Yjs are most of the app's weight and only this page needs them.
 */
export default function CharterWorkspace({
  partnershipId,
  documents,
  user,
  aside,
}: CharterWorkspaceProps) {
  const t = useT();
  const documentName = formatDocumentName({ kind: "charter", partnershipId });
  const access = documents.find((d) => d.name === documentName)?.access;

  if (!access) {
    return (
      <div className="charter-layout">
        <section className="card charter">
          <p role="alert">{t("charter.noAccess")}</p>
        </section>
        <aside className="charter-layout__aside">{aside}</aside>
      </div>
    );
  }
  return <LiveCharter documentName={documentName} access={access} user={user} aside={aside} />;
}

function LiveCharter({
  documentName,
  access,
  user,
  aside,
}: {
  documentName: string;
  access: DocumentEntry["access"];
  user: CollabUser;
  aside?: ReactNode;
}) {
  const t = useT();
  const { document, status, deniedReason } = useCollabDocument(documentName, user);
  const editable = access === "write" && status !== "denied";
  const { refresh } = useSession();

  return (
    <div className="charter-layout">
      <section className="card charter" aria-labelledby="charter-title">
        <header className="charter__header">
          <div>
            <h2 id="charter-title" className="charter__title">
              {t("charter.title")}
            </h2>
            <p className="charter__subtitle">{t("charter.subtitle")}</p>
          </div>
          <div className="charter__badges">
            {access === "read" ? <span className="badge">{t("charter.readOnly")}</span> : null}
            <ConnectionStatus state={status} />
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
          <CharterEditor
            key={document.ydoc.guid}
            document={document}
            user={user}
            editable={editable}
          />
        ) : (
          <p className="charter__loading">{t("charter.loading")}</p>
        )}
      </section>
      <aside className="charter-layout__aside">
        <div className="card">
          <PresenceList awareness={document?.awareness ?? null} />
        </div>
        {aside}
      </aside>
    </div>
  );
}
