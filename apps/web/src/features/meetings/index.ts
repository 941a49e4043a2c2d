/**
 * What the other features use of meetings (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { meetingsKeys, meetingsQueries } from "./api/meetings-queries";
export { MeetingOrigin } from "./components/meeting-origin";
export { MeetingsTabBadge } from "./components/meetings-tab-badge";
export { useMeetingEvents } from "./hooks/use-meeting-events";
export { useMeetingFormat } from "./hooks/use-meeting-format";
export { meetingPath } from "./state/meeting-paths";
