import type { GovernanceLevel } from "@entente/domain";
import type {
  MeetingKind,
  MeetingListResponse,
  MeetingResponse,
  RhythmResponse,
} from "@entente/protocol";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

export interface AgendaItemInput {
  title: string;
  ownerOrganizationId: string;
  timeboxMinutes: number;
}

export interface MeetingInput {
  title: string;
  kind: MeetingKind;
  level: GovernanceLevel;
  /** ISO date-time. */
  startsAt: string;
  durationMinutes: number;
  facilitatorId?: string;
  participantIds?: string[];
  /** IANA zone the meeting is planned in. */
  timeZone?: string;
  place?: string;
  /** An https link; null for none. */
  videoUrl?: string | null;
}

export interface RhythmInput {
  levels: { level: GovernanceLevel; intervalDays: number | null }[];
}

/** Meetings, their agenda and sign-offs, and the governance rhythm: what the server stamps. */
export const meetingsApi = {
  list: (partnershipId: string) =>
    api.get<MeetingListResponse>(`/api/partnerships/${segment(partnershipId)}/meetings`),

  create: (partnershipId: string, input: MeetingInput & { agenda?: AgendaItemInput[] }) =>
    api.post<MeetingResponse>(`/api/partnerships/${segment(partnershipId)}/meetings`, input),

  get: (meetingId: string) => api.get<MeetingResponse>(`/api/meetings/${segment(meetingId)}`),

  update: (meetingId: string, changes: Partial<MeetingInput>) =>
    api.patch<MeetingResponse>(`/api/meetings/${segment(meetingId)}`, changes),

  remove: (meetingId: string) => api.delete<void>(`/api/meetings/${segment(meetingId)}`),

  addAgendaItem: (meetingId: string, input: AgendaItemInput) =>
    api.post<MeetingResponse>(`/api/meetings/${segment(meetingId)}/agenda-items`, input),

  updateAgendaItem: (itemId: string, changes: Partial<AgendaItemInput> & { position?: number }) =>
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
