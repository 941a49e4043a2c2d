import { ErrorCode } from "@entente/protocol";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatDocumentName } from "@entente/domain";
import { writeCharterContent } from "@entente/editor";
import { addDecision } from "@entente/schema";
import { ApiHarness, type TestUser } from "../test/api-harness.js";
import { changeDocument } from "../test/document-writes.js";

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
  /** A decision proposed in the partnership's decisions document. */
  decisionId: string;
  /** A workshop meeting of the partnership, facilitated by North's admin, and its column. */
  meetingId: string;
  columnId: string;
}

interface Case {
  label: string;
  path: string;
  /** JSON-encoded unless a string, which is sent as is. */
  body?: unknown;
  cookie?: string;
}

interface Endpoint {
  name: string;
  path(ctx: Context): string;
  /** Cookie of a caller who may use the endpoint (undefined: no session needed). */
  cookie(ctx: Context): string | undefined;
  /** A body that succeeds; every generic case is this body broken in one way. */
  valid(ctx: Context): Record<string, unknown>;
  required: string[];
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
] as const;

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
    // 123 is a right type for a number field (a meeting's duration): not a wrong input there.
    const wrongs =
      typeof valid[key] === "number" ? WRONG_TYPES.filter((w) => w !== 123) : WRONG_TYPES;
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
];

describe("input validation of mutating endpoints", () => {
  let harness: ApiHarness;
  let ctx: Context;

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
    ctx = {
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
      const cases = [...genericCases(endpoint, ctx), ...endpoint.extra(ctx)];
      expect(cases.length).toBeGreaterThan(20);

      for (const testCase of cases) {
        const label = `${endpoint.name} with ${testCase.label}`;
        const before = await snapshot();

        const response = await harness.request("POST", testCase.path, {
          body: testCase.body,
          cookie: testCase.cookie,
        });

        expect(response.status, label).toBeGreaterThanOrEqual(400);
        expect(response.status, label).toBeLessThan(500);
        // A signed-in caller must get past authentication: the input is what fails.
        if (testCase.cookie) expect(response.status, label).not.toBe(401);
        expectErrorContract(label, response.body);
        expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
        expect(await snapshot(), label).toEqual(before);
      }

      // The same endpoint accepts the valid request, and the snapshot sees its writes.
      const before = await snapshot();
      const cookie = endpoint.cookie(ctx);
      const ok = await harness.request("POST", endpoint.path(ctx), {
        body: endpoint.valid(ctx),
        cookie,
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(endpoint.successStatus);
      expect(await snapshot()).not.toEqual(before);
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
      const before = await snapshot();

      const response = await harness.request("POST", endpoint.path(ctx), {
        body: endpoint.valid(ctx),
      });

      expect(response.status, endpoint.name).toBe(401);
      expect(response.body, endpoint.name).toEqual({
        error: { code: "unauthorized", message: expect.any(String) },
      });
      expect(await snapshot(), endpoint.name).toEqual(before);
    }
  });
});
