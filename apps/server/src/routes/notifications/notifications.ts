import type {
  NotificationListResponse,
  UnreadCountResponse,
  UserFeedEvent,
} from "@entente/protocol";
import { Hono } from "hono";
import { eventStream, sessionAlive } from "../../live-events/event-stream.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { ListNotificationsQuery, NotificationParams, ReadAllBody } from "@entente/protocol/schemas";

/** The signed-in user's in-app notifications under `/api/notifications`, and their live stream. */
export function notificationRoutes(services: Services): Hono<AppEnv> {
  const { notifications } = services;

  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const { user } = requireAuth(c);
      // `kind` may be repeated: read as a list, absent when not given.
      const { kind, ...query } = parseOrThrow(ListNotificationsQuery, {
        ...c.req.query(),
        kind: c.req.queries("kind"),
      });
      const body: NotificationListResponse = await notifications.list(user.id, {
        ...query,
        filter: { partnershipId: query.partnershipId, kinds: kind },
      });
      return c.json(body);
    })
    .get("/events", (c) => {
      const { user, session } = requireAuth(c);
      return eventStream<UserFeedEvent>(c, {
        subscribe: (send) => services.feedEvents.subscribe({ kind: "user", userId: user.id }, send),
        stillAllowed: () => sessionAlive(services.sessions, session),
        cap: { streams: services.eventStreams, userId: user.id },
      });
    })
    .post("/read-all", async (c) => {
      const { user } = requireAuth(c);
      const { partnershipId, kind } = await readJson(c, ReadAllBody);
      const body: UnreadCountResponse = {
        unread: await notifications.markAllRead(user.id, { partnershipId, kinds: kind }),
      };
      return c.json(body);
    })
    .post("/:notificationId/read", async (c) => {
      const { user } = requireAuth(c);
      const { notificationId } = parseOrThrow(NotificationParams, c.req.param());
      const body: UnreadCountResponse = {
        unread: await notifications.markRead(user.id, notificationId),
      };
      return c.json(body);
    });
}
