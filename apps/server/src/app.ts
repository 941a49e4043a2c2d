import { ErrorCode } from "@entente/protocol";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./http/context.js";
import type { Services } from "./services.js";
import { errorBody, handleError, handleNotFound } from "./http/errors.js";
import { jsonBodiesOnly } from "./http/json-only.js";
import { sessionMiddleware } from "./http/session-cookie.js";
import { isAllowedOrigin } from "./limits/same-origin.js";
import { httpMetrics } from "./observability/http-metrics.js";
import { createLogger, type Logger } from "./observability/logger.js";
import { requestLogger } from "./observability/request-logger.js";
import { metricsRoutes } from "./routes/metrics/metrics.js";
import { authRoutes } from "./routes/auth/auth.js";
import { healthRoutes } from "./routes/health/health.js";
import { invitationRoutes } from "./routes/invitations/invitations.js";
import { meRoutes } from "./routes/me/me.js";
import { organizationRoutes } from "./routes/organizations/organizations.js";
import { partnershipRoutes } from "./routes/partnerships/partnerships.js";
import { organizationInvitationRoutes } from "./routes/organization-invitations/organization-invitations.js";
import { sentInvitationRoutes } from "./routes/sent-invitations/sent-invitations.js";
import { commentThreadRoutes, partnershipCommentRoutes } from "./routes/comments/comments.js";
import { preferenceRoutes } from "./routes/preferences/preferences.js";
import { landingPageRoutes } from "./routes/landing-pages/landing-pages.js";
import { activityRoutes } from "./routes/activity/activity.js";
import { digestRoutes } from "./routes/digest/digest.js";
import { exportRoutes } from "./routes/export/export.js";
import { reviewRoutes } from "./routes/review/review.js";
import { governanceRoutes } from "./routes/governance/governance.js";
import {
  healthCheckRoutes,
  partnershipHealthCheckRoutes,
} from "./routes/health-checks/health-checks.js";
import { kpiTargetRoutes } from "./routes/kpi-targets/kpi-targets.js";
import { historyRoutes, meetingHistoryRoutes } from "./routes/history/history.js";
import { notificationRoutes } from "./routes/notifications/notifications.js";
import { feedRoutes, postRoutes, replyRoutes } from "./routes/posts/posts.js";
import {
  agendaItemRoutes,
  meetingRoutes,
  partnershipMeetingRoutes,
} from "./routes/meetings/meetings.js";
import {
  meetingWorkshopRoutes,
  workshopGroupRoutes,
  workshopNoteRoutes,
} from "./routes/workshops/workshops.js";
import { recordRoutes } from "./routes/records/records.js";
import { organizationSsoRoutes, ssoSignInRoutes } from "./routes/sso/sso.js";
import {
  calendarFeedRoutes,
  calendarSubscriptionRoutes,
  meetingInviteRoutes,
} from "./routes/calendar/calendar.js";
import { searchRoutes } from "./routes/search/search.js";
import { mountWebAssets } from "./web/web-assets.js";
import {
  partnershipOnboardingRoutes,
  partnershipTemplateRoutes,
} from "./routes/onboarding/onboarding.js";

/** Largest request body any route accepts. */
const MAX_BODY_BYTES = 64 * 1024;

export interface AppOptions {
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string;
  /** Request log; silent when omitted (tests). */
  logger?: Logger;
  /** Bearer token for GET /metrics; without one the route answers 404. */
  metricsToken?: string;
}

