import { formatDocumentName } from "@entente/domain";
import type { Author, ReadResult } from "@entente/schema";
import { useMemo } from "react";
import type * as Y from "yjs";
import {
  usePartnershipContext,
  useAuthor,
  usePartnershipDocuments,
  type PartnershipDocument,
} from "../../partnerships";

/** The partnership's documents that hold one list of items. */
export type ItemsDocumentKind = "objectives" | "issues" | "decisions";

/** One list document, live, with its entries as `items` and its writers. */
export type DocumentItems<T, W> = PartnershipDocument<ReadResult<T>[]> & {
  items: ReadResult<T>[];
  write: W;
};

const NO_ITEMS: never[] = [];

/**
 * The items of one shared document of the partnership, read with a module-level
 * `@entente/schema` reader and re-read on every change, and the writers `writer` makes
 * (module level too) from the open document and the author. Unreadable entries
 * (`ok: false`) stay in place.
 */
export function useDocumentItems<T, W>(
  kind: ItemsDocumentKind,
  read: (doc: Y.Doc) => ReadResult<T>[],
  writer: (doc: () => Y.Doc, author: Author) => W,
): DocumentItems<T, W> {
  const { partnershipId } = usePartnershipContext();
  const name = formatDocumentName({ kind, partnershipId });
  const [view] = usePartnershipDocuments([name], read, NO_ITEMS);
  if (!view) throw new Error("unreachable: one document asked, one returned");
  const author = useAuthor();
  const doc = view.doc;

  const write = useMemo(() => {
    const d = (): Y.Doc => {
      if (!doc) throw new Error(`the ${kind} document is not open`);
      return doc;
    };
    return writer(d, author);
  }, [doc, author, kind, writer]);

  return { ...view, items: view.value, write };
}
