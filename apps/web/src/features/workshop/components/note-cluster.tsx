import type { NoteGroupView } from "@entente/protocol";
import { useState, type FormEvent, type ReactNode } from "react";
import { useT } from "../../../i18n";
import { ConfirmButton } from "../../../ui/confirm-button";
import { errorMessage } from "../../../ui/error-message";
import { WriteError } from "../../../ui/item-tools";
import { useActionError } from "../../../ui/use-action-error";
import { ClusterTitleInput } from "./cluster-title-input";
import {
  ConvertButton,
  Lookers,
  NoteConvertForm,
  NoteFoot,
  useNoteDrop,
  type BoardItemProps,
} from "./note-bits";

/** A cluster of notes under a title; it takes dots and converts as one. */
export function NoteCluster({
  group,
  noteCount,
  perms,
  lookers,
  actions,
  children,
  ...vote
}: BoardItemProps & {
  group: NoteGroupView;
  noteCount: number;
  /** Its notes. */
  children: ReactNode;
}) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [converting, setConverting] = useState(false);
  const [title, setTitle] = useState(group.title);
  const { error, guard } = useActionError();
  const { dropping, dropProps } = useNoteDrop(perms.canAct, (noteId) =>
    guard(() => actions.updateNote(noteId, { groupId: group.id })),
  );

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
      {...dropProps}
    >
      <header className="note-cluster__head">
        {renaming ? (
          <form className="note-cluster__rename" onSubmit={rename}>
            <ClusterTitleInput value={title} onChange={setTitle} autoFocus />
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
      <NoteFoot
        {...vote}
        targetId={group.id}
        label={group.title}
        votesTestId="cluster-votes"
        conversion={group.conversion}
        tools={
          perms.canAct && !renaming ? (
            <>
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
                <ConvertButton source={group.title} onOpen={() => setConverting(true)} />
              ) : null}
              <ConfirmButton
                label={t("workshop.cluster.ungroup")}
                name={t("workshop.cluster.delete", { title: group.title })}
                confirmLabel={t("common.confirmDelete")}
                cancelLabel={t("common.cancel")}
                onConfirm={() => guard(() => actions.deleteGroup(group.id))}
              />
            </>
          ) : null
        }
      />
      {converting ? (
        <NoteConvertForm
          target={{ kind: "group", id: group.id }}
          source={group.title}
          defaultTitle={group.title}
          actions={actions}
          onClose={() => setConverting(false)}
        />
      ) : null}
      <WriteError error={error ? errorMessage(t, error) : null} />
    </section>
  );
}
