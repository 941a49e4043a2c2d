import type { MeetingListResponse, MeetingResponse, RhythmResponse } from "@entente/protocol";
import type {
  CreateAgendaItemBody,
  CreateMeetingBody,
  RequestBody,
  RhythmBody,
  UpdateAgendaItemBody,
  UpdateMeetingBody,
} from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

export type AgendaItemInput = RequestBody<typeof CreateAgendaItemBody>;

/** A new meeting (its agenda included); `startsAt` is an ISO date-time. */
export type MeetingInput = RequestBody<typeof CreateMeetingBody>;

export type RhythmInput = RequestBody<typeof RhythmBody>;

/** Meetings, their agenda and sign-offs, and the governance rhythm: what the server stamps. */
export const meetingsApi = {
  list: (partnershipId: string) =>
    api.get<MeetingListResponse>(`/api/partnerships/${segment(partnershipId)}/meetings`),

  create: (partnershipId: string, input: MeetingInput) =>
    api.post<MeetingResponse>(`/api/partnerships/${segment(partnershipId)}/meetings`, input),

  get: (meetingId: string) => api.get<MeetingResponse>(`/api/meetings/${segment(meetingId)}`),

  update: (meetingId: string, changes: RequestBody<typeof UpdateMeetingBody>) =>
    api.patch<MeetingResponse>(`/api/meetings/${segment(meetingId)}`, changes),

  remove: (meetingId: string) => api.delete<void>(`/api/meetings/${segment(meetingId)}`),

  addAgendaItem: (meetingId: string, input: AgendaItemInput) =>
    api.post<MeetingResponse>(`/api/meetings/${segment(meetingId)}/agenda-items`, input),

  updateAgendaItem: (itemId: string, changes: RequestBody<typeof UpdateAgendaItemBody>) =>
    api.patch<MeetingResponse>(`/api/agenda-items/${segment(itemId)}`, changes),

  removeAgendaItem: (itemId: string) =>
    api.delete<MeetingResponse>(`/api/agenda-items/${segment(itemId)}`),

  /**
   * Signs the item off for the caller's organization: its title, owner and notes and the
   * meeting's title and date, at `version` (a 409 if the item changed since).
   * `useMeeting` checks what the user sees against the server's item first.
   */
  signOff: (itemId: string, version: string) =>
    api.post<MeetingResponse>(`/api/agenda-items/${segment(itemId)}/sign-off`, { version }),

  rhythm: (partnershipId: string) =>
    api.get<RhythmResponse>(`/api/partnerships/${segment(partnershipId)}/rhythm`),

  setRhythm: (partnershipId: string, input: RhythmInput) =>
    api.put<RhythmResponse>(`/api/partnerships/${segment(partnershipId)}/rhythm`, input),
};
