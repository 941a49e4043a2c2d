import type { TimerCommand, VoteCommand, WorkshopPhase } from "@entente/protocol";
import type { RouteBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

/** What a note or a cluster becomes; the title defaults to the note's text or cluster's title. */
export type ConvertInput = RouteBody<"POST /api/workshop-notes/:noteId/convert">;

export type NotePatch = RouteBody<"PATCH /api/workshop-notes/:noteId">;

/** The workshop endpoints (docs/API.md, "Workshops"); every mutation answers the caller's new projection. */
export const workshopApi = {
  get: (meetingId: string) => api.call("GET /api/meetings/:meetingId/workshop", { meetingId }),

  setColumns: (
    meetingId: string,
    columns: RouteBody<"PUT /api/meetings/:meetingId/workshop/columns">["columns"],
  ) => api.call("PUT /api/meetings/:meetingId/workshop/columns", { meetingId }, { columns }),

  setPhase: (meetingId: string, phase: WorkshopPhase) =>
    api.call("PUT /api/meetings/:meetingId/workshop/phase", { meetingId }, { phase }),

  timer: (meetingId: string, command: TimerCommand) =>
    api.call("POST /api/meetings/:meetingId/workshop/timer", { meetingId }, command),

  vote: (meetingId: string, command: VoteCommand) =>
    api.call("POST /api/meetings/:meetingId/workshop/vote", { meetingId }, command),

  setMyVotes: (meetingId: string, votes: Record<string, number>) =>
    api.call("PUT /api/meetings/:meetingId/workshop/my-votes", { meetingId }, { votes }),

  addNote: (meetingId: string, text: string, columnId: string) =>
    api.call("POST /api/meetings/:meetingId/workshop/notes", { meetingId }, { text, columnId }),

  updateNote: (noteId: string, patch: NotePatch) =>
    api.call("PATCH /api/workshop-notes/:noteId", { noteId }, patch),

  deleteNote: (noteId: string) => api.call("DELETE /api/workshop-notes/:noteId", { noteId }),

  addGroup: (meetingId: string, title: string, noteIds: string[]) =>
    api.call("POST /api/meetings/:meetingId/workshop/groups", { meetingId }, { title, noteIds }),

  renameGroup: (groupId: string, title: string) =>
    api.call("PATCH /api/workshop-groups/:groupId", { groupId }, { title }),

  deleteGroup: (groupId: string) => api.call("DELETE /api/workshop-groups/:groupId", { groupId }),

  convert: (target: { kind: "note" | "group"; id: string }, input: ConvertInput) =>
    target.kind === "note"
      ? api.call("POST /api/workshop-notes/:noteId/convert", { noteId: target.id }, input)
      : api.call("POST /api/workshop-groups/:groupId/convert", { groupId: target.id }, input),
};
