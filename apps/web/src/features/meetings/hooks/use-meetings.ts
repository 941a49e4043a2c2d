import type { MeetingListResponse } from "@entente/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import {
  meetingsApi,
  type MeetingInput,
  type AgendaItemInput,
  type RhythmInput,
} from "../api/meetings-api";
import { rhythmStore } from "../state/rhythm-store";
import { useMeetingEvents } from "./use-meeting-events";

function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));
}

/**
 * The meetings of a partnership and its governance rhythm, read again whenever a meeting
 * changes (the partnership's event stream) and after the user's own changes.
 */
export function useMeetings(partnershipId: string) {
  const [data, setData] = useState<MeetingListResponse | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  // The answer of an older request must not overwrite a newer one.
  const ticket = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++ticket.current;
    try {
      const next = await meetingsApi.list(partnershipId);
      if (mine !== ticket.current) return;
      setData(next);
      setLoadError(null);
      rhythmStore.publish(partnershipId, next.rhythm);
    } catch (caught) {
      if (mine === ticket.current) setLoadError(asApiError(caught));
    }
  }, [partnershipId]);

  useEffect(() => {
    void reload();
    return () => {
      ticket.current += 1;
    };
  }, [reload]);

  useMeetingEvents(partnershipId, {
    onChanged: () => void reload(),
    onReconnect: () => void reload(),
  });

  const create = useCallback(
    async (input: MeetingInput & { agenda: AgendaItemInput[] }) => {
      const { meeting } = await meetingsApi.create(partnershipId, input);
      void reload();
      return meeting;
    },
    [partnershipId, reload],
  );

  const setRhythm = useCallback(
    async (input: RhythmInput) => {
      const { rhythm } = await meetingsApi.setRhythm(partnershipId, input);
      setData((current) => (current ? { ...current, rhythm } : current));
      rhythmStore.publish(partnershipId, rhythm);
    },
    [partnershipId],
  );

  return { data, loadError, reload, create, setRhythm };
}
