import { formatDocumentName } from "@entente/domain";
import { POST_PARAM, type MeetingView } from "@entente/protocol";
import { useState } from "react";
import { useT } from "../../../i18n";
import { Link, useNavigate } from "@tanstack/react-router";
import { useMutation } from "@tanstack/react-query";
import { EmptyState } from "../../../ui/empty-state";
import { ConfirmButton } from "../../../ui/confirm-button";
import { errorMessage } from "../../../ui/error-message";
import { FormError } from "../../../ui/form";
import { PageStatus } from "../../../ui/page-status";
import { useSession } from "../../auth";
import { PresenceStrip, type CollabSession, useLiveDocuments } from "../../collab";
import { ReadOnlyBadge, canAct, usePartnershipContext, sectionPath } from "../../partnerships";
import { MeetingNotesHistory } from "../../history";
import type { AgendaItemInput } from "../api/meetings-api";
import { useMeeting } from "../hooks/use-meeting";
import { useMeetingFormat } from "../hooks/use-meeting-format";
import { workshopPath } from "../state/meeting-paths";
import { movedPosition, orderedAgenda } from "../state/meetings-state";
import { AgendaItem } from "./agenda-item";
import { AgendaItemForm } from "./agenda-item-form";
import { MeetingForm } from "./meeting-form";
import { MeetingLogistics } from "./meeting-logistics";
import { MeetingParticipants } from "./meeting-participants";
import "../meetings.css";

type MeetingActions = ReturnType<typeof useMeeting>["actions"];

/**
 * One meeting (a lazy chunk): its header, and its agenda with each item's live notes and
 * sign-offs. The notes are the meeting's live document (`<pid>/meeting/<meetingId>`), one
 * fragment per item; the rest is the server's, read again on the meeting's live events.
 */
export default function MeetingPage({ meetingId }: { meetingId: string }) {
  const t = useT();
  const context = usePartnershipContext();
  const documentName = formatDocumentName({
    kind: "meeting",
    partnershipId: context.partnershipId,
    meetingId,
  });
  const [session] = useLiveDocuments([documentName]);
  const notes = session?.document ?? null;
  const { meeting, error, actions } = useMeeting(context.partnershipId, meetingId, notes);
  const listPath = sectionPath(context.partnershipId, "meetings");

  if (!meeting) {
    if (!error) return <PageStatus>{t("common.loading")}</PageStatus>;
    return (
      <PageStatus role="alert">
        <p>{error.status === 404 ? t("meetings.notFound") : errorMessage(t, error)}</p>
        <Link to={listPath}>{t("meetings.backToList")}</Link>
      </PageStatus>
    );
  }

  // Deleted while open: the server closed the notes' socket (4404) or the refetch found nothing.
  const deleted = session?.deniedReason === "deleted" || error?.status === 404;
  // Meetings are written by editors and admins; the live notes follow the socket's word.
  const editable = canAct(context) && session?.status !== "denied";
  return (
    <div className="meeting-page" data-testid="meeting-page" data-meeting-id={meeting.id}>
      <Link to={listPath} className="meeting-page__back">
        ← {t("meetings.backToList")}
      </Link>
      {deleted ? (
        <div className="notice notice--warning" role="alert" data-testid="meeting-deleted">
          {t("meetings.deleted")}
        </div>
      ) : error ? (
        <div className="notice notice--warning" role="alert">
          {errorMessage(t, error)}
        </div>
      ) : null}
      <MeetingHeader
        meeting={meeting}
        session={session ?? null}
        editable={canAct(context)}
        actions={actions}
      />
      <Agenda meeting={meeting} notes={notes} editable={editable} actions={actions} />
      {deleted ? null : <MeetingNotesHistory meetingId={meeting.id} />}
    </div>
  );
}

