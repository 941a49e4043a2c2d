import { z } from "zod";
import { CursorParam, LimitParam } from "../../feed/cursor.js";
import { Id } from "../partnerships/schema.js";

export const NotificationParams = z.object({ notificationId: Id });

export const ListNotificationsQuery = z.object({
  before: CursorParam.optional(),
  limit: LimitParam,
});
