import type { StickyNoteView, WorkshopView } from "@entente/protocol";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { useT } from "../../../i18n";
import { EmptyState } from "../../../ui/empty-state";
import { errorMessage } from "../../../ui/error-message";
import { WriteError } from "../../../ui/item-tools";
import { useActionError } from "../../../ui/use-action-error";
import type { WorkshopActions } from "../hooks/use-workshop";
import { boardLayout, dotsLeft, withDot } from "../state/board";
import type { WorkshopPerson } from "../state/presence";
import { ClusterTitleInput } from "./cluster-title-input";
import { Lookers, useNoteDrop, type BoardItemProps, type BoardPermissions } from "./note-bits";
import { NoteCluster } from "./note-cluster";
import { NoteTextForm, StickyNote } from "./sticky-note";

const NO_ONE: WorkshopPerson[] = [];

/**
 * The board: clusters first, then the columns with their loose notes and, for members, a
 * pad to add one. Notes are memoized; what changes for one note re-renders that note.
 */
export function WorkshopBoard({
  workshop,
  perms,
  lookers,
  actions,
}: {
  workshop: WorkshopView;
  perms: BoardPermissions;
  lookers: ReadonlyMap<string, WorkshopPerson[]>;
  actions: WorkshopActions;
}) {
  const t = useT();
  const layout = useMemo(() => boardLayout(workshop), [workshop]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dotBusy, setDotBusy] = useState(false);
  const { error, guard } = useActionError();
  const vote = workshop.vote;

  const onSelect = useCallback((noteId: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(noteId);
      else next.delete(noteId);
      return next;
    });
  }, []);

  // Read at click time, so `onDot` stays the same function and notes stay memoized.
  const voteRef = useRef(vote);
  useEffect(() => {
    voteRef.current = vote;
  });

  const onDot = useCallback(
    (targetId: string, delta: 1 | -1) => {
      const next = withDot(voteRef.current, targetId, delta);
      if (next === null) return;
      setDotBusy(true);
      guard(async () => {
        try {
          await actions.setMyVotes(next);
        } finally {
          setDotBusy(false);
        }
      });
    },
    [actions, guard],
  );

  const results = useMemo(() => {
    const map = new Map<string, number>();
    if (vote.status === "closed") {
      for (const r of vote.results) map.set(r.target.id, r.votes);
    }
    return map;
  }, [vote]);

  // While the vote is open, the caller's own dots; `null` when they cannot vote.
  const voting = vote.status === "open" && perms.canAct;
  const myDots = (id: string) => (voting ? (vote.myVotes[id] ?? 0) : null);
  const canAddDot = voting && dotsLeft(vote) > 0;
  // Once closed, the dots each got (the ranking lists them all; notes show those that got some).
  const votes = (id: string) => (vote.status === "closed" ? (results.get(id) ?? null) : null);

  // Selected notes still on the board; a hidden one never joins a cluster (its title shows to all).
  const selectable = workshop.notes
    .filter((n) => n.revealed && selected.has(n.id))
    .map((n) => n.id);

  // Spread as props (each one stable), so notes stay memoized.
  const itemProps = (id: string): BoardItemProps => ({
    perms,
    myDots: myDots(id),
    canAddDot,
    dotsDisabled: dotBusy,
    resultVotes: votes(id),
    lookers: lookers.get(id) ?? NO_ONE,
    onDot,
    actions,
  });

  const renderNote = (note: StickyNoteView) => (
    <StickyNote
      key={note.id}
      {...itemProps(note.id)}
      note={note}
      columns={workshop.columns}
      groups={workshop.groups}
      selected={selected.has(note.id)}
      onSelect={onSelect}
    />
  );

  return (
    <div className="workshop-board" data-workshop-area="board" data-testid="workshop-board">
      {perms.canAct && selectable.length > 0 ? (
        <ClusterBar
          count={selectable.length}
          onCancel={() => setSelected(new Set())}
          onCreate={async (title) => {
            await actions.addGroup(title, selectable);
            setSelected(new Set());
          }}
        />
      ) : null}
      <WriteError error={error ? errorMessage(t, error) : null} />

      {layout.clusters.length > 0 ? (
        <div className="workshop-board__clusters" aria-label={t("workshop.cluster.all")}>
          {layout.clusters.map(({ group, notes }) => (
            <NoteCluster
              key={group.id}
              {...itemProps(group.id)}
              group={group}
              noteCount={notes.length}
            >
              {notes.map(renderNote)}
            </NoteCluster>
          ))}
        </div>
      ) : null}

      {layout.columns.length === 0 ? (
        // Every board opens with a default column (the server's); this is a board emptied meanwhile.
        <EmptyState
          testId="no-columns"
          title={
            perms.isFacilitator
              ? t("workshop.columns.emptyFacilitator")
              : t("workshop.columns.empty")
          }
        />
      ) : (
        <div
          className="workshop-board__columns"
          style={{ gridTemplateColumns: `repeat(${layout.columns.length}, minmax(14rem, 1fr))` }}
        >
          {layout.columns.map(({ column, notes }) => (
            <BoardColumn
              key={column.id}
              columnId={column.id}
              title={column.title}
              count={notes.length}
              canAct={perms.canAct}
              lookers={lookers.get(column.id) ?? NO_ONE}
              actions={actions}
            >
              {notes.map(renderNote)}
            </BoardColumn>
          ))}
        </div>
      )}
    </div>
  );
}

