import type { NoteGroupView } from "@entente/protocol";
import { useState, type FormEvent, type ReactNode } from "react";
import { useT } from "../../../i18n";
import { ConfirmButton } from "../../../ui/confirm-button";
import { errorMessage } from "../../../ui/error-message";
import { WriteError } from "../../../ui/item-tools";
import { useActionError } from "../../feed/hooks/use-action-error";
import type { WorkshopActions } from "../hooks/use-workshop";
import type { WorkshopPerson } from "../state/presence";
import { ConvertForm } from "./convert-form";
import {
  ConversionLink,
  DotControls,
  Lookers,
  NOTE_DRAG_TYPE,
  type BoardPermissions,
} from "./note-bits";

/** A cluster of notes under a title; it takes dots and converts as one. */
export function NoteCluster({
  group,
  noteCount,
  perms,
  myDots,
  canAddDot,
  dotsDisabled,
  resultVotes,
  lookers,
  onDot,
  actions,
  children,
}: {
  group: NoteGroupView;
  noteCount: number;
  perms: BoardPermissions;
  myDots: number | null;
  canAddDot: boolean;
  dotsDisabled: boolean;
  resultVotes: number | null;
  lookers: readonly WorkshopPerson[];
  onDot: (targetId: string, delta: 1 | -1) => void;
  actions: WorkshopActions;
  /** Its notes. */
  children: ReactNode;
}) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [converting, setConverting] = useState(false);
  const [title, setTitle] = useState(group.title);
  const [dropping, setDropping] = useState(false);
  const { error, guard } = useActionError();

  const rename = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === "") return;
    guard(async () => {
      await actions.renameGroup(group.id, trimmed);
      setRenaming(false);
    });
  };

  return (
    <section
      className={dropping ? "note-cluster note-cluster--drop" : "note-cluster"}
      data-testid="note-cluster"
      data-group-id={group.id}
      data-focus-id={group.id}
      aria-label={t("workshop.cluster.label", { title: group.title })}
      onDragOver={(event) => {
        if (!perms.canAct || !event.dataTransfer.types.includes(NOTE_DRAG_TYPE)) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        setDropping(false);
        const noteId = event.dataTransfer.getData(NOTE_DRAG_TYPE);
        if (!noteId) return;
        event.preventDefault();
        guard(() => actions.updateNote(noteId, { groupId: group.id }));
      }}
    >
      <header className="note-cluster__head">
        {renaming ? (
          <form className="note-cluster__rename" onSubmit={rename}>
            <input
              className="field__input"
              aria-label={t("workshop.cluster.title")}
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              autoFocus
            />
            <button type="submit" className="button button--small button--primary">
              {t("common.save")}
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setRenaming(false)}
            >
              {t("common.cancel")}
            </button>
          </form>
        ) : (
          <h4 className="note-cluster__title">
            {group.title}{" "}
            <span className="count">{t("workshop.cluster.count", { count: noteCount })}</span>
          </h4>
        )}
        <Lookers people={lookers} />
      </header>
      <div className="note-cluster__notes">{children}</div>
      <footer className="sticky-note__foot">
        {myDots !== null ? (
          <DotControls
            label={group.title}
            mine={myDots}
            canAdd={canAddDot}
            disabled={dotsDisabled}
            onDot={(delta) => onDot(group.id, delta)}
          />
        ) : null}
        {resultVotes !== null ? (
          <span className="vote-count" data-testid="cluster-votes">
            {t("workshop.vote.count", { count: resultVotes })}
          </span>
        ) : null}
        {group.conversion ? <ConversionLink conversion={group.conversion} /> : null}
        {perms.canAct && !renaming ? (
          <span className="sticky-note__tools">
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t("workshop.cluster.rename", { title: group.title })}
              onClick={() => {
                setTitle(group.title);
                setRenaming(true);
              }}
            >
              {t("common.edit")}
            </button>
            {group.conversion === null && !converting ? (
              <button
                type="button"
                className="button button--small"
                aria-label={t("workshop.convert.open", { source: group.title })}
                onClick={() => setConverting(true)}
              >
                {t("workshop.convert.button")}
              </button>
            ) : null}
            <ConfirmButton
              label={t("workshop.cluster.ungroup")}
              name={t("workshop.cluster.delete", { title: group.title })}
              confirmLabel={t("common.confirmDelete")}
              cancelLabel={t("common.cancel")}
              onConfirm={() => guard(() => actions.deleteGroup(group.id))}
            />
          </span>
        ) : null}
      </footer>
      {converting ? (
        <ConvertForm
          source={group.title}
          defaultTitle={group.title}
          onCancel={() => setConverting(false)}
          onConvert={async (input) => {
            await actions.convert({ kind: "group", id: group.id }, input);
            setConverting(false);
          }}
        />
      ) : null}
      <WriteError error={error ? errorMessage(t, error) : null} />
    </section>
  );
}
