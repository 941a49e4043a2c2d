import type { AgendaItemView, MeetingView } from "@entente/protocol";
import { ApiError } from "../../../lib/api-client";
import { useCallback, useEffect, useMemo } from "react";
import type { CollabDocument } from "../../collab";
import { meetingsApi, type AgendaItemInput, type MeetingInput } from "../api/meetings-api";
import { rhythmStore } from "../state/rhythm-store";
import { useMeetingEvents } from "./use-meeting-events";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { meetingsKeys, meetingsQueries } from "../api/meetings-queries";

/**
 * Sign-offs are compared with the notes on the server, and a sign-off binds to the item's
 * version (notes included): read again this long after the last keystroke.
 */
const NOTES_SETTLE_MS = 1_200;

/**
 * The version a sign-off of `item` binds to, as the user sees it: its title, owner and the
 * meeting's title and date as shown, and the live notes (the server's, read now: they are
 * what the editor shows, whereas the shown view may be a keystroke behind). Anything shown
 * that changed meanwhile is a conflict: the user reviews it again.
 */
async function signedVersion(shown: MeetingView, item: AgendaItemView): Promise<string> {
  const { meeting: fresh } = await meetingsApi.get(shown.id);
  const now = fresh.agenda.find((candidate) => candidate.id === item.id);
  const unchanged =
    now !== undefined &&
    now.title === item.title &&
    now.ownerOrganizationId === item.ownerOrganizationId &&
    fresh.title === shown.title &&
    fresh.startsAt === shown.startsAt;
  if (!unchanged) throw new ApiError(409, "conflict", "The agenda item changed meanwhile");
  return now.version;
}

/**
 * One meeting as the server stamps it (agenda, participants, sign-offs), read again on its
 * `meeting.changed` events, after the user's own changes, and shortly after its live notes
 * changed (the server decides whether they changed since a sign-off, and gives the version
 * a new sign-off binds to).
 */
export function useMeeting(partnershipId: string, meetingId: string, notes: CollabDocument | null) {
  const query = useQuery(meetingsQueries.meeting(meetingId));
  const queryClient = useQueryClient();
  const data = query.data ?? null;
  const error = query.error;
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: meetingsKeys.meeting(meetingId) }),
    [queryClient, meetingId],
  );
  const meeting = data?.meeting ?? null;

  useMeetingEvents(partnershipId, {
    onChanged: (changed) => {
      if (changed !== meetingId) return;
      void refresh();
      rhythmStore.requestRefresh(partnershipId);
    },
    onReconnect: () => void refresh(),
  });

  useEffect(() => {
    if (!notes) return;
    let timer: number | undefined;
    const onUpdate = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refresh(), NOTES_SETTLE_MS);
    };
    notes.ydoc.on("update", onUpdate);
    return () => {
      window.clearTimeout(timer);
      notes.ydoc.off("update", onUpdate);
    };
  }, [notes, refresh]);

  const after = useCallback(
    async (write: Promise<unknown>) => {
      await write;
      await refresh();
      rhythmStore.requestRefresh(partnershipId);
    },
    [refresh, partnershipId],
  );

  const actions = useMemo(
    () => ({
      update: (changes: Partial<MeetingInput>) => after(meetingsApi.update(meetingId, changes)),
      remove: async () => {
        await meetingsApi.remove(meetingId);
        rhythmStore.requestRefresh(partnershipId);
      },
      addItem: (input: AgendaItemInput) => after(meetingsApi.addAgendaItem(meetingId, input)),
      updateItem: (itemId: string, changes: Partial<AgendaItemInput> & { position?: number }) =>
        after(meetingsApi.updateAgendaItem(itemId, changes)),
      removeItem: (itemId: string) => after(meetingsApi.removeAgendaItem(itemId)),
      signOff: async (shown: MeetingView, item: AgendaItemView) => {
        try {
          await after(meetingsApi.signOff(item.id, await signedVersion(shown, item)));
        } catch (caught) {
          await refresh();
          throw caught;
        }
      },
    }),
    [after, meetingId, partnershipId],
  );

  return { meeting, error, refresh, actions };
}