function BoardColumn({
  columnId,
  title,
  count,
  canAct,
  lookers,
  actions,
  children,
}: {
  columnId: string;
  title: string;
  count: number;
  canAct: boolean;
  lookers: readonly WorkshopPerson[];
  actions: WorkshopActions;
  children: ReactNode;
}) {
  const t = useT();
  const { error, guard } = useActionError();
  const { dropping, dropProps } = useNoteDrop(canAct, (noteId) =>
    guard(() => actions.updateNote(noteId, { columnId, groupId: null })),
  );
  return (
    <section
      className={dropping ? "workshop-column workshop-column--drop" : "workshop-column"}
      data-testid="workshop-column"
      data-column-id={columnId}
      data-focus-id={columnId}
      aria-label={title}
      {...dropProps}
    >
      <header className="workshop-column__head">
        <h3 className="workshop-column__title">
          {title} <span className="count">{count}</span>
        </h3>
        <Lookers people={lookers} />
      </header>
      <div className="workshop-column__notes">{children}</div>
      {canAct ? (
        <NoteTextForm
          initial=""
          composer
          label={t("workshop.note.new", { column: title })}
          submitLabel={t("workshop.note.add")}
          placeholder={t("workshop.note.placeholder")}
          onSave={(text) => actions.addNote(text, columnId)}
        />
      ) : null}
      <WriteError error={error ? errorMessage(t, error) : null} />
    </section>
  );
}

/** Names the selected notes' new cluster. */
function ClusterBar({
  count,
  onCreate,
  onCancel,
}: {
  count: number;
  onCreate: (title: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const [title, setTitle] = useState("");
  const { error, guard } = useActionError();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === "") return;
    guard(() => onCreate(trimmed));
  };
  return (
    <form
      className="cluster-bar"
      aria-label={t("workshop.cluster.create")}
      onSubmit={submit}
      data-testid="cluster-bar"
    >
      <span>{t("workshop.cluster.selected", { count })}</span>
      <ClusterTitleInput
        value={title}
        onChange={setTitle}
        placeholder={t("workshop.cluster.title")}
        required
      />
      <button type="submit" className="button button--small button--primary">
        {t("workshop.cluster.create")}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onCancel}>
        {t("common.cancel")}
      </button>
      <WriteError error={error ? errorMessage(t, error) : null} />
    </form>
  );
}
