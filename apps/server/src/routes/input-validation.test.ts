import { ErrorCode, SEARCH_QUERY_MAX } from "@entente/protocol";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatDocumentName } from "@entente/domain";
import { writeCharterContent } from "@entente/editor";
import { addDecision } from "@entente/schema";
import { SessionService } from "../auth/sessions.js";
import { ApiHarness, TEST_ORIGIN, type TestUser } from "../test/api-harness.js";
import { changeDocument } from "../test/document-writes.js";
import { OidcTestProvider } from "../test/oidc-test-provider.js";

/**
 * Hostile input to every mutating endpoint: each case must end in a 4xx (never a 5xx)
 * with a body in the error contract, and must write nothing.
 */

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

interface Context {
  cast: Cast;
  /** Admin of Eastgate, an organization in no partnership, holding an organization invitation. */
  east: { admin: TestUser; id: string };
  /** A signed-in user without an organization. */
  loner: TestUser;
  organizationToken: string;
  /** A pending member invitation of North's admin, and its id (the hex SHA-256 of the token). */
  memberToken: string;
  memberInvitationId: string;
  /** The organizations' own OpenID provider, started once for the file. */
  provider: OidcTestProvider;
  harness: ApiHarness;
  /** A decision proposed in the partnership's decisions document. */
  decisionId: string;
  /** A workshop meeting of the partnership, facilitated by North's admin, and its column. */
  meetingId: string;
  columnId: string;
}

type Method = "POST" | "PUT" | "PATCH";

interface Case {
  label: string;
  path: string;
  /** JSON-encoded unless a string, which is sent as is. */
  body?: unknown;
  cookie?: string;
}

interface Endpoint {
  name: string;
  /** POST unless said. */
  method?: Method;
  path(ctx: Context): string;
  /** Cookie of a caller who may use the endpoint (undefined: no session needed). */
  cookie(ctx: Context): string | undefined;
  /** A body that succeeds; every generic case is this body broken in one way. */
  valid(ctx: Context): Record<string, unknown>;
  required: string[];
  /** Values of another type than the valid one's that a field still accepts (`videoUrl: null`). */
  accepted?: Record<string, unknown[]>;
  /** What must exist before the endpoint can succeed (a provider connected). */
  prepare?(ctx: Context): Promise<void>;
  /** Endpoint-specific cases: unknown ids, wrong callers, odd paths. */
  extra(ctx: Context): Case[];
  /** The status of the valid request, sent last to prove writes would be seen. */
  successStatus: number;
}

const PASSWORD = "correct horse battery";
const HUGE = "x".repeat(100_000);
const LONG = "x".repeat(5_000);
const WRONG_TYPES: unknown[] = [123, -1.5, true, null, {}, [], ["x"], { $gt: "" }];
const UNKNOWN_TOKEN = "abcdefghijklmnopqrstuvwxyz234567";
const TABLES = [
  "users",
  "sessions",
  "organizations",
  "organization_members",
  "partnerships",
  "partnership_organizations",
  "partnership_members",
  "invitations",
  "document_updates",
  "charter_endorsements",
  "decision_votes",
  "posts",
  "meetings",
  "agenda_items",
  "workshop_notes",
  "organization_sso",
  "organization_sso_domains",
  "sso_sign_ins",
  "calendar_feeds",
] as const;
/** Tables whose rows are compared whole: an update must not slip through either. */
const CONTENT_TABLES = ["invitations", "meetings", "organization_sso", "calendar_feeds"] as const;

const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

/** Malformed path segments where an id or token goes. */
const BAD_SEGMENTS = [
  ["a traversal", encodeURIComponent("../x")],
  ["a traversal to another route", encodeURIComponent("../../organizations")],
  ["a 1000-character id", "a".repeat(1000)],
  ["a NUL byte", "%00"],
  ["broken percent-encoding", "%E0%A4%A"],
  ["spaces", "a%20b"],
  ["SQL", encodeURIComponent("' OR 1=1 --")],
] as const;

/** Settings that connect the test provider, proving the domain of the cast's e-mails. */
function ssoSettings(provider: OidcTestProvider): Record<string, unknown> {
  return {
    issuer: provider.issuer,
    clientId: provider.client.clientId,
    clientSecret: provider.client.clientSecret,
    domains: ["example.test"],
    passwordSignIn: true,
  };
}

const MEETING_PLACE = {
  timeZone: "Europe/Paris",
  place: "Lyon depot, room 2",
  videoUrl: "https://meet.example.com/launch-review",
};

/** A meeting's time zone, place and video link, each wrong in one way. */
function meetingPlaceCases(at: (label: string, fields: Record<string, unknown>) => Case): Case[] {
  return [
    at("an unknown time zone", { timeZone: "Mars/Olympus_Mons" }),
    at("a UTC offset for a time zone", { timeZone: "+01:00" }),
    at("a time zone with a traversal", { timeZone: "../../etc/passwd" }),
    at("a time zone with a newline", { timeZone: "Europe/Paris\nX-INJECTED:1" }),
    at("an empty time zone", { timeZone: "" }),
    at("a 65-character time zone", { timeZone: `Europe/${"x".repeat(58)}` }),
    at("a 301-character place", { place: "x".repeat(301) }),
    at("an http video link", { videoUrl: "http://meet.example.com/x" }),
    at("a javascript: video link", { videoUrl: "javascript:alert(1)" }),
    at("a video link on an IP address", { videoUrl: "https://127.0.0.1/x" }),
    at("a video link that is not a URL", { videoUrl: "the usual room" }),
    at("a 2001-character video link", { videoUrl: `https://meet.example.com/${"x".repeat(1980)}` }),
  ];
}

