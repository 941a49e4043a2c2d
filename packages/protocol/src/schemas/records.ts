import { z } from "zod";
import { Id } from "./fields.js";

export const HistoryParams = z.strictObject({
  id: Id,
  documentKind: z.enum(["objectives", "issues", "decisions", "profile"]),
  entryId: Id,
});

/** A profile's entries need the profile's organization; other documents take nothing. */
export const HistoryQuery = z.strictObject({ organizationId: Id.optional() });

export const TrashParams = z.strictObject({ id: Id, trashId: Id });
