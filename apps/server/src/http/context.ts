import type { Env as HonoEnv } from "hono";
import type { Kysely } from "kysely";
import type { UserView } from "@entente/protocol";
import type { AccessService } from "../access/access-service.js";
import type { Session, SessionService } from "../auth/sessions.js";
import type { Database } from "../db/schema.js";
import type { RateLimiter } from "../limits/rate-limiter.js";
import type { Env } from "../env.js";
import type { SyncMetrics } from "../observability/metrics.js";
import type { RequestLogVariables } from "../observability/request-logger.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { FeedEvents } from "../feed/feed-events.js";
import type { NotificationService } from "../feed/notification-service.js";
import type { PostService } from "../feed/post-service.js";

/** Everything a route needs, built once in `createApp`'s caller and passed down. */
export interface Services {
  env: Pick<Env, "PUBLIC_ORIGIN" | "TRUST_PROXY">;
  db: Kysely<Database>;
  sessions: SessionService;
  access: AccessService;
  /** Failed login attempts, per e-mail and per client address. */
  loginLimits: { perAccount: RateLimiter; perAddress: RateLimiter };
  /** Prometheus metrics of this process. */
  metrics: SyncMetrics;
  /** Open sync sockets, closed when the access they were opened with ends. */
  liveSockets: LiveSockets;
  /** Current content of documents (the live room's if loaded, else storage's). */
  documents: DocumentReader;
  /** Live events of the updates feed and of users' notifications. */
  feedEvents: FeedEvents;
  /** Posts, replies, reactions and "seen by" of partnerships' updates feeds. */
  posts: PostService;
  notifications: NotificationService;
}

/** What the HTTP side tells the sync side when access ends. */
export interface LiveSockets {
  /** Logout or expiry: close the session's sockets with 4401. */
  closeSession(sessionId: string): void;
  /** Removal from a partnership: close the user's sockets on its documents with 4403. */
  closePartnershipAccess(userId: string, partnershipId: string): void;
}

export interface AppEnv extends HonoEnv {
  Variables: RequestLogVariables & {
    auth: { session: Session; user: UserView } | null;
  };
}
