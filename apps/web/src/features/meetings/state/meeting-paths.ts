import { sectionPath } from "../../partnerships";

/** The page of one meeting: its agenda and live notes. */
export function meetingPath(partnershipId: string, meetingId: string): string {
  return `${sectionPath(partnershipId, "meetings")}/${encodeURIComponent(meetingId)}`;
}

/** The meeting's workshop board (the workshop feature's page). */
export function workshopPath(partnershipId: string, meetingId: string): string {
  return `${meetingPath(partnershipId, meetingId)}/workshop`;
}