function MeetingHeader({
  meeting,
  session,
  editable,
  actions,
}: {
  meeting: MeetingView;
  session: CollabSession | null;
  editable: boolean;
  actions: MeetingActions;
}) {
  const t = useT();
  const format = useMeetingFormat();
  const context = usePartnershipContext();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: async (values: Parameters<MeetingActions["update"]>[0]) => {
      await actions.update(values);
      setEditing(false);
    },
  });
  const remove = useMutation({
    mutationFn: async () => {
      await actions.remove();
      void navigate({ href: sectionPath(context.partnershipId, "meetings") });
    },
  });
  const isWorkshop = meeting.kind === "workshop";

  return (
    <section className="card meeting-header" aria-labelledby="meeting-title">
      <header className="meeting-header__top">
        <div>
          <p className="meeting-header__kind">
            <span className="pill" data-testid="meeting-kind">
              {t(`meetings.kind.${meeting.kind}`)}
            </span>{" "}
            <span className="pill pill--level" data-testid="meeting-level">
              {t(`level.${meeting.level}`)}
            </span>
          </p>
          <h2 id="meeting-title" className="meeting-header__title">
            {meeting.title}
          </h2>
        </div>
        <div className="section-header__side">
          <PresenceStrip awareness={session?.document?.awareness ?? null} />
          {!editable ? <ReadOnlyBadge reason={t("readOnly.permission")} /> : null}
        </div>
      </header>
      {session?.deniedReason === "unauthorized" ? (
        <div className="notice notice--danger" role="alert">
          {t("connection.denied.unauthorized")}{" "}
          <button type="button" className="button button--link" onClick={() => void refresh()}>
            {t("connection.loginAgain")}
          </button>
        </div>
      ) : session?.deniedReason === "forbidden" ? (
        <div className="notice notice--danger" role="alert">
          {t("connection.denied.forbidden")}
        </div>
      ) : null}
      {editing ? (
        <MeetingForm
          initial={meeting}
          label={t("meetings.editMeeting")}
          submitLabel={t("common.save")}
          pending={save.isPending}
          error={save.error}
          onSubmit={({ agenda: _agenda, ...values }) => void save.mutate(values)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="meeting-header__facts">
          <div>
            <dt>{t("meetings.when")}</dt>
            <dd>
              <time dateTime={meeting.startsAt} data-testid="meeting-time">
                {format.range(meeting.startsAt, meeting.durationMinutes)}
              </time>
              <MeetingLogistics meeting={meeting} />
            </dd>
          </div>
          <div>
            <dt>{t("meetings.field.facilitator")}</dt>
            <dd data-testid="meeting-facilitator">{meeting.facilitator.name}</dd>
          </div>
          {meeting.discussionPostId ? (
            <div>
              <dt>{t("meetings.discussion")}</dt>
              <dd>
                <Link
                  to={sectionPath(context.partnershipId, "updates")}
                  search={{ [POST_PARAM]: meeting.discussionPostId }}
                  data-testid="meeting-discussion-link"
                >
                  {t("meetings.openDiscussion")}
                </Link>
              </dd>
            </div>
          ) : null}
          <div className="meeting-header__wide">
            <dt>{t("meetings.field.participants")}</dt>
            <dd>
              <MeetingParticipants
                participants={meeting.participants}
                facilitatorId={meeting.facilitator.id}
              />
            </dd>
          </div>
        </dl>
      )}
      <div className="meeting-header__actions">
        <Link
          to={workshopPath(context.partnershipId, meeting.id)}
          className={isWorkshop ? "button button--primary" : "button button--small"}
          data-testid="open-workshop"
        >
          {t("meetings.openWorkshop")}
        </Link>
        <a
          href={`/api/meetings/${encodeURIComponent(meeting.id)}/invite.ics`}
          download="invite.ics"
          className="button button--small"
          data-testid="download-ics"
        >
          {t("meetings.downloadIcs")}
        </a>
        {editable && !editing ? (
          <span className="item-tools">
            <button type="button" className="button button--small" onClick={() => setEditing(true)}>
              {t("meetings.editMeeting")}
            </button>
            <ConfirmButton
              label={t("meetings.delete")}
              confirmLabel={t("common.confirmDelete")}
              cancelLabel={t("common.cancel")}
              onConfirm={() => void remove.mutate()}
            />
          </span>
        ) : null}
      </div>
      <FormError error={remove.error} />
    </section>
  );
}

function Agenda({
  meeting,
  notes,
  editable,
  actions,
}: {
  meeting: MeetingView;
  notes: CollabSession["document"];
  editable: boolean;
  actions: MeetingActions;
}) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const agenda = orderedAgenda(meeting.agenda);
  const total = agenda.reduce((sum, item) => sum + item.timeboxMinutes, 0);
  const move = (itemId: string, step: -1 | 1) => {
    const position = movedPosition(meeting.agenda, itemId, step);
    return position === null ? undefined : () => actions.updateItem(itemId, { position });
  };

  return (
    <section className="agenda" aria-labelledby="agenda-title">
      <header className="agenda__header">
        <h3 id="agenda-title" className="agenda__title">
          {t("meetings.agenda.title")}
        </h3>
        <span className="muted" data-testid="agenda-total">
          {t("meetings.agenda.total", { minutes: total, duration: meeting.durationMinutes })}
        </span>
        {editable && !adding ? (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            {t("meetings.agenda.add")}
          </button>
        ) : null}
      </header>
      {adding ? (
        <div className="card">
          <AgendaItemForm
            initial={null}
            label={t("meetings.agenda.add")}
            submitLabel={t("common.add")}
            onSubmit={async (input: AgendaItemInput) => {
              await actions.addItem(input);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : null}
      {agenda.length === 0 ? (
        adding ? null : (
          <EmptyState
            title={t("meetings.agenda.empty")}
            text={editable ? t("meetings.agenda.emptyHint") : t("meetings.agenda.emptyReadOnly")}
            action={
              editable
                ? { label: t("meetings.agenda.addRow"), onClick: () => setAdding(true) }
                : null
            }
          />
        )
      ) : (
        <ol className="agenda__items">
          {agenda.map((item, index) => (
            <AgendaItem
              key={item.id}
              item={item}
              meetingStartsAt={meeting.startsAt}
              index={index}
              notes={notes}
              editable={editable}
              actions={{
                update: (changes) => actions.updateItem(item.id, changes),
                remove: () => actions.removeItem(item.id),
                signOff: () => actions.signOff(meeting, item),
                moveUp: move(item.id, -1),
                moveDown: move(item.id, 1),
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
