import { formatDocumentName } from "@entente/domain";

/** `/p/:id` and `/p/:id/charter`: the pages that show the charter. */
const CHARTER_PATH = /^\/p\/([\w-]{1,64})(?:\/charter)?\/?$/;

/**
 * Called first thing by the app's script: on a charter URL, opens the charter's live document
 * (a lazy chunk the page's HTML already preloads) in parallel with the session and
 * partnership reads, instead of after them. Nothing happens on other pages; a failure here
 * only means the page opens the document itself, later.
 */
export function startEarlyConnection(pathname: string): void {
  const match = CHARTER_PATH.exec(pathname);
  const partnershipId = match?.[1];
  if (!partnershipId) return;
  const documentName = formatDocumentName({ kind: "charter", partnershipId });
  import("./state/early-connections").then(
    (early) => early.openEarlyConnection(documentName),
    () => undefined,
  );
}
