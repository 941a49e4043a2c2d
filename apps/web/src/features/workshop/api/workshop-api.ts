import type {
  NoteConversionKind,
  TimerCommand,
  VoteCommand,
  WorkshopPhase,
  WorkshopResponse,
} from "@entente/protocol";
import type {
  ColumnsBody,
  ConvertBody,
  CreateGroupBody,
  CreateNoteBody,
  MyVotesBody,
  PhaseBody,
  RequestBody,
  TimerBody,
  UpdateGroupBody,
  UpdateNoteBody,
  VoteBody,
} from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const segment = encodeURIComponent;

/** What a note or a cluster becomes; the title defaults to the note's text or cluster's title. */
export type ConvertInput = RequestBody<typeof ConvertBody>;

export interface ConvertResponse extends WorkshopResponse {
  item: { kind: NoteConversionKind; id: string };
}

export type NotePatch = RequestBody<typeof UpdateNoteBody>;

const workshopPath = (meetingId: string) => `/api/meetings/${segment(meetingId)}/workshop`;

/** The workshop endpoints (docs/API.md, "Workshops"); every mutation answers the caller's new projection. */
export const workshopApi = {
  get: (meetingId: string) => api.get<WorkshopResponse>(workshopPath(meetingId)),

  setColumns: (meetingId: string, columns: RequestBody<typeof ColumnsBody>["columns"]) =>
    api.put<WorkshopResponse>(`${workshopPath(meetingId)}/columns`, {
      columns,
    } satisfies RequestBody<typeof ColumnsBody>),

  setPhase: (meetingId: string, phase: WorkshopPhase) =>
    api.put<WorkshopResponse>(`${workshopPath(meetingId)}/phase`, {
      phase,
    } satisfies RequestBody<typeof PhaseBody>),

  timer: (meetingId: string, command: TimerCommand) =>
    api.post<WorkshopResponse>(
      `${workshopPath(meetingId)}/timer`,
      command satisfies RequestBody<typeof TimerBody>,
    ),

  vote: (meetingId: string, command: VoteCommand) =>
    api.post<WorkshopResponse>(
      `${workshopPath(meetingId)}/vote`,
      command satisfies RequestBody<typeof VoteBody>,
    ),

  setMyVotes: (meetingId: string, votes: Record<string, number>) =>
    api.put<WorkshopResponse>(`${workshopPath(meetingId)}/my-votes`, {
      votes,
    } satisfies RequestBody<typeof MyVotesBody>),

  addNote: (meetingId: string, text: string, columnId: string) =>
    api.post<WorkshopResponse>(`${workshopPath(meetingId)}/notes`, {
      text,
      columnId,
    } satisfies RequestBody<typeof CreateNoteBody>),

  updateNote: (noteId: string, patch: NotePatch) =>
    api.patch<WorkshopResponse>(`/api/workshop-notes/${segment(noteId)}`, patch),

  deleteNote: (noteId: string) =>
    api.delete<WorkshopResponse | undefined>(`/api/workshop-notes/${segment(noteId)}`),

  addGroup: (meetingId: string, title: string, noteIds: string[]) =>
    api.post<WorkshopResponse>(`${workshopPath(meetingId)}/groups`, {
      title,
      noteIds,
    } satisfies RequestBody<typeof CreateGroupBody>),

  renameGroup: (groupId: string, title: string) =>
    api.patch<WorkshopResponse>(`/api/workshop-groups/${segment(groupId)}`, {
      title,
    } satisfies RequestBody<typeof UpdateGroupBody>),

  deleteGroup: (groupId: string) =>
    api.delete<WorkshopResponse | undefined>(`/api/workshop-groups/${segment(groupId)}`),

  convert: (target: { kind: "note" | "group"; id: string }, input: ConvertInput) =>
    api.post<ConvertResponse>(
      target.kind === "note"
        ? `/api/workshop-notes/${segment(target.id)}/convert`
        : `/api/workshop-groups/${segment(target.id)}/convert`,
      input,
    ),
};