/** The HTTP side of Entente: JSON API under /api, the web app for everything else. */
export function createApp(services: Services, options: AppOptions = {}): Hono<AppEnv> {
  const secure = services.env.PUBLIC_ORIGIN.startsWith("https:");
  const app = new Hono<AppEnv>();
  const logger = options.logger ?? createLogger({ level: "silent" });

  // First: its line and x-request-id cover answers from every later middleware (413, 403…).
  app.use("*", requestLogger(logger));
  app.use("*", httpMetrics(services.metrics));

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Tiptap carets and ProseMirror set style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "strict-origin-when-cross-origin",
      xFrameOptions: "DENY",
    }),
  );
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody(ErrorCode.InvalidInput, "Request body is too large"), 413),
    }),
  );
  app.use("/api/*", async (c, next) => {
    const mutating = !["GET", "HEAD", "OPTIONS"].includes(c.req.method);
    if (
      mutating &&
      !isAllowedOrigin(c.req.header("origin"), c.req.header("host"), services.env.PUBLIC_ORIGIN)
    ) {
      return c.json(errorBody(ErrorCode.Forbidden, "Cross-site request refused"), 403);
    }
    return next();
  });
  // JSON answers over 1 KB go gzip (or deflate) when the client takes it; event streams do not.
  app.use("/api/*", compress());
  app.use("/api/*", jsonBodiesOnly());
  app.use(
    "/api/*",
    sessionMiddleware(services.sessions, secure, (userId, language) =>
      services.accounts.recordAppLanguage(userId, language),
    ),
  );
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  app.route("/metrics", metricsRoutes({ metrics: services.metrics, token: options.metricsToken }));
  app.route("/api/health", healthRoutes(services));
  app.route("/api/auth/sso", ssoSignInRoutes(services));
  app.route("/api/auth", authRoutes(services));
  app.route("/api/me/notification-preferences", preferenceRoutes(services));
  app.route("/api/me/landing-pages", landingPageRoutes(services));
  app.route("/api/me/calendar-feed", calendarFeedRoutes(services));
  app.route("/api/me", meRoutes(services));
  app.route("/api/organizations", organizationRoutes(services));
  app.route("/api/organizations", organizationSsoRoutes(services));
  app.route("/api/partnerships", partnershipRoutes(services));
  app.route("/api/partnerships", governanceRoutes(services));
  app.route("/api/partnerships", kpiTargetRoutes(services));
  app.route("/api/partnerships", historyRoutes(services));
  app.route("/api/partnerships", exportRoutes(services));
  app.route("/api/partnerships", reviewRoutes(services));
  app.route("/api/invitations", invitationRoutes(services));
  app.route("/api/partnerships", organizationInvitationRoutes(services));
  app.route("/api/partnerships", sentInvitationRoutes(services));
  app.route("/api/partnerships", feedRoutes(services));
  app.route("/api/posts", postRoutes(services));
  app.route("/api/replies", replyRoutes(services));
  app.route("/api/notifications", notificationRoutes(services));
  app.route("/api/partnerships", partnershipCommentRoutes(services));
  app.route("/api/comment-threads", commentThreadRoutes(services));
  app.route("/api/partnerships", digestRoutes(services));
  app.route("/api/partnerships", activityRoutes(services));
  app.route("/api/partnerships", recordRoutes(services));
  app.route("/api/partnerships", partnershipMeetingRoutes(services));
  app.route("/api/meetings", meetingRoutes(services));
  app.route("/api/meetings", meetingHistoryRoutes(services));
  app.route("/api/agenda-items", agendaItemRoutes(services));
  app.route("/api/meetings", meetingWorkshopRoutes(services));
  app.route("/api/workshop-notes", workshopNoteRoutes(services));
  app.route("/api/workshop-groups", workshopGroupRoutes(services));
  app.route("/api/partnerships", partnershipHealthCheckRoutes(services));
  app.route("/api/health-checks", healthCheckRoutes(services));
  app.route("/api/partnership-templates", partnershipTemplateRoutes());
  app.route("/api/partnerships", partnershipOnboardingRoutes(services));
  app.route("/api/meetings", meetingInviteRoutes(services));
  app.route("/calendar", calendarSubscriptionRoutes(services));
  app.route("/api/search", searchRoutes(services));

  if (options.webDist) mountWebAssets(app, options.webDist, logger);

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
