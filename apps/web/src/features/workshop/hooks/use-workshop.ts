import type { TimerCommand, VoteCommand, WorkshopResponse, WorkshopView } from "@entente/protocol";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../../../lib/api-client";
import type { StreamState } from "../../../lib/event-streams";
import { usePartnershipEvents } from "../../partnerships";
import { workshopApi, type ConvertInput, type NotePatch } from "../api/workshop-api";
import { shareUnchanged } from "../state/board";
import { clockOffset } from "../state/countdown";

export type WorkshopState =
  | { status: "loading" }
  | { status: "error"; error: ApiError }
  | { status: "ready"; workshop: WorkshopView; offsetMs: number };

/** Every change a member can ask for; each resolves once the new projection is shown. */
export interface WorkshopActions {
  setColumns: (columns: { id?: string; title: string }[]) => Promise<void>;
  setPhase: (phase: WorkshopView["phase"]) => Promise<void>;
  timer: (command: TimerCommand) => Promise<void>;
  vote: (command: VoteCommand) => Promise<void>;
  setMyVotes: (votes: Record<string, number>) => Promise<void>;
  addNote: (text: string, columnId: string) => Promise<void>;
  updateNote: (noteId: string, patch: NotePatch) => Promise<void>;
  deleteNote: (noteId: string) => Promise<void>;
  addGroup: (title: string, noteIds: string[]) => Promise<void>;
  renameGroup: (groupId: string, title: string) => Promise<void>;
  deleteGroup: (groupId: string) => Promise<void>;
  convert: (target: { kind: "note" | "group"; id: string }, input: ConvertInput) => Promise<void>;
}

const WORKSHOP_EVENT_TYPES = ["workshop.changed"] as const;

/** Bursts of `workshop.changed` (a facilitator clicking fast, 60 people voting) become one fetch. */
const COALESCE_MS = 80;

function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, "internal", String(caught));
}

/**
 * The caller's projection of a meeting's workshop, live: fetched once, then again whenever
 * the partnership's event stream says this workshop changed (never polled), and after a
 * break in the stream. Every answer, fetched or returned by a mutation, also measures how
 * far the server's clock is from this one, for the shared countdown. Answers to requests
 * started before the one last shown are dropped, so an old projection never overwrites a
 * newer one.
 */
export function useWorkshop(
  partnershipId: string,
  meetingId: string,
): { state: WorkshopState; actions: WorkshopActions; stream: StreamState; reload: () => void } {
  const [state, setState] = useState<WorkshopState>({ status: "loading" });
  const started = useRef(0);
  const shown = useRef(0);
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const mounted = useRef(true);

  /** Runs a request that answers a projection, and shows it unless something newer is shown. */
  const track = useCallback(async (request: () => Promise<WorkshopResponse | undefined>) => {
    const ticket = ++started.current;
    const sentAt = Date.now();
    const answer = await request();
    const receivedAt = Date.now();
    if (!mounted.current || ticket < shown.current || answer === undefined) return answer;
    shown.current = ticket;
    const offsetMs = clockOffset(answer.workshop.serverNow, sentAt, receivedAt);
    setState((current) => ({
      status: "ready",
      workshop: shareUnchanged(
        current.status === "ready" ? current.workshop : null,
        answer.workshop,
      ),
      offsetMs,
    }));
    return answer;
  }, []);

  const fetchNow = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      await track(() => workshopApi.get(meetingId));
    } catch (caught) {
      const error = asApiError(caught);
      // A failed refresh keeps the board on screen; only a first load shows the error.
      if (mounted.current) setState((s) => (s.status === "ready" ? s : { status: "error", error }));
    } finally {
      inFlight.current = false;
      if (again.current && mounted.current) {
        again.current = false;
        void fetchNow();
      }
    }
  }, [meetingId, track]);

  const schedule = useCallback(() => {
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void fetchNow();
    }, COALESCE_MS);
  }, [fetchNow]);

  useEffect(() => {
    mounted.current = true;
    setState({ status: "loading" });
    void fetchNow();
    return () => {
      mounted.current = false;
      window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [fetchNow]);

  const stream = usePartnershipEvents(partnershipId, WORKSHOP_EVENT_TYPES, {
    onEvent: (event) => {
      if (event.meetingId === meetingId) schedule();
    },
    // At every opening, the first one too: what changed between the first fetch and the
    // stream's opening (or during a break) was announced to nobody.
    onOpen: schedule,
  });

  const actions = useMemo<WorkshopActions>(() => {
    const run = async (request: () => Promise<WorkshopResponse | undefined>) => {
      const answer = await track(request);
      // A 204 answers no projection: read it.
      if (answer === undefined) await fetchNow();
    };
    return {
      setColumns: (columns) => run(() => workshopApi.setColumns(meetingId, columns)),
      setPhase: (phase) => run(() => workshopApi.setPhase(meetingId, phase)),
      timer: (command) => run(() => workshopApi.timer(meetingId, command)),
      vote: (command) => run(() => workshopApi.vote(meetingId, command)),
      setMyVotes: (votes) => run(() => workshopApi.setMyVotes(meetingId, votes)),
      addNote: (text, columnId) => run(() => workshopApi.addNote(meetingId, text, columnId)),
      updateNote: (noteId, patch) => run(() => workshopApi.updateNote(noteId, patch)),
      deleteNote: (noteId) => run(() => workshopApi.deleteNote(noteId)),
      addGroup: (title, noteIds) => run(() => workshopApi.addGroup(meetingId, title, noteIds)),
      renameGroup: (groupId, title) => run(() => workshopApi.renameGroup(groupId, title)),
      deleteGroup: (groupId) => run(() => workshopApi.deleteGroup(groupId)),
      convert: (target, input) => run(() => workshopApi.convert(target, input)),
    };
  }, [meetingId, track, fetchNow]);

  const reload = useCallback(() => {
    setState({ status: "loading" });
    void fetchNow();
  }, [fetchNow]);

  return { state, actions, stream, reload };
}
