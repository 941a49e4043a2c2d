import { formatDocumentName } from "@entente/domain";
import type { MeetingView, WorkshopView } from "@entente/protocol";
import { useMemo, useState, type SyntheticEvent } from "react";
import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { errorMessage } from "../../../ui/error-message";
import { PageStatus } from "../../../ui/page-status";
import { type CollabSession, useLiveDocuments } from "../../collab";
import { meetingPath, meetingsQueries } from "../../meetings";
import { ReadOnlyBadge, canAct, usePartnershipContext, sectionPath } from "../../partnerships";
import { useFollow } from "../hooks/use-follow";
import { useWorkshop, type WorkshopActions } from "../hooks/use-workshop";
import { useLookers, usePublishView, useWorkshopPeople } from "../hooks/use-workshop-presence";
import { facilitatorView, lookView } from "../state/presence";
import { ColumnEditor } from "./column-editor";
import type { BoardPermissions } from "./note-bits";
import { PhaseBanner } from "./phase-banner";
import { VotePanel } from "./vote-panel";
import { VoteResults } from "./vote-results";
import { WorkshopBoard } from "./workshop-board";
import { WorkshopHost } from "./workshop-host";
import { WorkshopPresence } from "./workshop-presence";
import { WorkshopTimer } from "./workshop-timer";
import "../workshop.css";
import { useWorkshopAnnouncements } from "../hooks/use-workshop-announcements";
import { useQuery } from "@tanstack/react-query";

/**
 * A meeting's live workshop (`/p/:id/meetings/:meetingId/workshop`): the board, the shared
 * timer, the private brainstorm and the dot vote come from the server (each member's own
 * projection, refetched on `workshop.changed`); presence and "follow the facilitator" ride
 * on the awareness of the meeting's document.
 */
export function WorkshopPage({ meetingId }: { meetingId: string }) {
  const t = useT();
  const { partnershipId } = usePartnershipContext();
  const { state, actions, stream, reload } = useWorkshop(partnershipId, meetingId);
  const meetingView = useQuery(meetingsQueries.meeting(meetingId)).data?.meeting ?? null;
  const [session] = useLiveDocuments([
    formatDocumentName({ kind: "meeting", partnershipId, meetingId }),
  ]);

  switch (state.status) {
    case "loading":
      return <PageStatus>{t("workshop.loading")}</PageStatus>;
    case "error":
      return (
        <PageStatus role="alert">
          <p>
            {state.error.status === 404 ? t("workshop.notFound") : errorMessage(t, state.error)}
          </p>
          {state.error.status === 404 ? (
            <Link to={sectionPath(partnershipId, "meetings")}>{t("sections.meetings")}</Link>
          ) : (
            <button type="button" className="button" onClick={reload}>
              {t("common.retry")}
            </button>
          )}
        </PageStatus>
      );
    case "ready":
      return (
        <WorkshopRoom
          meetingId={meetingId}
          meeting={meetingView}
          workshop={state.workshop}
          offsetMs={state.offsetMs}
          actions={actions}
          live={stream === "open"}
          session={session ?? null}
        />
      );
  }
}

export default WorkshopPage;

