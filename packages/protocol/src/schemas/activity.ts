import { z } from "zod";
import { Id } from "./fields.js";

/** `GET /api/partnerships/:id/activity?organizationId=…&before=…&limit=…`. */
export const ActivityQuery = z.strictObject({
  organizationId: Id.optional(),
  /** A `nextCursor`: milliseconds since the epoch. */
  before: z
    .string()
    .regex(/^\d{1,15}$/, "not a cursor from this API")
    .transform(Number)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
