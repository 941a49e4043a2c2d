import type {
  NoteGroupView,
  StickyNoteView,
  VoteResultView,
  WorkshopColumnView,
  WorkshopView,
  WorkshopVoteView,
} from "@entente/protocol";

export interface BoardColumn {
  column: WorkshopColumnView;
  /** The notes of the column that are in no cluster, oldest first. */
  notes: StickyNoteView[];
}

export interface BoardCluster {
  group: NoteGroupView;
  /** Its notes the caller can see, oldest first. */
  notes: StickyNoteView[];
}

export interface BoardLayout {
  columns: BoardColumn[];
  clusters: BoardCluster[];
}

const byCreation = (a: StickyNoteView, b: StickyNoteView) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * Where each visible note goes: in its cluster when it has one, in its column otherwise.
 * A note whose column is gone lands in the first column rather than vanishing.
 */
export function boardLayout(
  workshop: Pick<WorkshopView, "columns" | "notes" | "groups">,
): BoardLayout {
  const columnIds = new Set(workshop.columns.map((c) => c.id));
  const groupIds = new Set(workshop.groups.map((g) => g.id));
  const firstColumn = workshop.columns[0]?.id;
  const byColumn = new Map<string, StickyNoteView[]>();
  const byGroup = new Map<string, StickyNoteView[]>();

  for (const note of [...workshop.notes].sort(byCreation)) {
    if (note.groupId !== null && groupIds.has(note.groupId)) {
      const list = byGroup.get(note.groupId) ?? [];
      list.push(note);
      byGroup.set(note.groupId, list);
      continue;
    }
    const columnId = columnIds.has(note.columnId) ? note.columnId : firstColumn;
    if (columnId === undefined) continue;
    const list = byColumn.get(columnId) ?? [];
    list.push(note);
    byColumn.set(columnId, list);
  }

  return {
    columns: workshop.columns.map((column) => ({ column, notes: byColumn.get(column.id) ?? [] })),
    clusters: workshop.groups.map((group) => ({ group, notes: byGroup.get(group.id) ?? [] })),
  };
}

/** The caller's dots still to place; 0 when no vote is open. */
export function dotsLeft(vote: WorkshopVoteView): number {
  if (vote.status !== "open") return 0;
  const used = Object.values(vote.myVotes).reduce((sum, n) => sum + n, 0);
  return Math.max(0, vote.votesPerPerson - used);
}

/** The caller's dots with one more (`+1`) or one fewer (`-1`) on `targetId`; `null` if not allowed. */
export function withDot(
  vote: WorkshopVoteView,
  targetId: string,
  delta: 1 | -1,
): Record<string, number> | null {
  if (vote.status !== "open") return null;
  const current = vote.myVotes[targetId] ?? 0;
  if (delta === 1 && dotsLeft(vote) === 0) return null;
  if (delta === -1 && current === 0) return null;
  const next = { ...vote.myVotes };
  const count = current + delta;
  if (count === 0) delete next[targetId];
  else next[targetId] = count;
  return next;
}

export interface RankedResult {
  result: VoteResultView;
  /** 1 for the most votes; ties share a rank. */
  rank: number;
  note: StickyNoteView | null;
  group: NoteGroupView | null;
}

/** The closed vote's results, most votes first (as the server ranked them), with what they point at. */
export function rankedResults(
  workshop: Pick<WorkshopView, "vote" | "notes" | "groups">,
): RankedResult[] {
  if (workshop.vote.status !== "closed") return [];
  const ranked: RankedResult[] = [];
  const sorted = [...workshop.vote.results].sort((a, b) => b.votes - a.votes);
  for (const [index, result] of sorted.entries()) {
    const previous = ranked[index - 1];
    const rank = previous && previous.result.votes === result.votes ? previous.rank : index + 1;
    ranked.push({
      result,
      rank,
      note:
        result.target.kind === "note"
          ? (workshop.notes.find((n) => n.id === result.target.id) ?? null)
          : null,
      group:
        result.target.kind === "group"
          ? (workshop.groups.find((g) => g.id === result.target.id) ?? null)
          : null,
    });
  }
  return ranked;
}

/** Notes of others still hidden, all organizations together. */
export function hiddenTotal(workshop: Pick<WorkshopView, "hidden">): number {
  return workshop.hidden.reduce((sum, h) => sum + h.count, 0);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `next`, reusing `previous`'s objects (and the array) for entries that did not change. */
function shareList<T extends { id: string }>(previous: readonly T[], next: T[]): T[] {
  const byId = new Map(previous.map((entry) => [entry.id, entry]));
  let changed = previous.length !== next.length;
  const shared = next.map((entry, index) => {
    const before = byId.get(entry.id);
    if (before && sameJson(before, entry)) {
      if (previous[index] !== before) changed = true;
      return before;
    }
    changed = true;
    return entry;
  });
  return changed ? shared : (previous as T[]);
}

/**
 * A new projection that keeps the previous one's note, group and column objects where they
 * did not change: memoized notes then re-render only when their own note changed, not on
 * every refetch.
 */
export function shareUnchanged(previous: WorkshopView | null, next: WorkshopView): WorkshopView {
  if (previous === null || previous.meetingId !== next.meetingId) return next;
  return {
    ...next,
    columns: shareList(previous.columns, next.columns),
    notes: shareList(previous.notes, next.notes),
    groups: shareList(previous.groups, next.groups),
  };
}
