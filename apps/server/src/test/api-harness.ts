import { SESSION_COOKIE } from "@entente/protocol";
import type { Hono } from "hono";
import { Writable } from "node:stream";
import { createApp } from "../app.js";
import { InProcessFeedEvents } from "../live-events/feed-events.js";
import { SessionService } from "../auth/sessions.js";
import { createLogger } from "../observability/logger.js";
import type { Store } from "../db/database.js";
import type { AppEnv } from "../http/context.js";
import type { LoginLimits } from "../limits/login-throttle.js";
import { createServices, type Services } from "../services.js";
import { openMigratedStore, tempDatabase } from "./test-store.js";

export const TEST_ORIGIN = "http://entente.test";

/** A fixed SSO_SECRET_KEY for tests (32 bytes, base64). */
export const TEST_SSO_SECRET_KEY = Buffer.alloc(32, 7).toString("base64");

export interface HarnessSsoOptions {
  /** SSO_SECRET_KEY; `null`: none (single sign-on unavailable); omitted: TEST_SSO_SECRET_KEY. */
  ssoSecretKey?: string | null;
  /** Seconds added to the relying party's clock when it checks ID tokens. */
  ssoClockSkewSeconds?: number;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The login throttle's time, for tests that check its delays without waiting them. */
export interface LoginClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  cookie: string;
}

/**
 * The whole HTTP app over a real SQLite file, driven in memory with `app.request`,
 * with helpers that sign users up and build organizations and partnerships.
 */
export class ApiHarness {
  /** Sessions the API told the sync side to close, revoked partnership seats, deleted documents. */
  readonly endedSessions: string[] = [];
  readonly revokedAccess: { userId: string; partnershipId: string }[] = [];
  readonly closedDocuments: string[] = [];
  readonly services: Services;
  /** The in-process event bus under `services.feedEvents` (which the search index wraps). */
  readonly feedBus = new InProcessFeedEvents();
  readonly app: Hono<AppEnv>;
  /** What the app logged, one JSON line each. */
  readonly logLines: string[] = [];
  private counter = 0;

