import { formatDocumentName } from "@entente/domain";
import { useT } from "../../../i18n";
import { PageStatus } from "../../../ui/page-status";
import { documentAccessIn, usePartnershipContext } from "../../partnerships";
import { HistoryPanel, useVersionHistory } from "../../history";
import { RichTextDocument } from "./rich-text-document";

/**
 * The user's organization's private notes: the charter's editor bound to
 * `<pid>/org/<oid>/private`, which the server opens to that organization only.
 */
export default function PrivateNotesWorkspace() {
  const t = useT();
  const context = usePartnershipContext();
  const organization = context.organizations.find((o) => o.id === context.me.organizationId);
  const documentName = formatDocumentName({
    kind: "private",
    partnershipId: context.partnershipId,
    organizationId: context.me.organizationId,
  });
  const access = organization ? documentAccessIn(context, documentName) : null;
  const history = useVersionHistory({
    kind: "private",
    partnershipId: context.partnershipId,
    organizationId: context.me.organizationId,
  });

  if (!organization || !access) {
    return <PageStatus role="alert">{t("private.noAccess")}</PageStatus>;
  }
  return (
    <RichTextDocument
      documentName={documentName}
      access={access}
      title={t("private.title")}
      subtitle={t("private.subtitle", { organization: organization.name })}
      editorLabel={t("private.editorLabel")}
      asideTop={<HistoryPanel history={history} canWrite={access === "write"} />}
      badge={
        <span className="badge badge--private" data-testid="private-badge">
          {t("private.badge", { organization: organization.name })}
        </span>
      }
    />
  );
}
