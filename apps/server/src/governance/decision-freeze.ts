import { parseDocumentName } from "@entente/domain";
import {
  DECISION_CONTENT_FIELDS,
  DECISIONS_ROOT,
  restoreDecisionContent,
  sameDecisionContent,
} from "@entente/schema";
import type {
  AppliedChange,
  DocumentObserver,
  ObserverContext,
} from "../sync/document-observers.js";
import type { DecisionAgreement, DecisionAgreements } from "./decision-agreements.js";
import { contentOfJson } from "./decision-content.js";
import { SERVER_STAMP } from "./governance-service.js";

/** Told when the freeze could not put decided content back (logged by the caller). */
export type FreezeFailure = (error: unknown, documentName: string) => void;

/**
 * Keeps decided decisions as decided. Any change to a decided decision's content (every
 * field but its status), or its deletion, whoever made it and however late it arrives (a
 * copy kept offline), is answered with a server change that puts the decided content back,
 * on the same socket (nothing is closed and nothing else of the sender's work is undone):
 * every client converges to what was decided. The status stays writable.
 */
export class DecisionFreeze implements DocumentObserver {
  constructor(
    private readonly agreements: DecisionAgreements,
    private readonly onFailure: FreezeFailure = () => {},
  ) {}

  async afterApplied(change: AppliedChange, context: ObserverContext): Promise<void> {
    const ref = parseDocumentName(change.documentName);
    if (ref?.kind !== "decisions") return;
    const touched = change.changes.filter(
      (entry) =>
        entry.collection.length === 1 &&
        entry.collection[0] === DECISIONS_ROOT &&
        (entry.kind !== "updated" || entry.fields.some(isContentField)),
    );
    if (touched.length === 0) return;
    const agreements = await this.agreements.forPartnership(ref.partnershipId);
    const restores: { agreement: DecisionAgreement; rest: Record<string, unknown> }[] = [];
    for (const entry of touched) {
      const agreement = agreements.get(entry.entryId);
      if (!agreement) continue;
      if (entry.after && sameDecisionContent(contentOfJson(entry.after), agreement.content)) {
        continue;
      }
      // A deleted entry comes back with what it had beside its content (status, stamp).
      restores.push({ agreement, rest: { status: agreement.outcome, ...(entry.before ?? {}) } });
    }
    if (restores.length === 0) return;
    // Not awaited: the change is queued behind the one being told about (same room queue).
    context
      .applyServerChange(SERVER_STAMP, (doc) => {
        for (const { agreement, rest } of restores) {
          restoreDecisionContent(doc, agreement.decisionId, agreement.content, rest);
        }
      })
      .catch((error: unknown) => this.onFailure(error, change.documentName));
  }
}

function isContentField(field: string): boolean {
  return (DECISION_CONTENT_FIELDS as readonly string[]).includes(field);
}
