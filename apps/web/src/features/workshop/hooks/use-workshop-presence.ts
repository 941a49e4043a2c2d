import { useCallback, useEffect, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import {
  lookersByFocus,
  workshopPeople,
  type WorkshopPerson,
  type LookView,
} from "../state/presence";

const NOBODY: WorkshopPerson[] = [];

/** Everyone in the workshop (the meeting document's awareness), re-read when it changes. */
export function useWorkshopPeople(awareness: Awareness | null): WorkshopPerson[] {
  const [people, setPeople] = useState<WorkshopPerson[]>(NOBODY);
  useEffect(() => {
    if (!awareness) {
      setPeople(NOBODY);
      return;
    }
    const update = () => setPeople(workshopPeople(awareness.getStates(), awareness.clientID));
    update();
    // `change`, not `update`: the 15 s renewals of unchanged states redraw nothing.
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);
  return people;
}

/**
 * The others looking at each note or column. Lists that did not change are the same arrays
 * as before, so a memoized note re-renders only when who looks at it changed.
 */
export function useLookers(
  people: readonly WorkshopPerson[],
): ReadonlyMap<string, WorkshopPerson[]> {
  const previous = useRef<ReadonlyMap<string, WorkshopPerson[]>>(new Map());
  const [result, setResult] = useState<ReadonlyMap<string, WorkshopPerson[]>>(previous.current);
  useEffect(() => {
    const next = new Map<string, WorkshopPerson[]>();
    const key = (list: readonly WorkshopPerson[]) =>
      list.map((p) => `${p.clientId}:${p.user.color}:${p.user.name}`).join(",");
    for (const [focusId, list] of lookersByFocus(people)) {
      const before = previous.current.get(focusId);
      next.set(focusId, before && key(before) === key(list) ? before : list);
    }
    previous.current = next;
    setResult(next);
  }, [people]);
  return result;
}

/** At most one awareness message per this interval while the user clicks around. */
const PUBLISH_MS = 150;

/**
 * Publishes where the user looks (`view`) and whether they facilitate on the meeting
 * document's awareness; both are withdrawn when the workshop page goes (the document may
 * stay open for the meeting page).
 */
export function usePublishView(
  awareness: Awareness | null,
  facilitating: boolean,
): (view: LookView) => void {
  const pending = useRef<LookView | null>(null);
  const last = useRef<LookView>({ area: "board", focusId: null });
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField("view", last.current);
    awareness.setLocalStateField("facilitating", facilitating);
    return () => {
      window.clearTimeout(timer.current);
      timer.current = undefined;
      // A destroyed awareness (the document closed first) takes no more fields.
      if (awareness.getLocalState() === null) return;
      awareness.setLocalStateField("view", null);
      awareness.setLocalStateField("facilitating", false);
    };
  }, [awareness, facilitating]);

  return useCallback(
    (view: LookView) => {
      if (!awareness) return;
      const same = (a: LookView | null) =>
        a !== null && a.area === view.area && a.focusId === view.focusId;
      if (same(pending.current) || (pending.current === null && same(last.current))) return;
      pending.current = view;
      if (timer.current !== undefined) return;
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        const next = pending.current;
        pending.current = null;
        if (!next || awareness.getLocalState() === null) return;
        last.current = next;
        awareness.setLocalStateField("view", next);
      }, PUBLISH_MS);
    },
    [awareness],
  );
}
