import { canWrite, type Permission } from "@entente/domain";
import type { DocumentEntry, LandingPage, PartnershipMemberView } from "@entente/protocol";
import { createContext, useContext, type ReactNode } from "react";
import { useRequiredContext } from "../../../lib/required-context";
import type { CollabUser } from "../../collab";
import type { ColoredOrganization } from "./organization-colors";

/** Everything the sections of a partnership page share: who is here, who is in it, what opens. */
export interface PartnershipContextValue {
  partnershipId: string;
  partnershipName: string;
  /** In the partnership's order: the position is the colour. */
  organizations: ColoredOrganization[];
  members: PartnershipMemberView[];
  documents: readonly DocumentEntry[];
  me: {
    userId: string;
    name: string;
    /** The organization the user speaks for here ("" if the seat is unknown). */
    organizationId: string;
    permission: Permission | null;
  };
  /** Who the user is in live documents (awareness, carets). */
  collabUser: CollabUser;
  /** The section `/p/:id` opens on for this member, and the way to change it. */
  landing: LandingPage;
  chooseLanding: (page: LandingPage) => Promise<void>;
}

const PartnershipContext = createContext<PartnershipContextValue | null>(null);

export function PartnershipProvider({
  value,
  children,
}: {
  value: PartnershipContextValue;
  children: ReactNode;
}) {
  return <PartnershipContext.Provider value={value}>{children}</PartnershipContext.Provider>;
}

/** The partnership the page shows; only inside `PartnershipProvider`. */
export function usePartnershipContext(): PartnershipContextValue {
  return useRequiredContext(PartnershipContext, "usePartnershipContext", "PartnershipProvider");
}

/** The partnership the page shows, or `null` outside one (the app header on other pages). */
export function useOptionalPartnershipContext(): PartnershipContextValue | null {
  return useContext(PartnershipContext);
}

/** What the user may do with a document of this partnership; `null` if it is not theirs to open. */
export function documentAccessIn(
  context: PartnershipContextValue,
  documentName: string,
): DocumentEntry["access"] | null {
  return context.documents.find((d) => d.name === documentName)?.access ?? null;
}

/** Server-stamped actions (endorsing, voting) are for editors and admins. */
export function canAct(context: PartnershipContextValue): boolean {
  return context.me.permission !== null && canWrite(context.me.permission);
}

/** Looks up organizations and members by id, with a stand-in for ids that left. */
export function usePartnershipDirectory() {
  const context = usePartnershipContext();
  const organization = (id: string): ColoredOrganization | null =>
    context.organizations.find((o) => o.id === id) ?? null;
  const member = (id: string | null): PartnershipMemberView | null =>
    id === null ? null : (context.members.find((m) => m.id === id) ?? null);
  return { organization, member };
}
