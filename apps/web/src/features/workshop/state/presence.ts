import type { WorkshopAwarenessView, WorkshopView } from "@entente/protocol";
import { parseCollabUser, type CollabUser } from "../../collab";

/** Where a member looks, as their awareness `view` says. */
export type LookView = WorkshopAwarenessView["view"];
export type LookArea = LookView["area"];

const AREAS: readonly LookArea[] = ["board", "agenda", "results"];
const FOCUS_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One person in the workshop, as their awareness state says. */
export interface WorkshopPerson {
  clientId: number;
  user: CollabUser;
  /** Where they look; `null` when their client published no (readable) view. */
  view: LookView | null;
  facilitating: boolean;
  isSelf: boolean;
}

/** Remote states are whatever another client sent: keep only a well-formed view. */
export function parseView(value: unknown): LookView | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const area = AREAS.find((a) => a === v.area);
  if (!area) return null;
  const focusId = typeof v.focusId === "string" && FOCUS_ID.test(v.focusId) ? v.focusId : null;
  return { area, focusId };
}

/**
 * Everyone in the meeting's document, one entry per person (several tabs of one user
 * collapse, keeping this tab's entry, else the facilitating one), yourself first, then by
 * organization and name.
 */
export function workshopPeople(
  states: ReadonlyMap<number, Record<string, unknown>>,
  selfClientId: number,
): WorkshopPerson[] {
  const byUser = new Map<string, WorkshopPerson>();
  for (const [clientId, state] of states) {
    const user = parseCollabUser(state.user);
    if (!user) continue;
    const person: WorkshopPerson = {
      clientId,
      user,
      view: parseView(state.view),
      facilitating: state.facilitating === true,
      isSelf: clientId === selfClientId,
    };
    const existing = byUser.get(user.id);
    if (
      !existing ||
      person.isSelf ||
      (!existing.isSelf && person.facilitating && !existing.facilitating)
    ) {
      byUser.set(user.id, person);
    }
  }
  return [...byUser.values()].sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      a.user.organizationName.localeCompare(b.user.organizationName) ||
      a.user.name.localeCompare(b.user.name),
  );
}

/**
 * The view to follow: the facilitator's, and only if the facilitator says they facilitate.
 * Another member cannot steer the room: their `facilitating` is ignored since their
 * `user.id` is not the facilitator's, and they cannot claim that id because the server
 * refuses presence whose `user.id`, name or organization is not the sender's (docs/SYNC.md,
 * "Awareness").
 */
export function facilitatorView(
  people: readonly WorkshopPerson[],
  facilitatorId: string,
): LookView | null {
  const facilitator = people.find(
    (p) => p.user.id === facilitatorId && p.facilitating && !p.isSelf,
  );
  return facilitator?.view ?? null;
}

/** The others looking at each note or column, by its id. */
export function lookersByFocus(
  people: readonly WorkshopPerson[],
): ReadonlyMap<string, WorkshopPerson[]> {
  const map = new Map<string, WorkshopPerson[]>();
  for (const person of people) {
    const focusId = person.view?.focusId;
    if (person.isSelf || !focusId) continue;
    const list = map.get(focusId) ?? [];
    list.push(person);
    map.set(focusId, list);
  }
  return map;
}

/** What the user clicked or tabbed into on the board, as the page reads it from the DOM. */
export interface LookTarget {
  area: LookArea;
  /** The note, cluster or column it is in (`data-focus-id`). */
  focusId: string | null;
  /** Inside the pad that adds a new note to a column. */
  composing: boolean;
}

/**
 * The view to publish for a look. Awareness reaches every member, so it must not say where
 * a hidden note is: looking at one's own unrevealed note publishes no focus, and neither
 * does typing a new note in the private phase (the column would tell where it goes).
 */
export function lookView(
  target: LookTarget,
  workshop: Pick<WorkshopView, "phase" | "notes">,
): LookView {
  const hiddenNote = workshop.notes.some((n) => n.id === target.focusId && !n.revealed);
  const privateDraft = target.composing && workshop.phase === "private";
  return { area: target.area, focusId: hiddenNote || privateDraft ? null : target.focusId };
}
