import { formatDocumentName } from "@entente/domain";
import type { ReactNode } from "react";
import { useT } from "../../../i18n";
import { CharterComments } from "../../comments";
import { documentAccessIn, usePartnershipContext } from "../../partnerships";
import { HistoryPanel, latestEndorsedBy, useVersionHistory } from "../../history";
import { CharterEndorsements } from "./charter-endorsements";
import { RichTextDocument } from "./rich-text-document";

/**
 * The charter of one partnership, co-edited live, with its endorsements. Loaded lazily:
 * Tiptap, ProseMirror and Yjs are most of the app's weight and only this page needs them.
 */
export default function CharterWorkspace({ aside }: { aside?: ReactNode }) {
  const t = useT();
  const context = usePartnershipContext();
  const documentName = formatDocumentName({
    kind: "charter",
    partnershipId: context.partnershipId,
  });
  const access = documentAccessIn(context, documentName);
  const history = useVersionHistory({ kind: "charter", partnershipId: context.partnershipId });
  const endorsed = latestEndorsedBy(history.versions, context.me.organizationId);

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
  return (
    <RichTextDocument
      documentName={documentName}
      access={access}
      title={t("charter.title")}
      subtitle={t("charter.subtitle")}
      editorLabel={t("charter.editorLabel")}
      asideTop={
        <CharterEndorsements
          sinceEndorsed={
            endorsed ? (
              <button
                type="button"
                className="button button--link"
                data-testid="changes-since-endorsed"
                onClick={() => void history.compare(endorsed.id)}
              >
                {t("history.sinceEndorsed")}
              </button>
            ) : null
          }
        />
      }
      aside={
        // Below the comments: a long history must not push a linked thread out of view.
        <>
          <HistoryPanel history={history} canWrite={access === "write"} />
          {aside}
        </>
      }
      editorAside={(surface, synced) => <CharterComments surface={surface} synced={synced} />}
    />
  );
}
