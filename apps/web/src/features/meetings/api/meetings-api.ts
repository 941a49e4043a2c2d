import type { RouteBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

export type AgendaItemInput = RouteBody<"POST /api/meetings/:meetingId/agenda-items">;

/** A new meeting (its agenda included); `startsAt` is an ISO date-time. */
export type MeetingInput = RouteBody<"POST /api/partnerships/:id/meetings">;

export type RhythmInput = RouteBody<"PUT /api/partnerships/:id/rhythm">;

/** Meetings, their agenda and sign-offs, and the governance rhythm: what the server stamps. */
export const meetingsApi = {
  list: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/meetings", { id: partnershipId }),

  create: (partnershipId: string, input: MeetingInput) =>
    api.call("POST /api/partnerships/:id/meetings", { id: partnershipId }, input),

  get: (meetingId: string) => api.call("GET /api/meetings/:meetingId", { meetingId }),

  update: (meetingId: string, changes: RouteBody<"PATCH /api/meetings/:meetingId">) =>
    api.call("PATCH /api/meetings/:meetingId", { meetingId }, changes),

  remove: (meetingId: string) => api.call("DELETE /api/meetings/:meetingId", { meetingId }),

  addAgendaItem: (meetingId: string, input: AgendaItemInput) =>
    api.call("POST /api/meetings/:meetingId/agenda-items", { meetingId }, input),

  updateAgendaItem: (itemId: string, changes: RouteBody<"PATCH /api/agenda-items/:itemId">) =>
    api.call("PATCH /api/agenda-items/:itemId", { itemId }, changes),

  removeAgendaItem: (itemId: string) => api.call("DELETE /api/agenda-items/:itemId", { itemId }),

  /**
   * Signs the item off for the caller's organization: its title, owner and notes and the
   * meeting's title and date, at `version` (a 409 if the item changed since).
   * `useMeeting` checks what the user sees against the server's item first.
   */
  signOff: (itemId: string, version: string) =>
    api.call("POST /api/agenda-items/:itemId/sign-off", { itemId }, { version }),

  rhythm: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/rhythm", { id: partnershipId }),

  setRhythm: (partnershipId: string, input: RhythmInput) =>
    api.call("PUT /api/partnerships/:id/rhythm", { id: partnershipId }, input),
};