  private constructor(
    readonly store: Store,
    private readonly cleanupStore: () => Promise<void>,
    loginLimits: LoginLimits | undefined,
    trustProxy: boolean,
    loginClock: LoginClock | undefined,
    sso: HarnessSsoOptions,
    now: (() => number) | undefined,
  ) {
    this.services = createServices({
      store,
      feedEvents: this.feedBus,
      now,
      loginLimits,
      loginClock,
      trustProxy,
      publicOrigin: TEST_ORIGIN,
      ssoSecretKey:
        sso.ssoSecretKey === undefined ? TEST_SSO_SECRET_KEY : (sso.ssoSecretKey ?? undefined),
      ssoClockSkewSeconds: sso.ssoClockSkewSeconds,
      liveSockets: {
        closeSession: (sessionId) => this.endedSessions.push(sessionId),
        closePartnershipAccess: (userId, partnershipId) =>
          this.revokedAccess.push({ userId, partnershipId }),
        closeDocument: (documentName) => this.closedDocuments.push(documentName),
      },
    });
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.logLines.push(...chunk.toString("utf8").trim().split("\n"));
        done();
      },
    });
    this.app = createApp(this.services, { logger: createLogger({ level: "info", destination }) });
  }

  static async create(
    options: {
      loginLimits?: LoginLimits;
      trustProxy?: boolean;
      loginClock?: LoginClock;
      /** The clock of meetings and their calendars. */
      now?: () => number;
    } & HarnessSsoOptions = {},
  ): Promise<ApiHarness> {
    const { url, cleanup } = await tempDatabase();
    const store = await openMigratedStore(url);
    return new ApiHarness(
      store,
      cleanup,
      options.loginLimits,
      options.trustProxy ?? false,
      options.loginClock,
      options,
      options.now,
    );
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.cleanupStore();
  }

  /** Sends a request; `body` is JSON-encoded unless it is already a string. */
  async request<T = any>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      cookie?: string | undefined;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    const response = await this.app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as T) : (undefined as T),
      headers: response.headers,
    };
  }

  /** {@link request} as `user` (signed out without one), with `body` when there is one. */
  call<T = any>(
    method: string,
    path: string,
    user: TestUser | undefined,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    return this.request<T>(method, path, { cookie: user?.cookie, body });
  }

  async signup(name = `User ${++this.counter}`): Promise<TestUser> {
    const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${++this.counter}@example.test`;
    const response = await this.request("POST", "/api/auth/signup", {
      body: { email, password: "correct horse battery", name },
    });
    if (response.status !== 201) throw new Error(`signup failed: ${JSON.stringify(response.body)}`);
    return { ...response.body.user, cookie: sessionCookieFrom(response.headers) };
  }

  async createOrganization(user: TestUser, name: string): Promise<string> {
    const response = await this.request("POST", "/api/organizations", {
      body: { name },
      cookie: user.cookie,
    });
    if (response.status !== 201)
      throw new Error(`organization failed: ${JSON.stringify(response.body)}`);
    return response.body.organization.id as string;
  }

  async createPartnership(
    user: TestUser,
    organizationId: string,
    name = "Alliance",
  ): Promise<string> {
    const response = await this.request("POST", "/api/partnerships", {
      body: { name, organizationId },
      cookie: user.cookie,
    });
    if (response.status !== 201)
      throw new Error(`partnership failed: ${JSON.stringify(response.body)}`);
    return response.body.partnership.id as string;
  }

  async invite(
    user: TestUser,
    partnershipId: string,
    body: { kind: "organization" | "member"; role: string; organizationId?: string },
  ): Promise<string> {
    const response = await this.request("POST", `/api/partnerships/${partnershipId}/invitations`, {
      body,
      cookie: user.cookie,
    });
    if (response.status !== 201) throw new Error(`invite failed: ${JSON.stringify(response.body)}`);
    return response.body.invitation.token as string;
  }

  /** What the bell of `user` lists: the notifications of `GET /api/notifications`. */
  async notifications(user: TestUser): Promise<any[]> {
    const response = await this.request("GET", "/api/notifications", { cookie: user.cookie });
    return response.body.notifications as any[];
  }

  /** `admin`'s organization approves the organization invitation of `token`. */
  async approve(admin: TestUser, partnershipId: string, token: string): Promise<ApiResponse> {
    const invitationId = SessionService.idOf(token);
    const response = await this.request(
      "POST",
      `/api/partnerships/${partnershipId}/organization-invitations/${invitationId}/approve`,
      { cookie: admin.cookie },
    );
    if (response.status !== 200)
      throw new Error(`approval failed: ${JSON.stringify(response.body)}`);
    return response;
  }

  async accept(user: TestUser, token: string): Promise<ApiResponse> {
    return this.request("POST", `/api/invitations/${token}/accept`, {
      body: {},
      cookie: user.cookie,
    });
  }

  /**
   * `admin` opens another partnership of `organizationId` ("Other") and seats `user` in it as
   * `role`: from then on `user` belongs to the organization without a seat in its other
   * partnerships. Resolves to the other partnership's id and the acceptance.
   */
  async seatElsewhere(
    admin: TestUser,
    organizationId: string,
    user: TestUser,
    role: string,
  ): Promise<{ other: string; accepted: ApiResponse }> {
    const other = await this.createPartnership(admin, organizationId, "Other");
    const accepted = await this.accept(
      user,
      await this.invite(admin, other, { kind: "member", role }),
    );
    return { other, accepted };
  }

  /**
   * Two organizations in one partnership, each with an admin, an editor and a viewer:
   * the cast of most access tests.
   */
  async twoOrganizationPartnership() {
    const northAdmin = await this.signup("North Admin");
    const north = await this.createOrganization(northAdmin, "Northwind");
    const partnershipId = await this.createPartnership(northAdmin, north, "North × South");
    const southAdmin = await this.signup("South Admin");
    const south = await this.createOrganization(southAdmin, "Southpeak");
    await this.accept(
      southAdmin,
      await this.invite(northAdmin, partnershipId, { kind: "organization", role: "admin" }),
    );
    const addMember = async (admin: TestUser, name: string, role: string) => {
      const member = await this.signup(name);
      const accepted = await this.accept(
        member,
        await this.invite(admin, partnershipId, { kind: "member", role }),
      );
      if (accepted.status !== 200)
        throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
      return member;
    };
    const cast = {
      partnershipId,
      north: {
        id: north,
        admin: northAdmin,
        editor: await addMember(northAdmin, "North Editor", "editor"),
        viewer: await addMember(northAdmin, "North Viewer", "viewer"),
      },
      south: {
        id: south,
        admin: southAdmin,
        editor: await addMember(southAdmin, "South Editor", "editor"),
        viewer: await addMember(southAdmin, "South Viewer", "viewer"),
      },
    };
    // The cast arrives with an empty bell: who joined while it was put together is set-up,
    // not what a test looks at (membership-announcer.test.ts looks at it).
    await this.store.db
      .deleteFrom("notifications")
      .where("partnership_id", "=", partnershipId)
      .execute();
    return cast;
  }
}

/** `name=value` of the session cookie a response set. */
export function sessionCookieFrom(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error("no session cookie set");
  return cookie.split(";")[0] ?? "";
}
