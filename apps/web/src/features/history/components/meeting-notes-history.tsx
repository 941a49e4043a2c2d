import { canAct, usePartnershipContext } from "../../partnerships";
import { useVersionHistory } from "../hooks/use-version-history";
import { HistoryPanel } from "./history-panel";

/** The history of a meeting's notes (every agenda item's), below its agenda. */
export function MeetingNotesHistory({ meetingId }: { meetingId: string }) {
  const context = usePartnershipContext();
  const history = useVersionHistory({ kind: "meeting", meetingId });
  return <HistoryPanel history={history} canWrite={canAct(context)} />;
}
