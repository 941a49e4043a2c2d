import { NOTIFICATION_KINDS } from "../vocabulary.js";
import { z } from "zod";
import { CursorParam, LimitParam } from "./fields.js";
import { Id } from "./fields.js";

export const NotificationParams = z.object({ notificationId: Id });

/** One kind or several (`?kind=mention&kind=reply`), each named once. */
const Kinds = z
  .array(z.enum(NOTIFICATION_KINDS))
  .min(1)
  .max(NOTIFICATION_KINDS.length)
  .transform((kinds) => [...new Set(kinds)]);

/**
 * Which of the caller's notifications: those of one partnership, those of some kinds, or
 * both; absent, all of them. A partnership the caller is not in simply matches nothing.
 */
export const NotificationFilterFields = z.object({
  partnershipId: Id.optional(),
  kind: Kinds.optional(),
});

export const ListNotificationsQuery = NotificationFilterFields.extend({
  before: CursorParam.optional(),
  limit: LimitParam,
});

/** `POST /api/notifications/read-all`: no body (or `{}`) marks every notification read. */
export const ReadAllBody = NotificationFilterFields;