function WorkshopRoom({
  meetingId,
  meeting,
  workshop,
  offsetMs,
  actions,
  live,
  session,
}: {
  meetingId: string;
  /** The meeting once loaded: its title, who runs it and when. */
  meeting: MeetingView | null;
  workshop: WorkshopView;
  offsetMs: number;
  actions: WorkshopActions;
  /** The event stream that announces changes is open. */
  live: boolean;
  session: CollabSession | null;
}) {
  const t = useT();
  const context = usePartnershipContext();
  const { partnershipId, me } = context;
  const writer = canAct(context);
  const isFacilitator = workshop.facilitatorId === me.userId;
  useWorkshopAnnouncements(workshop.phase, isFacilitator);
  const perms = useMemo<BoardPermissions>(
    () => ({ userId: me.userId, canAct: writer, isFacilitator: isFacilitator && writer }),
    [me.userId, writer, isFacilitator],
  );

  const awareness = session?.document?.awareness ?? null;
  const people = useWorkshopPeople(awareness);
  const lookers = useLookers(people);
  const publish = usePublishView(awareness, perms.isFacilitator);
  const [followChoice, setFollowChoice] = useState<boolean | null>(null);
  const follow = !perms.isFacilitator && (followChoice ?? true);
  useFollow(facilitatorView(people, workshop.facilitatorId), follow);

  // Where the user looks: the note, cluster or column they last clicked or tabbed into,
  // unless that would point at a note still hidden (see `lookView`).
  const look = (event: SyntheticEvent) => {
    const { target } = event;
    if (!(target instanceof Element)) return;
    const area = target.closest("[data-workshop-area]")?.getAttribute("data-workshop-area");
    const view = lookView(
      {
        area: area === "results" ? "results" : "board",
        focusId: target.closest("[data-focus-id]")?.getAttribute("data-focus-id") ?? null,
        composing: target.closest("[data-note-composer]") !== null,
      },
      workshop,
    );
    publish(view);
  };

  return (
    <section
      className="section workshop"
      aria-labelledby="workshop-title"
      data-testid="workshop"
      data-phase={workshop.phase}
      data-facilitator={perms.isFacilitator ? "true" : undefined}
      data-live={live ? "true" : "false"}
    >
      <header className="section-header">
        <div className="section-header__text">
          <p className="workshop__back">
            <Link to={meetingPath(partnershipId, meetingId)}>
              ← {meeting?.title ?? t("workshop.backToMeeting")}
            </Link>
          </p>
          <h2 id="workshop-title" className="section-header__title">
            {t("workshop.title")}
          </h2>
          <p className="section-header__subtitle">
            {perms.isFacilitator ? t("workshop.subtitleFacilitator") : t("workshop.subtitle")}
          </p>
          {meeting ? <WorkshopHost meeting={meeting} now={Date.parse(workshop.serverNow)} /> : null}
        </div>
        <div className="section-header__side">
          {writer ? null : <ReadOnlyBadge reason={t("readOnly.permission")} />}
        </div>
      </header>
      {/* The meeting was deleted while the board was open: its document's socket got 4404. */}
      {session?.deniedReason === "deleted" ? (
        <div className="notice notice--warning" role="alert" data-testid="meeting-deleted">
          {t("meetings.deleted")}
        </div>
      ) : null}

      <div className="workshop__layout">
        <div className="workshop__main" onFocusCapture={look} onPointerDownCapture={look}>
          <div className="workshop__panels">
            <WorkshopTimer
              timer={workshop.timer}
              offsetMs={offsetMs}
              isFacilitator={perms.isFacilitator}
              onCommand={actions.timer}
            />
            <VotePanel
              vote={workshop.vote}
              isFacilitator={perms.isFacilitator}
              canAct={writer}
              onCommand={actions.vote}
            />
          </div>
          <PhaseBanner
            workshop={workshop}
            isFacilitator={perms.isFacilitator}
            canAct={writer}
            onPhase={actions.setPhase}
          />
          {perms.isFacilitator ? (
            <ColumnEditor
              columns={workshop.columns}
              suggest={
                workshop.columns.length <= 1 &&
                workshop.notes.length === 0 &&
                workshop.hidden.length === 0
              }
              onSave={actions.setColumns}
            />
          ) : null}
          <VoteResults workshop={workshop} perms={perms} actions={actions} />
          <WorkshopBoard workshop={workshop} perms={perms} lookers={lookers} actions={actions} />
        </div>
        <div className="workshop__aside">
          <WorkshopPresence
            people={people}
            workshop={workshop}
            follow={follow}
            onFollowChange={setFollowChoice}
            showFollow={!perms.isFacilitator}
          />
        </div>
      </div>
    </section>
  );
}