function genericCases(endpoint: Endpoint, ctx: Context): Case[] {
  const path = endpoint.path(ctx);
  const cookie = endpoint.cookie(ctx);
  const valid = endpoint.valid(ctx);
  const at = (label: string, body: unknown): Case => ({
    label,
    path,
    body,
    ...(cookie ? { cookie } : {}),
  });
  const cases: Case[] = [
    at("a null body", null),
    at("an empty array", []),
    at("an array holding a valid body", [valid]),
    at("a JSON string", '"hello"'),
    at("a JSON number", "42"),
    at("a JSON boolean", "true"),
    at("malformed JSON", '{"name": '),
    at("form encoding", "name=x&email=y"),
    at("deeply nested arrays", "[".repeat(5000) + "]".repeat(5000)),
    at("a 100k-character extra field", { ...valid, padding: HUGE }),
  ];
  for (const key of endpoint.required) {
    const rest = Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));
    cases.push(at(`a missing ${key}`, rest));
  }
  for (const key of Object.keys(valid)) {
    // 123 is a right type for a number field (a meeting's duration), true for a boolean one:
    // not wrong inputs there; nor are the values an endpoint declares it accepts.
    const accepted = endpoint.accepted?.[key] ?? [];
    const wrongs = WRONG_TYPES.filter(
      (w) =>
        !accepted.includes(w) &&
        !(typeof valid[key] === "number" && w === 123) &&
        !(typeof valid[key] === "boolean" && typeof w === "boolean"),
    );
    for (const wrong of wrongs)
      cases.push(at(`${key} = ${JSON.stringify(wrong)}`, { ...valid, [key]: wrong }));
    cases.push(at(`a 100k-character ${key}`, { ...valid, [key]: HUGE }));
    cases.push(at(`a 5000-character ${key}`, { ...valid, [key]: LONG }));
  }
  return cases;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: "POST /api/auth/signup",
    path: () => "/api/auth/signup",
    cookie: () => undefined,
    valid: () => ({ email: "newcomer@example.test", password: PASSWORD, name: "Newcomer" }),
    required: ["email", "password", "name"],
    extra: ({ cast }) => [
      {
        label: "an e-mail already taken",
        path: "/api/auth/signup",
        body: { email: cast.north.admin.email, password: PASSWORD, name: "X" },
      },
      {
        label: "an e-mail taken in another case",
        path: "/api/auth/signup",
        body: { email: cast.north.admin.email.toUpperCase(), password: PASSWORD, name: "X" },
      },
      {
        label: "a 7-character password",
        path: "/api/auth/signup",
        body: { email: "a@example.test", password: "1234567", name: "X" },
      },
      {
        label: "a blank name",
        path: "/api/auth/signup",
        body: { email: "a@example.test", password: PASSWORD, name: " \t\n" },
      },
      {
        label: "an e-mail without @",
        path: "/api/auth/signup",
        body: { email: "example.test", password: PASSWORD, name: "X" },
      },
    ],
    successStatus: 201,
  },
  {
    name: "POST /api/auth/login",
    path: () => "/api/auth/login",
    cookie: () => undefined,
    valid: ({ cast }) => ({ email: cast.north.admin.email, password: PASSWORD }),
    required: ["email", "password"],
    extra: ({ cast }) => [
      {
        label: "an unknown e-mail",
        path: "/api/auth/login",
        body: { email: "nobody@example.test", password: PASSWORD },
      },
      {
        label: "a wrong password",
        path: "/api/auth/login",
        body: { email: cast.north.admin.email, password: "wrong password" },
      },
      {
        label: "an empty password",
        path: "/api/auth/login",
        body: { email: cast.north.admin.email, password: "" },
      },
    ],
    successStatus: 200,
  },
  {
    name: "POST /api/organizations",
    path: () => "/api/organizations",
    cookie: ({ loner }) => loner.cookie,
    valid: () => ({ name: "Loner Org" }),
    required: ["name"],
    extra: ({ cast, loner }) => [
      {
        label: "an empty name",
        path: "/api/organizations",
        body: { name: "" },
        cookie: loner.cookie,
      },
      {
        label: "a 101-character name",
        path: "/api/organizations",
        body: { name: "x".repeat(101) },
        cookie: loner.cookie,
      },
      {
        label: "a caller who already has one",
        path: "/api/organizations",
        body: { name: "Second" },
        cookie: cast.north.admin.cookie,
      },
    ],
    successStatus: 201,
  },
  {
    name: "POST /api/partnerships",
    path: () => "/api/partnerships",
    cookie: ({ cast }) => cast.north.admin.cookie,
    valid: ({ cast }) => ({ name: "New Alliance", organizationId: cast.north.id }),
    required: ["name", "organizationId"],
    extra: ({ cast }) => {
      const at = (label: string, body: unknown, cookie = cast.north.admin.cookie): Case => ({
        label,
        path: "/api/partnerships",
        body,
        cookie,
      });
      return [
        at("an unknown organization", { name: "X", organizationId: "nosuchorganization" }),
        at("the partner's organization", { name: "X", organizationId: cast.south.id }),
        at("a traversal organizationId", { name: "X", organizationId: "../x" }),
        at("a 121-character name", { name: "x".repeat(121), organizationId: cast.north.id }),
        at(
          "a viewer of the organization",
          { name: "X", organizationId: cast.north.id },
          cast.north.viewer.cookie,
        ),
      ];
    },
    successStatus: 201,
  },
  {
    name: "POST /api/partnerships/:id/invitations",
    path: ({ cast }) => `/api/partnerships/${cast.partnershipId}/invitations`,
    cookie: ({ cast }) => cast.north.admin.cookie,
    valid: () => ({ kind: "member", role: "viewer" }),
    required: ["kind", "role"],
    extra: ({ cast, east }) => {
      const path = `/api/partnerships/${cast.partnershipId}/invitations`;
      const body = { kind: "member", role: "viewer" };
      const admin = cast.north.admin.cookie;
      return [
        {
          label: "another organization's id",
          path,
          body: { ...body, organizationId: cast.south.id },
          cookie: admin,
        },
        {
          label: "a traversal organizationId",
          path,
          body: { ...body, organizationId: "../x" },
          cookie: admin,
        },
        { label: "an unknown level", path, body: { ...body, level: "supreme" }, cookie: admin },
        { label: "a capitalized kind", path, body: { ...body, kind: "Member" }, cookie: admin },
        { label: "an editor caller", path, body, cookie: cast.north.editor.cookie },
        { label: "a non-member caller", path, body, cookie: east.admin.cookie },
        {
          label: "an unknown partnership",
          path: "/api/partnerships/nosuchpartnership/invitations",
          body,
          cookie: admin,
        },
        ...BAD_SEGMENTS.map(([label, segment]) => ({
          label: `a partnership id with ${label}`,
          path: `/api/partnerships/${segment}/invitations`,
          body,
          cookie: admin,
        })),
      ];
    },
    successStatus: 201,
  },
  {
    name: "POST /api/invitations/:token/accept",
    path: ({ organizationToken }) => `/api/invitations/${organizationToken}/accept`,
    cookie: ({ east }) => east.admin.cookie,
    valid: ({ east }) => ({ organizationId: east.id }),
    required: [],
    extra: ({ cast, east, loner, organizationToken }) => {
      const path = `/api/invitations/${organizationToken}/accept`;
      const admin = east.admin.cookie;
      return [
        {
          label: "an unknown organizationId",
          path,
          body: { organizationId: "nosuchorganization" },
          cookie: admin,
        },
        {
          label: "an organization the caller does not run",
          path,
          body: { organizationId: cast.north.id },
          cookie: admin,
        },
        { label: "a caller without an organization", path, body: {}, cookie: loner.cookie },
        {
          label: "a caller already in the partnership",
          path,
          body: {},
          cookie: cast.south.admin.cookie,
        },
        {
          label: "an unknown token",
          path: `/api/invitations/${UNKNOWN_TOKEN}/accept`,
          body: {},
          cookie: admin,
        },
        {
          label: "an upper-case token",
          path: `/api/invitations/${organizationToken.toUpperCase()}/accept`,
          body: {},
          cookie: admin,
        },
        ...BAD_SEGMENTS.map(([label, segment]) => ({
          label: `a token with ${label}`,
          path: `/api/invitations/${segment}/accept`,
          body: {},
          cookie: admin,
        })),
      ];
    },
    successStatus: 200,
  },
  {
    name: "POST /api/partnerships/:id/charter/endorsements",
    path: ({ cast }) => `/api/partnerships/${cast.partnershipId}/charter/endorsements`,
    cookie: ({ cast }) => cast.north.editor.cookie,
    valid: () => ({}),
    required: [],
    extra: ({ cast }) => [
      {
        label: "a version that is not a hash",
        path: `/api/partnerships/${cast.partnershipId}/charter/endorsements`,
        body: { version: "latest" },
        cookie: cast.north.editor.cookie,
      },
      {
        label: "a version one hex digit short",
        path: `/api/partnerships/${cast.partnershipId}/charter/endorsements`,
        body: { version: "a".repeat(63) },
        cookie: cast.north.editor.cookie,
      },
      {
        label: "an organizationId naming the partner",
        path: `/api/partnerships/${cast.partnershipId}/charter/endorsements`,
        body: { organizationId: cast.south.id },
        cookie: cast.north.editor.cookie,
      },
      {
        label: "a viewer",
        path: `/api/partnerships/${cast.partnershipId}/charter/endorsements`,
        body: {},
        cookie: cast.north.viewer.cookie,
      },
      ...BAD_SEGMENTS.map(([label, segment]) => ({
        label: `a partnership id with ${label}`,
        path: `/api/partnerships/${segment}/charter/endorsements`,
        body: {},
        cookie: cast.north.editor.cookie,
      })),
    ],
    successStatus: 201,
  },
  {
    name: "POST /api/partnerships/:id/decisions/:decisionId/votes",
    path: ({ cast, decisionId }) =>
      `/api/partnerships/${cast.partnershipId}/decisions/${decisionId}/votes`,
    cookie: ({ cast }) => cast.south.admin.cookie,
    valid: () => ({ vote: "approve", comment: "Agreed" }),
    required: ["vote"],
    extra: ({ cast, decisionId }) => [
      {
        label: "an unknown decision",
        path: `/api/partnerships/${cast.partnershipId}/decisions/nosuchdecision/votes`,
        body: { vote: "approve" },
        cookie: cast.south.admin.cookie,
      },
      {
        label: "a vote for the partner organization",
        path: `/api/partnerships/${cast.partnershipId}/decisions/${decisionId}/votes`,
        body: { vote: "approve", organizationId: cast.north.id },
        cookie: cast.south.admin.cookie,
      },
      {
        label: "a viewer",
        path: `/api/partnerships/${cast.partnershipId}/decisions/${decisionId}/votes`,
        body: { vote: "approve" },
        cookie: cast.south.viewer.cookie,
      },
      ...BAD_SEGMENTS.map(([label, segment]) => ({
        label: `a decision id with ${label}`,
        path: `/api/partnerships/${cast.partnershipId}/decisions/${segment}/votes`,
        body: { vote: "approve" },
        cookie: cast.south.admin.cookie,
      })),
    ],
    successStatus: 201,
  },
  {
    name: "POST /api/partnerships/:id/posts",
    path: ({ cast }) => `/api/partnerships/${cast.partnershipId}/posts`,
    cookie: ({ cast }) => cast.south.editor.cookie,
    valid: () => ({ title: "Pallets cleared", body: paragraph("They left."), tag: "success" }),
    required: ["title", "body", "tag"],
    extra: ({ cast }) => [
      {
        label: "an unknown tag",
        path: `/api/partnerships/${cast.partnershipId}/posts`,
        body: { title: "X", body: paragraph("x"), tag: "gossip" },
        cookie: cast.south.editor.cookie,
      },
      {
        label: "a body that is not a document",
        path: `/api/partnerships/${cast.partnershipId}/posts`,
        body: { title: "X", body: { type: "script", content: [] }, tag: "success" },
        cookie: cast.south.editor.cookie,
      },
      {
        label: "a mention of someone outside the partnership",
        path: `/api/partnerships/${cast.partnershipId}/posts`,
        body: {
          title: "X",
          tag: "request",
          body: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "mention", attrs: { id: "nosuchuser", kind: "user", label: "Eve" } },
                ],
              },
            ],
          },
        },
        cookie: cast.south.editor.cookie,
      },
      ...BAD_SEGMENTS.map(([label, segment]) => ({
        label: `a partnership id with ${label}`,
        path: `/api/partnerships/${segment}/posts`,
        body: { title: "X", body: paragraph("x"), tag: "success" },
        cookie: cast.south.editor.cookie,
      })),
    ],
    successStatus: 201,
  },
  {
    name: "POST /api/partnerships/:id/meetings",
    path: ({ cast }) => `/api/partnerships/${cast.partnershipId}/meetings`,
    cookie: ({ cast }) => cast.south.editor.cookie,
    valid: () => ({
      title: "Quarterly steering committee",
      kind: "steering_committee",
      level: "strategic",
      startsAt: "2026-12-01T09:00:00.000Z",
      durationMinutes: 90,
    }),
    required: ["title", "kind", "level", "startsAt", "durationMinutes"],
    extra: ({ cast }) => {
      const valid = {
        title: "X",
        kind: "workshop",
        level: "operational",
        startsAt: "2026-12-01T09:00:00.000Z",
        durationMinutes: 60,
      };
      const at = (label: string, body: unknown, cookie = cast.south.editor.cookie) => ({
        label,
        path: `/api/partnerships/${cast.partnershipId}/meetings`,
        body,
        cookie,
      });
      return [
        at("an unknown kind", { ...valid, kind: "party" }),
        at("a start that is not a date", { ...valid, startsAt: "next Tuesday" }),
        at("a 0-minute meeting", { ...valid, durationMinutes: 0 }),
        at("a participant outside the partnership", {
          ...valid,
          participantIds: [cast.north.admin.id, "nosuchuser"],
        }),
        at("an agenda item owned by an outside organization", {
          ...valid,
          agenda: [{ title: "Budget", ownerOrganizationId: "elsewhere", timeboxMinutes: 10 }],
        }),
        at("a viewer", valid, cast.south.viewer.cookie),
        ...BAD_SEGMENTS.map(([label, segment]) => ({
          label: `a partnership id with ${label}`,
          path: `/api/partnerships/${segment}/meetings`,
          body: valid,
          cookie: cast.south.editor.cookie,
        })),
      ];
    },
    successStatus: 201,
  },
  {
    name: "POST /api/meetings/:meetingId/workshop/notes",
    path: ({ meetingId }) => `/api/meetings/${meetingId}/workshop/notes`,
    cookie: ({ cast }) => cast.south.editor.cookie,
    valid: ({ columnId }) => ({ text: "Pool the two fleets on the Lyon route", columnId }),
    required: ["text", "columnId"],
    extra: ({ cast, meetingId, columnId, loner }) => [
      {
        label: "a blank note",
        path: `/api/meetings/${meetingId}/workshop/notes`,
        body: { text: " \n\t", columnId },
        cookie: cast.south.editor.cookie,
      },
      {
        label: "an unknown column",
        path: `/api/meetings/${meetingId}/workshop/notes`,
        body: { text: "Idea", columnId: "nosuchcolumn" },
        cookie: cast.south.editor.cookie,
      },
      {
        label: "a viewer",
        path: `/api/meetings/${meetingId}/workshop/notes`,
        body: { text: "Idea", columnId },
        cookie: cast.south.viewer.cookie,
      },
      {
        label: "a member of no partnership",
        path: `/api/meetings/${meetingId}/workshop/notes`,
        body: { text: "Idea", columnId },
        cookie: loner.cookie,
      },
      ...BAD_SEGMENTS.map(([label, segment]) => ({
        label: `a meeting id with ${label}`,
        path: `/api/meetings/${segment}/workshop/notes`,
        body: { text: "Idea", columnId },
        cookie: cast.south.editor.cookie,
      })),
    ],
    successStatus: 201,
  },
  {
    name: "POST /api/partnerships from a template",
    path: () => "/api/partnerships",
    cookie: ({ cast }) => cast.north.admin.cookie,
    valid: ({ cast }) => ({
      name: "Templated Alliance",
      organizationId: cast.north.id,
      template: { id: "distribution", language: "fr" },
    }),
    required: ["name", "organizationId"],
    extra: ({ cast }) => {
      const at = (label: string, template: unknown): Case => ({
        label,
        path: "/api/partnerships",
        body: { name: "X", organizationId: cast.north.id, template },
        cookie: cast.north.admin.cookie,
      });
      return [
        at("an unknown template", { id: "merger", language: "en" }),
        at("a capitalized template id", { id: "Distribution", language: "en" }),
        at("a template id alone", "distribution"),
        at("a template without a language", { id: "distribution" }),
        at("a template without an id", { language: "en" }),
        at("a language no template is written in", { id: "distribution", language: "de" }),
        at("a language tag with a region", { id: "distribution", language: "fr-FR" }),
        at("a template with texts of its own", {
          id: "distribution",
          language: "en",
          charter: "Anything we like",
        }),
        at("a template id with a traversal", { id: "../distribution", language: "en" }),
        at("a 5000-character template id", { id: LONG, language: "en" }),
      ];
    },
    successStatus: 201,
  },
  {
    name: "POST /api/partnerships/:id/invitations with an e-mail",
    path: ({ cast }) => `/api/partnerships/${cast.partnershipId}/invitations`,
    cookie: ({ cast }) => cast.north.admin.cookie,
    valid: () => ({
      kind: "organization",
      role: "admin",
      email: "partner@west.example",
      language: "fr",
    }),
    required: ["kind", "role"],
    extra: ({ cast }) => {
      const at = (label: string, fields: Record<string, unknown>): Case => ({
        label,
        path: `/api/partnerships/${cast.partnershipId}/invitations`,
        body: { kind: "organization", role: "admin", ...fields },
        cookie: cast.north.admin.cookie,
      });
      return [
        at("an e-mail without @", { email: "partner.west.example" }),
        at("an e-mail with two @", { email: "partner@west@example" }),
        at("an empty e-mail", { email: "" }),
        at("two e-mails", { email: "a@west.example, b@west.example" }),
        at("an e-mail with a header injected", {
          email: "partner@west.example\r\nBcc: everyone@west.example",
        }),
        at("a 255-character e-mail", { email: `${"a".repeat(242)}@west.example` }),
        at("an unknown language", { email: "partner@west.example", language: "de" }),
        at("an upper-case language", { email: "partner@west.example", language: "EN" }),
        at("an empty language", { email: "partner@west.example", language: "" }),
      ];
    },
    successStatus: 201,
  },
  {
    name: "POST /api/invitations/:token/signup",
    path: ({ memberToken }) => `/api/invitations/${memberToken}/signup`,
    cookie: () => undefined,
    valid: () => ({ email: "invitee@example.test", password: PASSWORD, name: "Invitee" }),
    required: ["email", "password", "name"],
    extra: ({ cast, memberToken, organizationToken }) => {
      const path = `/api/invitations/${memberToken}/signup`;
      const body = { email: "invitee@example.test", password: PASSWORD, name: "Invitee" };
      return [
        {
          label: "an e-mail already taken",
          path,
          body: { ...body, email: cast.north.admin.email },
        },
        {
          label: "an e-mail taken in another case",
          path,
          body: { ...body, email: cast.north.admin.email.toUpperCase() },
        },
        { label: "a 7-character password", path, body: { ...body, password: "1234567" } },
        { label: "a blank name", path, body: { ...body, name: " \t\n" } },
        { label: "an e-mail without @", path, body: { ...body, email: "example.test" } },
        {
          label: "a 101-character organization name",
          path: `/api/invitations/${organizationToken}/signup`,
          body: { ...body, organizationName: "x".repeat(101) },
        },
        {
          label: "an organization invitation without an organization name",
          path: `/api/invitations/${organizationToken}/signup`,
          body,
        },
        {
          label: "an organization name that is not a string",
          path: `/api/invitations/${organizationToken}/signup`,
          body: { ...body, organizationName: { name: "Westbrook" } },
        },
        { label: "an unknown token", path: `/api/invitations/${UNKNOWN_TOKEN}/signup`, body },
        {
          label: "an upper-case token",
          path: `/api/invitations/${memberToken.toUpperCase()}/signup`,
          body,
        },
        ...BAD_SEGMENTS.map(([label, segment]) => ({
          label: `a token with ${label}`,
          path: `/api/invitations/${segment}/signup`,
          body,
        })),
      ];
    },
    successStatus: 201,
  },
  {
    name: "POST /api/partnerships/:id/invitations/:invitationId/revoke",
    path: ({ cast, memberInvitationId }) =>
      `/api/partnerships/${cast.partnershipId}/invitations/${memberInvitationId}/revoke`,
    cookie: ({ cast }) => cast.north.admin.cookie,
    valid: () => ({}),
    required: [],
    extra: ({ cast, east, memberInvitationId }) => {
      const base = `/api/partnerships/${cast.partnershipId}/invitations`;
      const path = `${base}/${memberInvitationId}/revoke`;
      const admin = cast.north.admin.cookie;
      return [
        {
          label: "an unknown invitation",
          path: `${base}/${"0".repeat(64)}/revoke`,
          body: {},
          cookie: admin,
        },
        {
          label: "an upper-case invitation id",
          path: `${base}/${memberInvitationId.toUpperCase()}/revoke`,
          body: {},
          cookie: admin,
        },
        {
          label: "an invitation id one digit short",
          path: `${base}/${memberInvitationId.slice(1)}/revoke`,
          body: {},
          cookie: admin,
        },
        {
          label: "a revoker named in the body",
          path,
          body: { revokedBy: east.admin.id },
          cookie: admin,
        },
        { label: "an editor caller", path, body: {}, cookie: cast.north.editor.cookie },
        { label: "the partner's admin", path, body: {}, cookie: cast.south.admin.cookie },
        { label: "a non-member caller", path, body: {}, cookie: east.admin.cookie },
        {
          label: "an unknown partnership",
          path: `/api/partnerships/nosuchpartnership/invitations/${memberInvitationId}/revoke`,
          body: {},
          cookie: admin,
        },
        ...BAD_SEGMENTS.map(([label, segment]) => ({
          label: `an invitation id with ${label}`,
          path: `${base}/${segment}/revoke`,
          body: {},
          cookie: admin,
        })),
      ];
    },
    successStatus: 200,
  },
  {
    name: "POST /api/me/calendar-feed",
    path: () => "/api/me/calendar-feed",
    cookie: ({ cast }) => cast.north.editor.cookie,
    valid: () => ({}),
    required: [],
    extra: ({ cast }) =>
      [
        ["userId", cast.north.admin.id],
        ["token", UNKNOWN_TOKEN],
        ["tokenHash", "0".repeat(64)],
        ["url", "https://evil.example/calendar.ics"],
        ["createdAt", "2020-01-01T00:00:00.000Z"],
        ["partnershipId", cast.partnershipId],
        ["organizationId", cast.south.id],
        ["feed", {}],
        ["revoke", true],
        ["id", "x"],
        ["name", HUGE.slice(0, 1000)],
      ].map(([field, value]) => ({
        label: `an unknown field ${field as string}`,
        path: "/api/me/calendar-feed",
        body: { [field as string]: value },
        cookie: cast.north.editor.cookie,
      })),
    successStatus: 201,
  },
  {
    name: "PUT /api/organizations/:id/sso",
    method: "PUT",
    path: ({ cast }) => `/api/organizations/${cast.north.id}/sso`,
    cookie: ({ cast }) => cast.north.admin.cookie,
    valid: ({ provider }) => ssoSettings(provider),
    required: ["issuer", "clientId", "clientSecret", "domains", "passwordSignIn"],
    extra: ({ cast, east, provider }) => {
      const path = `/api/organizations/${cast.north.id}/sso`;
      const admin = cast.north.admin.cookie;
      const at = (label: string, overrides: Record<string, unknown>, cookie = admin): Case => ({
        label,
        path,
        body: { ...ssoSettings(provider), ...overrides },
        cookie,
      });
      return [
        at("an http issuer off loopback", { issuer: "http://idp.example.com" }),
        at("an issuer with a query", { issuer: `${provider.issuer}?tenant=x` }),
        at("an issuer with a fragment", { issuer: `${provider.issuer}#x` }),
        at("a javascript: issuer", { issuer: "javascript:alert(1)" }),
        at("an issuer that is not a URL", { issuer: "our identity provider" }),
        at("a blank client id", { clientId: " " }),
        at("an empty client secret", { clientSecret: "" }),
        at("a 2001-character client secret", { clientSecret: "x".repeat(2001) }),
        at("no domain", { domains: [] }),
        at("a domain twice", { domains: ["example.test", "EXAMPLE.test"] }),
        at("a domain with a trailing dot", { domains: ["example.test."] }),
        at("a single-label domain", { domains: ["localhost"] }),
        at("a domain with a path", { domains: ["example.test/x"] }),
        at("a domain no admin has an e-mail at", { domains: ["elsewhere.example"] }),
        at("21 domains", {
          domains: Array.from({ length: 21 }, (_, i) => `d${i}.example.test`),
        }),
        at("password sign-in off before any admin signed in", { passwordSignIn: false }),
        at("a password sign-in as a string", { passwordSignIn: "false" }),
        at("a viewer of the organization", {}, cast.north.viewer.cookie),
        at("the partner's admin", {}, cast.south.admin.cookie),
        at("an admin of another organization", {}, east.admin.cookie),
        {
          label: "an unknown organization",
          path: "/api/organizations/nosuchorganization/sso",
          body: ssoSettings(provider),
          cookie: admin,
        },
        ...BAD_SEGMENTS.map(([label, segment]) => ({
          label: `an organization id with ${label}`,
          path: `/api/organizations/${segment}/sso`,
          body: ssoSettings(provider),
          cookie: admin,
        })),
      ];
    },
    successStatus: 200,
  },
  {
    name: "POST /api/auth/sso/start",
    path: () => "/api/auth/sso/start",
    cookie: () => undefined,
    valid: ({ cast }) => ({ email: cast.north.viewer.email, next: "/settings/notifications" }),
    required: ["email"],
    prepare: async ({ harness, cast, provider }) => {
      const connected = await harness.request("PUT", `/api/organizations/${cast.north.id}/sso`, {
        body: ssoSettings(provider),
        cookie: cast.north.admin.cookie,
      });
      expect(connected.status, JSON.stringify(connected.body)).toBe(200);
    },
    extra: ({ cast }) => {
      const at = (label: string, body: unknown): Case => ({
        label,
        path: "/api/auth/sso/start",
        body,
      });
      const email = cast.north.viewer.email;
      return [
        at("an e-mail at a domain no organization signs in", {
          email: "someone@elsewhere.example",
        }),
        at("an e-mail without @", { email: "example.test" }),
        at("an empty e-mail", { email: "" }),
        at("a next on another host", { email, next: "//evil.example/" }),
        at("a next with a backslash host", { email, next: "/\\evil.example" }),
        at("an absolute next", { email, next: "https://evil.example/" }),
        at("a javascript: next", { email, next: "javascript:alert(1)" }),
        at("an empty next", { email, next: "" }),
        at("a 2001-character next", { email, next: `/${"x".repeat(2000)}` }),
      ];
    },
    successStatus: 200,
  },
  {
    name: "POST /api/partnerships/:id/meetings with a time zone, place and video link",
    path: ({ cast }) => `/api/partnerships/${cast.partnershipId}/meetings`,
    cookie: ({ cast }) => cast.south.editor.cookie,
    valid: () => ({
      title: "Launch review",
      kind: "steering_committee",
      level: "strategic",
      startsAt: "2027-03-01T09:00:00.000Z",
      durationMinutes: 60,
      ...MEETING_PLACE,
    }),
    required: ["title", "kind", "level", "startsAt", "durationMinutes"],
    accepted: { videoUrl: [null] },
    extra: ({ cast }) => {
      const at = (label: string, fields: Record<string, unknown>): Case => ({
        label,
        path: `/api/partnerships/${cast.partnershipId}/meetings`,
        body: {
          title: "X",
          kind: "workshop",
          level: "operational",
          startsAt: "2027-03-01T09:00:00.000Z",
          durationMinutes: 60,
          ...fields,
        },
        cookie: cast.south.editor.cookie,
      });
      return meetingPlaceCases(at);
    },
    successStatus: 201,
  },
  {
    name: "PATCH /api/meetings/:meetingId with a time zone, place and video link",
    method: "PATCH",
    path: ({ meetingId }) => `/api/meetings/${meetingId}`,
    cookie: ({ cast }) => cast.north.admin.cookie,
    valid: () => MEETING_PLACE,
    required: [],
    accepted: { videoUrl: [null] },
    extra: ({ cast, meetingId }) => {
      const at = (label: string, fields: Record<string, unknown>): Case => ({
        label,
        path: `/api/meetings/${meetingId}`,
        body: fields,
        cookie: cast.north.admin.cookie,
      });
      return [
        ...meetingPlaceCases(at),
        {
          label: "a viewer",
          path: `/api/meetings/${meetingId}`,
          body: MEETING_PLACE,
          cookie: cast.north.viewer.cookie,
        },
        ...BAD_SEGMENTS.map(([label, segment]) => ({
          label: `a meeting id with ${label}`,
          path: `/api/meetings/${segment}`,
          body: MEETING_PLACE,
          cookie: cast.north.admin.cookie,
        })),
      ];
    },
    successStatus: 200,
  },
];

