export type {
  CastVoteResponse,
  CharterEndorsementView,
  CharterStatus,
  CharterStatusEndorsement,
  CharterStatusResponse,
  DecisionOutcome,
  DecisionVotesResponse,
  DecisionVotesView,
  DecisionVoteValue,
  DecisionVoteView,
  DocumentEntry,
  EndorseCharterResponse,
  InvitationKind,
  InvitationPreview,
  InvitationView,
  MeResponse,
  MyOrganization,
  MyPartnership,
  OrganizationView,
  PartnershipMemberView,
  PartnershipResponse,
  PartnershipView,
  UserView,
} from "./api.js";
export { CloseCode, CloseReason, TERMINAL_CLOSE_CODES } from "./close-codes.js";
export { ErrorCode, type ErrorBody } from "./http-errors.js";
export { MessageType, SESSION_COOKIE, SYNC_PATH } from "./sync.js";
