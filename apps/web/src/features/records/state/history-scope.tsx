import { createContext, useContext, type ReactNode } from "react";

/** The organization whose profile the items below belong to (their history lives there). */
const ProfileScope = createContext<string | null>(null);

export function ProfileHistoryScope({
  organizationId,
  children,
}: {
  organizationId: string;
  children: ReactNode;
}) {
  return <ProfileScope.Provider value={organizationId}>{children}</ProfileScope.Provider>;
}

/** The profile's organization around a contribution or constraint; null elsewhere. */
export function useProfileScope(): string | null {
  return useContext(ProfileScope);
}
