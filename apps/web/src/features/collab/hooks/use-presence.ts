import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { parseCollabUser, type CollabUser } from "../state/collab-user";

export interface Participant {
  clientId: number;
  user: CollabUser;
  isSelf: boolean;
}

function participants(awareness: Awareness): Participant[] {
  const byUser = new Map<string, Participant>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = parseCollabUser((state as { user?: unknown }).user);
    if (!user) continue;
    const isSelf = clientId === awareness.clientID;
    // One line per person: several tabs of one user collapse, keeping this tab's entry.
    const existing = byUser.get(user.id);
    if (!existing || isSelf) byUser.set(user.id, { clientId, user, isSelf });
  }
  return [...byUser.values()].sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      a.user.organizationName.localeCompare(b.user.organizationName) ||
      a.user.name.localeCompare(b.user.name),
  );
}

/** Everyone present in a live document (from awareness), yourself first. */
export function usePresence(awareness: Awareness | null): Participant[] {
  const [list, setList] = useState<Participant[]>([]);

  useEffect(() => {
    if (!awareness) {
      setList([]);
      return;
    }
    const update = () => setList(participants(awareness));
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);

  return list;
}
