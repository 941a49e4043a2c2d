import type { SearchKind } from "@entente/protocol";
import type { MessageKey } from "../../../i18n";

/** The name of each kind of `GET /api/search` result; a kind a newer server adds shows as "other". */
const KIND_LABELS = {
  charter: "search.kind.charter",
  objective: "search.kind.objective",
  action: "search.kind.action",
  kpi: "search.kind.kpi",
  issue: "search.kind.issue",
  decision: "search.kind.decision",
  contribution: "search.kind.contribution",
  constraint: "search.kind.constraint",
  ambition: "search.kind.ambition",
  "private-note": "search.kind.privateNote",
  post: "search.kind.post",
  reply: "search.kind.reply",
  comment: "search.kind.comment",
  meeting: "search.kind.meeting",
  "meeting-notes": "search.kind.meetingNotes",
  "workshop-note": "search.kind.workshopNote",
  organization: "search.kind.organization",
  person: "search.kind.person",
} as const satisfies Record<SearchKind, MessageKey>;

type KindLabel = (typeof KIND_LABELS)[keyof typeof KIND_LABELS] | "search.kind.other";

/** The message naming a group of results of `kind`. */
export function kindLabel(kind: string): KindLabel {
  return Object.hasOwn(KIND_LABELS, kind)
    ? KIND_LABELS[kind as keyof typeof KIND_LABELS]
    : "search.kind.other";
}
