import { createContext } from "react";
import type { LiveDocumentStore } from "./live-document-store";

export interface LiveDocumentsValue {
  store: LiveDocumentStore;
  /** Opens the named documents (those already open are left as they are). */
  open: (names: readonly string[]) => void;
}

export const LiveDocumentsContext = createContext<LiveDocumentsValue | null>(null);