describe("input validation of mutating endpoints", () => {
  let harness: ApiHarness;
  let ctx: Context;
  let provider: OidcTestProvider;

  beforeAll(async () => {
    provider = await OidcTestProvider.start({
      redirectUri: `${TEST_ORIGIN}/api/auth/sso/callback`,
    });
  });

  afterAll(async () => {
    await provider.close();
  });

  beforeEach(async () => {
    harness = await ApiHarness.create();
    const cast = await harness.twoOrganizationPartnership();
    const eastAdmin = await harness.signup("East Admin");
    const eastId = await harness.createOrganization(eastAdmin, "Eastgate");
    const organizationToken = await harness.invite(cast.north.admin, cast.partnershipId, {
      kind: "organization",
      role: "admin",
    });
    // An empty charter cannot be endorsed (409): give the endorsement something to agree on.
    await changeDocument(
      harness.store,
      formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId }),
      (doc) => writeCharterContent(doc, paragraph("Purpose: low-carbon cold chains.")),
    );
    await harness.approve(cast.south.admin, cast.partnershipId, organizationToken);
    let decisionId = "";
    await changeDocument(
      harness.store,
      formatDocumentName({ kind: "decisions", partnershipId: cast.partnershipId }),
      (doc) => {
        decisionId = addDecision(
          doc,
          { title: "Share the fleet", governanceLevel: "strategic" },
          { userId: cast.north.admin.id, organizationId: cast.north.id },
        );
      },
    );
    const created = await harness.request(
      "POST",
      `/api/partnerships/${cast.partnershipId}/meetings`,
      {
        cookie: cast.north.admin.cookie,
        body: {
          title: "Route planning workshop",
          kind: "workshop",
          level: "operational",
          startsAt: "2026-12-02T13:00:00.000Z",
          durationMinutes: 120,
        },
      },
    );
    const meetingId = (created.body as { meeting: { id: string } }).meeting.id;
    const board = await harness.request("PUT", `/api/meetings/${meetingId}/workshop/columns`, {
      cookie: cast.north.admin.cookie,
      body: { columns: [{ title: "Ideas" }] },
    });
    const columnId = (board.body as { workshop: { columns: { id: string }[] } }).workshop
      .columns[0]!.id;
    const memberToken = await harness.invite(cast.north.admin, cast.partnershipId, {
      kind: "member",
      role: "viewer",
    });
    ctx = {
      harness,
      provider,
      memberToken,
      memberInvitationId: SessionService.idOf(memberToken),
      meetingId,
      columnId,
      decisionId,
      cast,
      east: { admin: eastAdmin, id: eastId },
      loner: await harness.signup("Loner"),
      organizationToken,
    };
  });

  afterEach(async () => {
    await harness.close();
  });

  /** Row counts of every table, and how many invitations were used. */
  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*) as n from ${sql.table(table)}`.execute(harness.store.db);
      counts[table] = Number(rows[0]?.n);
    }
    const used = await harness.store.db
      .selectFrom("invitations")
      .select("id")
      .where("accepted_at", "is not", null)
      .execute();
    counts["used invitations"] = used.length;
    return counts;
  }

  /** Row counts, and the whole rows of the tables an update could change. */
  async function fullSnapshot(): Promise<Record<string, unknown>> {
    const contents: Record<string, unknown> = await snapshot();
    for (const table of CONTENT_TABLES) {
      const rows = await harness.store.db.selectFrom(table).selectAll().execute();
      contents[`${table} rows`] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return contents;
  }

  function expectErrorContract(label: string, body: unknown): void {
    expect(body, label).toEqual({
      error: expect.objectContaining({
        code: expect.any(String),
        message: expect.stringMatching(/\S/),
      }),
    });
    const error = (body as { error: Record<string, unknown> }).error;
    expect(Object.values(ErrorCode), label).toContain(error.code);
    expect(
      Object.keys(error).filter((k) => !["code", "message", "details"].includes(k)),
      label,
    ).toEqual([]);
  }

  it.each(ENDPOINTS)(
    "$name answers every bad request with a 4xx error and writes nothing",
    async (endpoint) => {
      await endpoint.prepare?.(ctx);
      const method = endpoint.method ?? "POST";
      const cases = [...genericCases(endpoint, ctx), ...endpoint.extra(ctx)];
      expect(cases.length).toBeGreaterThan(20);

      for (const testCase of cases) {
        const label = `${endpoint.name} with ${testCase.label}`;
        const before = await fullSnapshot();

        const response = await harness.request(method, testCase.path, {
          body: testCase.body,
          cookie: testCase.cookie,
        });

        expect(response.status, label).toBeGreaterThanOrEqual(400);
        expect(response.status, label).toBeLessThan(500);
        // A signed-in caller must get past authentication: the input is what fails.
        if (testCase.cookie) expect(response.status, label).not.toBe(401);
        expectErrorContract(label, response.body);
        expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
        expect(await fullSnapshot(), label).toEqual(before);
      }

      // The same endpoint accepts the valid request, and the snapshot sees its writes.
      const before = await fullSnapshot();
      const cookie = endpoint.cookie(ctx);
      const ok = await harness.request(method, endpoint.path(ctx), {
        body: endpoint.valid(ctx),
        cookie,
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(endpoint.successStatus);
      expect(await fullSnapshot()).not.toEqual(before);
    },
  );

  it("POST /api/auth/logout ignores any body under the size limit, answers 204 and writes nothing without a session", async () => {
    const bodies: unknown[] = [null, [], "{", "[".repeat(5000)];
    for (const body of bodies) {
      const before = await snapshot();

      const response = await harness.request("POST", "/api/auth/logout", { body });

      expect(response.status).toBe(204);
      expect(await snapshot()).toEqual(before);
    }
    // Over the 64 KiB limit every route answers 413 before reading further.
    for (const body of [HUGE, { padding: HUGE }]) {
      const response = await harness.request("POST", "/api/auth/logout", { body });
      expect(response.status).toBe(413);
      expectErrorContract("logout huge body", response.body);
    }
    expect(harness.endedSessions).toEqual([]);
  });

  it("answers 401 to every authenticated mutating endpoint without a session, writing nothing", async () => {
    for (const endpoint of ENDPOINTS.filter((e) => e.cookie(ctx) !== undefined)) {
      const before = await fullSnapshot();

      const response = await harness.request(endpoint.method ?? "POST", endpoint.path(ctx), {
        body: endpoint.valid(ctx),
      });

      expect(response.status, endpoint.name).toBe(401);
      expect(response.body, endpoint.name).toEqual({
        error: { code: "unauthorized", message: expect.any(String) },
      });
      expect(await fullSnapshot(), endpoint.name).toEqual(before);
    }
  });

  it("GET /api/search answers every malformed query with a 400 error and writes nothing", async () => {
    const { cast, east } = ctx;
    const cookie = cast.north.editor.cookie;
    const queries: [string, string][] = [
      ["no query", ""],
      ["no q", `partnershipId=${cast.partnershipId}`],
      ["an empty q", "q="],
      ["a blank q", "q=%20%09%0A"],
      [`a ${SEARCH_QUERY_MAX + 1}-character q`, `q=${"x".repeat(SEARCH_QUERY_MAX + 1)}`],
      ["a 100k-character q", `q=${HUGE}`],
      ["an unknown parameter", "q=fleet&limit=1000"],
      ["a user id to search as", `q=fleet&userId=${east.admin.id}`],
      ["an empty partnershipId", "q=fleet&partnershipId="],
      ...BAD_SEGMENTS.map(([label, segment]): [string, string] => [
        `a partnershipId with ${label}`,
        `q=fleet&partnershipId=${segment}`,
      ]),
    ];
    for (const [label, query] of queries) {
      const before = await fullSnapshot();

      const response = await harness.request("GET", `/api/search?${query}`, { cookie });

      expect(response.status, label).toBe(400);
      expectErrorContract(label, response.body);
      expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
      expect(await fullSnapshot(), label).toEqual(before);
    }

    // Odd but well-formed words are searched for or refused, never a server error.
    const odd: [string, string][] = [
      ["a NUL byte", "q=fleet%00"],
      ["broken percent-encoding", "q=%E0%A4%A"],
      ["SQL", `q=${encodeURIComponent("' OR 1=1 --")}`],
      ["full-text operators", `q=${encodeURIComponent("fleet:* & !(x | ) <-> \\")}`],
      ["FTS5 syntax", `q=${encodeURIComponent('NEAR("a" "b") * ^ OR AND NOT "')}`],
      ["HTML", `q=${encodeURIComponent("<script>alert(1)</script>")}`],
      ["q given twice", "q=fleet&q=cold"],
    ];
    for (const [label, query] of odd) {
      const before = await fullSnapshot();

      const response = await harness.request("GET", `/api/search?${query}`, { cookie });

      expect([200, 400], `${label}: ${JSON.stringify(response.body)}`).toContain(response.status);
      if (response.status === 400) expectErrorContract(label, response.body);
      else expect(response.body, label).toEqual({ results: expect.any(Array) });
      expect(await fullSnapshot(), label).toEqual(before);
    }

    // Without a session: 401, whatever the query.
    const anonymous = await harness.request("GET", "/api/search?q=fleet");
    expect(anonymous.status).toBe(401);
    expectErrorContract("search without a session", anonymous.body);

    // The same caller's well-formed query is answered.
    const ok = await harness.request(
      "GET",
      `/api/search?q=fleet&partnershipId=${cast.partnershipId}`,
      { cookie },
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ results: expect.any(Array) });
  });
});
