import { agendaNotesFragment, type AgendaItemView } from "@entente/protocol";
import { useState } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { ConfirmButton } from "../../../ui/confirm-button";
import { FormError } from "../../../ui/form";
import { LiveRichTextEditor } from "../../charter";
import type { CollabDocument } from "../../collab";
import { OrganizationChip, usePartnershipContext } from "../../partnerships";
import type { AgendaItemInput } from "../api/meetings-api";
import { AgendaItemForm } from "./agenda-item-form";
import { SignOffs } from "./sign-offs";

export interface AgendaItemActions {
  update: (changes: Partial<AgendaItemInput> & { position?: number }) => Promise<void>;
  remove: () => Promise<void>;
  signOff: () => Promise<void>;
  /** Moves the item one step; absent at that end of the agenda. */
  moveUp?: () => Promise<void>;
  moveDown?: () => Promise<void>;
}

/**
 * One agenda item: its owner organization and time box, its live notes (the item's
 * fragment of the meeting's document, co-edited with carets), and each side's sign-off.
 */
export function AgendaItem({
  item,
  meetingStartsAt,
  index,
  notes,
  editable,
  actions,
}: {
  item: AgendaItemView;
  /** The meeting's start (ISO): its items are signed off from then on. */
  meetingStartsAt: string;
  index: number;
  /** The meeting's live document; `null` while it opens. */
  notes: CollabDocument | null;
  /** The user may change the agenda and the notes. */
  editable: boolean;
  actions: AgendaItemActions;
}) {
  const t = useT();
  const { collabUser } = usePartnershipContext();
  const [editing, setEditing] = useState(false);
  const tools = useMutation({ mutationFn: async (write: () => Promise<void>) => write() });

  return (
    <li
      className="card agenda-item"
      data-testid="agenda-item"
      data-item-id={item.id}
      aria-labelledby={`agenda-item-${item.id}`}
    >
      <header className="agenda-item__head">
        <span className="agenda-item__number" aria-hidden="true">
          {index + 1}
        </span>
        <h4 id={`agenda-item-${item.id}`} className="agenda-item__title">
          {item.title}
        </h4>
        <OrganizationChip organizationId={item.ownerOrganizationId} />
        <span className="pill" data-testid="agenda-timebox">
          {t("meetings.agenda.minutes", { minutes: item.timeboxMinutes })}
        </span>
        {editable ? (
          <span className="item-tools">
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t("meetings.agenda.moveUp", { title: item.title })}
              disabled={!actions.moveUp || tools.isPending}
              onClick={() => actions.moveUp && void tools.mutate(actions.moveUp)}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t("meetings.agenda.moveDown", { title: item.title })}
              disabled={!actions.moveDown || tools.isPending}
              onClick={() => actions.moveDown && void tools.mutate(actions.moveDown)}
            >
              ↓
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t("meetings.agenda.edit", { title: item.title })}
              onClick={() => setEditing(true)}
            >
              {t("common.edit")}
            </button>
            <ConfirmButton
              label={t("common.delete")}
              confirmLabel={t("common.confirmDelete")}
              cancelLabel={t("common.cancel")}
              name={t("meetings.agenda.delete", { title: item.title })}
              onConfirm={() => void tools.mutate(actions.remove)}
            />
          </span>
        ) : null}
      </header>
      <FormError error={tools.error} />
      {editing ? (
        <AgendaItemForm
          initial={item}
          label={t("meetings.agenda.edit", { title: item.title })}
          submitLabel={t("common.save")}
          onSubmit={async (input) => {
            await actions.update(input);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      <div className="agenda-item__notes">
        {notes ? (
          <LiveRichTextEditor
            key={`${notes.ydoc.guid}:${item.id}`}
            document={notes}
            user={collabUser}
            editable={editable}
            field={agendaNotesFragment(item.id)}
            testId="agenda-notes"
            label={t("meetings.notes.label", { title: item.title })}
          />
        ) : (
          <p className="muted">{t("meetings.notes.loading")}</p>
        )}
      </div>
      <SignOffs item={item} meetingStartsAt={meetingStartsAt} onSignOff={actions.signOff} />
    </li>
  );
}
