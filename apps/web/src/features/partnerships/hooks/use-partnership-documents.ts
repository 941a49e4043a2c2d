import { readSchemaVersion, type Author, type SchemaVersionState } from "@entente/schema";
import type { DocumentEntry } from "@entente/protocol";
import { useMemo } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import {
  useDocumentValues,
  useLiveDocuments,
  type ConnectionState,
  type DeniedReason,
} from "../../collab";
import { documentAccessIn, usePartnershipContext } from "../state/partnership-context";

/** One live document of the partnership, read through a schema reader. */
export interface PartnershipDocument<T> {
  name: string;
  /** For the feature hooks' writers; components never touch it. */
  doc: Y.Doc | null;
  /** Who else is in the document (for the presence strip). */
  awareness: Awareness | null;
  /** What the reader returned, or the empty value until the document is there. */
  value: T;
  status: ConnectionState;
  deniedReason: DeniedReason | null;
  /** What the server lets this user do with it (`null`: not theirs to open). */
  access: DocumentEntry["access"] | null;
  /** Written by a newer app: show it, write nothing, ask for a reload. */
  newerSchema: boolean;
  /** The user may write and the app may write: access, connection and schema allow it. */
  writable: boolean;
  /** Nothing to show yet because the first sync has not happened. */
  loading: boolean;
}

interface Read<T> {
  value: T;
  schema: SchemaVersionState;
}

/**
 * Opens (through the page's live documents) and reads documents of the partnership. `read`
 * is a module-level `@entente/schema` reader; every change re-reads. Documents the user may
 * not open are not opened at all.
 */
export function usePartnershipDocuments<T>(
  names: readonly string[],
  read: (doc: Y.Doc) => T,
  empty: T,
): PartnershipDocument<T>[] {
  const context = usePartnershipContext();
  const accesses = names.map((name) => documentAccessIn(context, name));
  const openable = names.filter((_, index) => accesses[index] !== null);
  const sessions = useLiveDocuments(openable);

  const readBoth = useMemo(
    () =>
      (doc: Y.Doc): Read<T> => ({ value: read(doc), schema: readSchemaVersion(doc) }),
    [read],
  );
  const docs = sessions.map((session) => session.document?.ydoc ?? null);
  const values = useDocumentValues(docs, readBoth);

  return names.map((name, index) => {
    const access = accesses[index] ?? null;
    const at = openable.indexOf(name);
    const session = at >= 0 ? sessions[at] : undefined;
    const read = at >= 0 ? (values[at] ?? null) : null;
    const status: ConnectionState = session?.status ?? "denied";
    const newerSchema = read?.schema.status === "newer";
    const doc = session?.document?.ydoc ?? null;
    return {
      name,
      doc,
      awareness: session?.document?.awareness ?? null,
      value: read?.value ?? empty,
      status,
      deniedReason: session?.deniedReason ?? (access === null ? "forbidden" : null),
      access,
      newerSchema,
      writable: access === "write" && doc !== null && status !== "denied" && !newerSchema,
      loading: access !== null && (read === null || status === "connecting"),
    };
  });
}

/** The author stamped on what this user writes: them, for their organization. */
export function useAuthor(): Author {
  const { me } = usePartnershipContext();
  return useMemo(
    () => ({ userId: me.userId, organizationId: me.organizationId }),
    [me.userId, me.organizationId],
  );
}
