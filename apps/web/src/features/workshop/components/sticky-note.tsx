import type { NoteGroupView, StickyNoteView, WorkshopColumnView } from "@entente/protocol";
import { memo, useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { ConfirmButton } from "../../../ui/confirm-button";
import { errorMessage } from "../../../ui/error-message";
import { FormButtons } from "../../../ui/form-buttons";
import { WriteError } from "../../../ui/item-tools";
import { useActionError } from "../../../ui/use-action-error";
import { usePartnershipDirectory } from "../../partnerships";
import {
  ConvertButton,
  Lookers,
  NOTE_DRAG_TYPE,
  NoteConvertForm,
  NoteFoot,
  type BoardItemProps,
} from "./note-bits";

/** As the server accepts. */
export const NOTE_MAX_LENGTH = 1000;

/** A note's text, short enough for button names. */
export function shortText(text: string): string {
  const line = text.trim().replace(/\s+/g, " ");
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/**
 * One sticky note in its author's organization colour. Its author edits the text; members
 * move it (between columns, into or out of a cluster, by select or drag), put dots on it
 * while a vote is open, and turn it into an action, an issue or a decision. A note still
 * hidden (only its author has it) moves between columns only: a cluster's title shows to
 * everyone, and dots and conversion wait for the reveal too (the server's rules).
 */
export const StickyNote = memo(function StickyNote({
  note,
  columns,
  groups,
  perms,
  lookers,
  selected,
  onSelect,
  actions,
  ...vote
}: BoardItemProps & {
  note: StickyNoteView;
  columns: readonly WorkshopColumnView[];
  groups: readonly NoteGroupView[];
  selected: boolean;
  onSelect: (noteId: string, selected: boolean) => void;
}) {
  const t = useT();
  const { organization } = usePartnershipDirectory();
  const color = organization(note.organizationId)?.color ?? "#475569";
  const org = organization(note.organizationId)?.name ?? t("organization.unknown");
  const mine = note.author.id === perms.userId;
  const label = shortText(note.text);
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  const { error, guard } = useActionError();

  const canMove = perms.canAct;
  const canDelete = perms.canAct && (mine || perms.isFacilitator);
  // Only one's own notes can reach this client hidden; those take no cluster, dot or conversion.
  const canCluster = perms.canAct && note.revealed;
  const canConvert = perms.canAct && note.conversion === null && note.revealed;

  return (
    <article
      className="sticky-note"
      data-testid="sticky-note"
      data-note-id={note.id}
      data-focus-id={note.id}
      data-organization-id={note.organizationId}
      data-mine={mine ? "true" : undefined}
      style={{ borderColor: color, backgroundColor: `${color}14` }}
      draggable={canMove && !editing && !converting}
      onDragStart={(event) => {
        event.dataTransfer.setData(NOTE_DRAG_TYPE, note.id);
        event.dataTransfer.effectAllowed = "move";
      }}
      aria-label={t("workshop.note.label", { org, text: label })}
    >
      <header className="sticky-note__head">
        {canCluster ? (
          <input
            type="checkbox"
            className="sticky-note__select"
            checked={selected}
            aria-label={t("workshop.note.select", { text: label })}
            onChange={(e) => onSelect(note.id, e.target.checked)}
          />
        ) : null}
        <span className="sticky-note__author">
          <span className="swatch" style={{ backgroundColor: color }} aria-hidden="true" />
          {note.author.name} · {org}
        </span>
        <Lookers people={lookers} />
      </header>

      {editing ? (
        <NoteTextForm
          initial={note.text}
          label={t("workshop.note.edit", { text: label })}
          onCancel={() => setEditing(false)}
          onSave={async (text) => {
            await actions.updateNote(note.id, { text });
            setEditing(false);
          }}
        />
      ) : (
        <p className="sticky-note__text" data-testid="note-text">
          {note.text}
        </p>
      )}

      <NoteFoot
        {...vote}
        myDots={note.revealed ? vote.myDots : null}
        targetId={note.id}
        label={label}
        votesTestId="note-votes"
        conversion={note.conversion}
        tools={
          !editing && perms.canAct ? (
            <>
              {canMove && note.groupId === null && columns.length > 1 ? (
                <select
                  className="inline-select"
                  aria-label={t("workshop.note.move", { text: label })}
                  value={note.columnId}
                  onChange={(e) =>
                    guard(() => actions.updateNote(note.id, { columnId: e.target.value }))
                  }
                >
                  {columns.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title}
                    </option>
                  ))}
                </select>
              ) : null}
              {canCluster && (groups.length > 0 || note.groupId !== null) ? (
                <select
                  className="inline-select"
                  aria-label={t("workshop.note.cluster", { text: label })}
                  value={note.groupId ?? ""}
                  onChange={(e) =>
                    guard(() =>
                      actions.updateNote(note.id, {
                        groupId: e.target.value === "" ? null : e.target.value,
                      }),
                    )
                  }
                >
                  <option value="">{t("workshop.note.noCluster")}</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.title}
                    </option>
                  ))}
                </select>
              ) : null}
              {mine && note.conversion === null ? (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  aria-label={t("workshop.note.edit", { text: label })}
                  onClick={() => setEditing(true)}
                >
                  {t("common.edit")}
                </button>
              ) : null}
              {canConvert && !converting ? (
                <ConvertButton source={label} onOpen={() => setConverting(true)} />
              ) : null}
              {canDelete ? (
                <ConfirmButton
                  label={t("common.delete")}
                  name={t("workshop.note.delete", { text: label })}
                  confirmLabel={t("common.confirmDelete")}
                  cancelLabel={t("common.cancel")}
                  onConfirm={() => guard(() => actions.deleteNote(note.id))}
                />
              ) : null}
            </>
          ) : null
        }
      />
      {converting ? (
        <NoteConvertForm
          target={{ kind: "note", id: note.id }}
          source={label}
          defaultTitle={note.text}
          actions={actions}
          onClose={() => setConverting(false)}
        />
      ) : null}
      <WriteError error={error ? errorMessage(t, error) : null} />
    </article>
  );
});

/** Writes a note's text: a new one, or its author's edit. */
export function NoteTextForm({
  initial,
  composer = false,
  label,
  submitLabel,
  placeholder,
  onSave,
  onCancel,
}: {
  initial: string;
  /** The pad that adds a new note to a column (not an edit of one). */
  composer?: boolean;
  label: string;
  submitLabel?: string;
  placeholder?: string;
  onSave: (text: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(initial);
  const [pending, setPending] = useState(false);
  const { error, guard } = useActionError();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const trimmed = text.trim();
    if (trimmed === "" || pending) return;
    setPending(true);
    guard(async () => {
      try {
        await onSave(trimmed);
        if (!onCancel) setText("");
      } finally {
        setPending(false);
      }
    });
  };

  return (
    <form
      className="note-form"
      aria-label={label}
      onSubmit={submit}
      data-note-composer={composer ? "true" : undefined}
    >
      <textarea
        className="field__input note-form__text"
        aria-label={label}
        value={text}
        maxLength={NOTE_MAX_LENGTH}
        rows={2}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter adds the note, as on a sticky-note pad; Shift+Enter starts a new line.
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
        autoFocus={onCancel !== undefined}
      />
      <FormButtons
        className="note-form__buttons"
        submitLabel={submitLabel ?? t("common.save")}
        pending={pending}
        disabled={text.trim() === ""}
        ghostCancel
        onCancel={onCancel}
      />
      <WriteError error={error ? errorMessage(t, error) : null} />
    </form>
  );
}
