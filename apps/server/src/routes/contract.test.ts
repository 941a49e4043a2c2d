import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT, charterAnchorFromTextRange, writeCharterContent } from "@entente/editor";
import {
  apiRoutes,
  type PathParams,
  type RouteBody,
  type RouteName,
  type RouteQuery,
  type RouteResponse,
} from "@entente/protocol/schemas";
import {
  addContribution,
  addDecision,
  addKpi,
  addObjective,
  removeObjective,
} from "@entente/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SessionService } from "../auth/sessions.js";
import { ApiHarness, sessionCookieFrom, TEST_ORIGIN, type TestUser } from "../test/api-harness.js";
import { changeDocument, changeObservedDocument } from "../test/document-writes.js";
import { OidcTestProvider } from "../test/oidc-test-provider.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

/** A query string as the web client writes it: fields left undefined out, a list field repeated. */
function searchOf(query: Readonly<Record<string, unknown>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const one of values) {
      if (typeof one === "string" || typeof one === "number" || typeof one === "boolean")
        params.append(name, String(one));
    }
  }
  return params.size > 0 ? `?${params.toString()}` : "";
}

/**
 * The route table of @entente/protocol/schemas held to what the server answers: every route
 * is called on a real partnership, and its answer must parse with the route's response schema
 * (strict objects: a field renamed, missing or added on one side fails here).
 */
describe("the API contract (apiRoutes)", () => {
  let harness: ApiHarness;
  let cast: Cast;
  let provider: OidcTestProvider;
  const called = new Set<RouteName>();

  beforeAll(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
    provider = await OidcTestProvider.start({
      redirectUri: `${TEST_ORIGIN}/api/auth/sso/callback`,
    });
  });

  afterAll(async () => {
    await provider.close();
    await harness.close();
  });

  /**
   * Calls `route` as `user` (with `query` as its query string, if given) and parses its
   * answer with the route's response schema.
   */
  async function call<Route extends RouteName>(
    route: Route,
    user: TestUser | undefined,
    params: PathParams<Route>,
    body?: RouteBody<Route>,
    status = 200,
    query?: RouteQuery<Route>,
  ): Promise<{ answer: RouteResponse<Route>; headers: Headers }> {
    const space = route.indexOf(" ");
    const values: Readonly<Record<string, string>> = params;
    const search = query === undefined ? "" : searchOf(query);
    const path =
      route
        .slice(space + 1)
        .replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? "")) +
      search;
    const response = await harness.request(route.slice(0, space), path, {
      body,
      cookie: user?.cookie,
    });
    expect(response.status, `${route}: ${JSON.stringify(response.body)}`).toBe(status);
    const parsed = apiRoutes[route].response.safeParse(response.body);
    expect(parsed.error?.issues, route).toBeUndefined();
    called.add(route);
    return { answer: parsed.data as RouteResponse<Route>, headers: response.headers };
  }

  it("answers accounts and sessions as their schemas say", async () => {
    const account = { email: "contract@example.test", password: "correct horse battery" };
    await call("POST /api/auth/signup", undefined, {}, { ...account, name: "Contract" }, 201);
    const { answer, headers } = await call("POST /api/auth/login", undefined, {}, account);
    const user = { ...answer.user, cookie: sessionCookieFrom(headers) };
    await call("GET /api/me", user, {});
    await call("GET /api/me", cast.north.editor, {});
    await call("POST /api/auth/logout", user, {}, undefined, 204);
  });

  it("answers the user's own settings as their schemas say", async () => {
    const user = cast.south.editor;
    const partnershipId = cast.partnershipId;
    await call("GET /api/me/notification-preferences", user, {});
    await call(
      "PUT /api/me/notification-preferences",
      user,
      {},
      { language: "fr", digests: [{ partnershipId, frequency: "weekly" }] },
    );
    await call("GET /api/me/landing-pages/:partnershipId", user, { partnershipId });
    await call(
      "PUT /api/me/landing-pages/:partnershipId",
      user,
      { partnershipId },
      { landingPage: "dashboard" },
    );
  });

  it("answers single sign-on as its schemas say", async () => {
    const admin = cast.north.admin;
    const organization = { id: cast.north.id };
    await call("GET /api/organizations/:id/sso", admin, organization);
    await call("PUT /api/organizations/:id/sso", admin, organization, {
      issuer: provider.issuer,
      clientId: provider.client.clientId,
      clientSecret: provider.client.clientSecret,
      domains: ["example.test"],
      passwordSignIn: true,
    });
    await call("GET /api/organizations/:id/sso", admin, organization);
    await call(
      "POST /api/auth/sso/start",
      undefined,
      {},
      { email: "someone@example.test", next: "/settings/notifications" },
    );
    await call("DELETE /api/organizations/:id/sso", admin, organization, undefined, 204);
  });

  it("answers organizations, partnerships and invitations as their schemas say", async () => {
    const { partnershipId } = cast;
    const admin = await harness.signup("Contract Admin");
    const { answer: made } = await call(
      "POST /api/organizations",
      admin,
      {},
      { name: "Eastgate" },
      201,
    );
    await call(
      "POST /api/partnerships",
      admin,
      {},
      { name: "East alone", organizationId: made.organization.id },
      201,
    );
    await call("GET /api/partnerships/:id", cast.south.viewer, { id: partnershipId });

    // An organization invitation, e-mailed (no SMTP here: the answer says why none went out).
    const { answer: invited } = await call(
      "POST /api/partnerships/:id/invitations",
      cast.north.admin,
      { id: partnershipId },
      { kind: "organization", role: "admin", email: "east@example.test" },
      201,
    );
    const token = invited.invitation.token;
    await call("GET /api/invitations/:token", admin, { token });
    await call("GET /api/partnerships/:id/organization-invitations", cast.south.admin, {
      id: partnershipId,
    });
    await call(
      "POST /api/partnerships/:id/organization-invitations/:invitationId/approve",
      cast.south.admin,
      { id: partnershipId, invitationId: SessionService.idOf(token) },
    );
    await call(
      "POST /api/invitations/:token/accept",
      admin,
      { token },
      { organizationId: made.organization.id },
    );

    const member = await harness.invite(cast.north.admin, partnershipId, {
      kind: "member",
      role: "viewer",
    });
    await call(
      "POST /api/invitations/:token/signup",
      undefined,
      { token: member },
      { email: "new.member@example.test", password: "correct horse battery", name: "New" },
      201,
    );
    const revoked = await harness.invite(cast.north.admin, partnershipId, {
      kind: "member",
      role: "editor",
    });
    await call(
      "POST /api/partnerships/:id/invitations/:invitationId/revoke",
      cast.north.admin,
      { id: partnershipId, invitationId: SessionService.idOf(revoked) },
      {},
    );
    const { answer: sent } = await call("GET /api/partnerships/:id/invitations", cast.north.admin, {
      id: partnershipId,
    });
    expect(sent.invitations.map((invitation) => invitation.status)).toEqual(
      expect.arrayContaining(["used", "revoked"]),
    );
  });

  it("answers charter endorsements and decision votes as their schemas say", async () => {
    // A partnership of its own: two organizations, so that two approvals decide.
    const cast = await harness.twoOrganizationPartnership();
    const { partnershipId } = cast;
    await changeDocument(
      harness.store,
      formatDocumentName({ kind: "charter", partnershipId }),
      (doc) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText("Purpose: low-carbon cold chains.")]);
        doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph]);
      },
    );
    const { answer } = await call("GET /api/partnerships/:id/charter/status", cast.north.viewer, {
      id: partnershipId,
    });
    const id = { id: partnershipId };
    await call(
      "POST /api/partnerships/:id/charter/endorsements",
      cast.north.admin,
      id,
      {
        version: answer.status.version,
      },
      201,
    );
    await call("POST /api/partnerships/:id/charter/endorsements", cast.south.admin, id, {}, 201);
    await call("GET /api/partnerships/:id/charter/status", cast.south.viewer, id);

    let decisionId = "";
    await changeDocument(
      harness.store,
      formatDocumentName({ kind: "decisions", partnershipId }),
      (doc) => {
        decisionId = addDecision(
          doc,
          { title: "Share the fleet", governanceLevel: "strategic" },
          { userId: cast.north.admin.id, organizationId: cast.north.id },
        );
      },
    );
    const decision = { id: partnershipId, decisionId };
    await call(
      "POST /api/partnerships/:id/decisions/:decisionId/votes",
      cast.north.editor,
      decision,
      {
        vote: "approve",
        comment: "Fine by us.",
      },
      201,
    );
    await call("GET /api/partnerships/:id/decisions/votes", cast.north.viewer, id);
    // Decided: the answer carries the content agreed (the optional `agreed`).
    await call(
      "POST /api/partnerships/:id/decisions/:decisionId/votes",
      cast.south.admin,
      decision,
      { vote: "approve" },
      201,
    );
    const { answer: votes } = await call(
      "GET /api/partnerships/:id/decisions/votes",
      cast.south.viewer,
      id,
    );
    expect(votes.decisions[decisionId]?.agreed?.title).toBe("Share the fleet");
  });

  it("answers two-key KPI targets as their schemas say", async () => {
    const cast = await harness.twoOrganizationPartnership();
    const { partnershipId } = cast;
    const creator = { userId: cast.north.editor.id, organizationId: cast.north.id };
    let kpiId = "";
    await changeDocument(
      harness.store,
      formatDocumentName({ kind: "objectives", partnershipId }),
      (doc) => {
        const shared = addObjective(
          doc,
          {
            title: "Cut empty kilometres",
            ownerOrganizationIds: [cast.north.id, cast.south.id],
            governanceLevel: "strategic",
          },
          creator,
        );
        kpiId = addKpi(
          doc,
          shared,
          { name: "Load factor", unit: "%", target: 40, direction: "increase" },
          creator,
        );
      },
      creator,
    );
    const kpi = { id: partnershipId, kpiId };
    const route = "POST /api/partnerships/:id/kpis/:kpiId/target-proposals";
    const { answer: first } = await call(route, cast.north.editor, kpi, { target: 55 }, 201);
    await call(
      "POST /api/partnerships/:id/kpis/:kpiId/target-proposals/:proposalId/agree",
      cast.south.editor,
      { ...kpi, proposalId: first.proposal.id },
      {},
    );
    const { answer: second } = await call(
      route,
      cast.south.editor,
      kpi,
      { target: 60, note: "Next year." },
      201,
    );
    await call("GET /api/partnerships/:id/kpis/targets", cast.north.viewer, { id: partnershipId });
    await call(
      "POST /api/partnerships/:id/kpis/:kpiId/target-proposals/:proposalId/withdraw",
      cast.south.editor,
      { ...kpi, proposalId: second.proposal.id },
      {},
    );
  });

  it("answers the records of entries and the trash as their schemas say", async () => {
    const cast = await harness.twoOrganizationPartnership();
    const { partnershipId } = cast;
    const north = { userId: cast.north.editor.id, organizationId: cast.north.id };
    const objectives = formatDocumentName({ kind: "objectives", partnershipId });
    // As a live room records them: the server's records are written by its observer.
    const edit = (name: string, change: (doc: Y.Doc) => void) =>
      changeObservedDocument(harness.store, harness.services.records, name, change, north);
    let objectiveId = "";
    await edit(objectives, (doc) => {
      objectiveId = addObjective(
        doc,
        {
          title: "Share the depots",
          ownerOrganizationIds: [cast.north.id],
          governanceLevel: "operational",
        },
        north,
      );
    });
    await edit(objectives, (doc) => void removeObjective(doc, objectiveId));
    const history = "GET /api/partnerships/:id/history/:documentKind/:entryId";
    const { answer: changes } = await call(history, cast.south.viewer, {
      id: partnershipId,
      documentKind: "objectives",
      entryId: objectiveId,
    });
    expect(changes.changes.map((change) => change.kind)).toEqual(["deleted", "created"]);
    const profile = formatDocumentName({
      kind: "profile",
      partnershipId,
      organizationId: cast.north.id,
    });
    let contributionId = "";
    await edit(profile, (doc) => {
      contributionId = addContribution(
        doc,
        { kind: "funding", description: "Pilot budget", unit: "EUR" },
        north,
      );
    });
    await call(
      history,
      cast.north.viewer,
      { id: partnershipId, documentKind: "profile", entryId: contributionId },
      undefined,
      200,
      { organizationId: cast.north.id },
    );
    const id = { id: partnershipId };
    await call("GET /api/partnerships/:id/deleted-objectives", cast.south.viewer, id);
    const { answer: trash } = await call("GET /api/partnerships/:id/trash", cast.north.editor, id);
    const [kept] = trash.entries;
    expect(kept?.title).toBe("Share the depots");
    await call(
      "POST /api/partnerships/:id/trash/:trashId/restore",
      cast.north.editor,
      { id: partnershipId, trashId: kept?.id ?? "" },
      undefined,
      201,
    );
  });

  describe("meetings, workshops, health checks, onboarding and calendar feeds", () => {
    const hour = 60 * 60 * 1000;

    it("answers meetings, their agenda and the rhythm as their schemas say", async () => {
      const cast = await harness.twoOrganizationPartnership();
      const id = { id: cast.partnershipId };
      // Started an hour ago, so that its items can be signed off.
      const { answer: created } = await call(
        "POST /api/partnerships/:id/meetings",
        cast.north.editor,
        id,
        {
          title: "Steering committee",
          kind: "steering_committee",
          level: "strategic",
          startsAt: new Date(Date.now() - hour).toISOString(),
          durationMinutes: 90,
          timeZone: "Europe/Paris",
          videoUrl: "https://meet.example.test/steering",
          agenda: [
            { title: "Budget", ownerOrganizationId: cast.north.id, timeboxMinutes: 20 },
            { title: "Hiring", ownerOrganizationId: cast.south.id, timeboxMinutes: 10 },
          ],
        },
        201,
      );
      const meeting = { meetingId: created.meeting.id };
      await call("GET /api/meetings/:meetingId", cast.south.viewer, meeting);
      await call("PATCH /api/meetings/:meetingId", cast.north.editor, meeting, { place: "Lyon" });
      const { answer: added } = await call(
        "POST /api/meetings/:meetingId/agenda-items",
        cast.south.editor,
        meeting,
        { title: "Next steps", ownerOrganizationId: cast.south.id, timeboxMinutes: 5 },
        201,
      );
      const [signed, , last] = added.meeting.agenda;
      await call(
        "PATCH /api/agenda-items/:itemId",
        cast.south.editor,
        { itemId: last?.id ?? "" },
        { timeboxMinutes: 15, position: 0 },
      );
      const item = { itemId: signed?.id ?? "" };
      await call("POST /api/agenda-items/:itemId/sign-off", cast.north.editor, item, {
        version: signed?.version,
      });
      await call("POST /api/agenda-items/:itemId/sign-off", cast.south.editor, item, {});
      // A signed item deleted: kept, with what was signed, among the list's deleted items.
      await call("DELETE /api/agenda-items/:itemId", cast.north.editor, item);
      const next = await call(
        "POST /api/partnerships/:id/meetings",
        cast.south.editor,
        id,
        {
          title: "Next steering committee",
          kind: "steering_committee",
          level: "strategic",
          startsAt: new Date(Date.now() + 24 * hour).toISOString(),
          durationMinutes: 60,
        },
        201,
      );
      await call("PUT /api/partnerships/:id/rhythm", cast.north.admin, id, {
        levels: [
          { level: "strategic", intervalDays: 90 },
          { level: "tactical", intervalDays: null },
        ],
      });
      await call("GET /api/partnerships/:id/rhythm", cast.south.viewer, id);
      const { answer: list } = await call(
        "GET /api/partnerships/:id/meetings",
        cast.north.viewer,
        id,
      );
      expect(list.deletedSignedItems.map((deleted) => deleted.itemId)).toEqual([item.itemId]);
      await call(
        "DELETE /api/meetings/:meetingId",
        cast.south.editor,
        { meetingId: next.answer.meeting.id },
        undefined,
        204,
      );
    });

    it("answers a workshop's board as its schemas say", async () => {
      const cast = await harness.twoOrganizationPartnership();
      const facilitator = cast.north.editor;
      const { answer: created } = await call(
        "POST /api/partnerships/:id/meetings",
        facilitator,
        { id: cast.partnershipId },
        {
          title: "Retrospective",
          kind: "workshop",
          level: "operational",
          startsAt: new Date(Date.now() + hour).toISOString(),
          durationMinutes: 120,
        },
        201,
      );
      const meeting = { meetingId: created.meeting.id };
      await call("GET /api/meetings/:meetingId/workshop", cast.south.viewer, meeting);
      const { answer: board } = await call(
        "PUT /api/meetings/:meetingId/workshop/columns",
        facilitator,
        meeting,
        { columns: [{ title: "Went well" }, { title: "To improve" }] },
      );
      const [well, improve] = board.workshop.columns;
      const addNote = async (user: TestUser, text: string, columnId = well?.id ?? "") => {
        const { answer } = await call(
          "POST /api/meetings/:meetingId/workshop/notes",
          user,
          meeting,
          { text, columnId },
          201,
        );
        return answer.workshop.notes.find((note) => note.text === text)?.id ?? "";
      };
      const first = await addNote(facilitator, "Shared depots");
      const second = await addNote(cast.south.editor, "Weekly calls");
      const third = await addNote(cast.south.editor, "Slow customs", improve?.id);
      const fourth = await addNote(cast.north.admin, "Too many tools", improve?.id);
      // Private phase: the facilitator sees how many notes the others still hide.
      const { answer: hidden } = await call(
        "PATCH /api/workshop-notes/:noteId",
        facilitator,
        { noteId: first },
        { text: "Shared depots in Lyon" },
      );
      expect(hidden.workshop.hidden).toContainEqual({ organizationId: cast.south.id, count: 2 });
      await call("PUT /api/meetings/:meetingId/workshop/phase", facilitator, meeting, {
        phase: "revealed",
      });
      const group = async (title: string, noteIds: string[]) => {
        const { answer } = await call(
          "POST /api/meetings/:meetingId/workshop/groups",
          facilitator,
          meeting,
          { title, noteIds },
          201,
        );
        return answer.workshop.groups.find((found) => found.title === title)?.id ?? "";
      };
      const kept = { groupId: await group("Working together", [first, second]) };
      const dropped = { groupId: await group("Tools", [fourth]) };
      await call("PATCH /api/workshop-groups/:groupId", facilitator, kept, {
        title: "Working well together",
      });
      await call("DELETE /api/workshop-groups/:groupId", facilitator, dropped);
      await call("DELETE /api/workshop-notes/:noteId", cast.north.admin, { noteId: fourth });
      const timer = "POST /api/meetings/:meetingId/workshop/timer";
      await call(timer, facilitator, meeting, { action: "start", durationSeconds: 300 });
      await call(timer, facilitator, meeting, { action: "pause" });
      const vote = "POST /api/meetings/:meetingId/workshop/vote";
      await call(vote, facilitator, meeting, { action: "open", votesPerPerson: 3 });
      await call("PUT /api/meetings/:meetingId/workshop/my-votes", cast.south.editor, meeting, {
        votes: { [kept.groupId]: 2, [third]: 1 },
      });
      const { answer: closed } = await call(vote, facilitator, meeting, { action: "close" });
      expect(closed.workshop.vote.status).toBe("closed");
      await call(
        "POST /api/workshop-notes/:noteId/convert",
        cast.south.editor,
        { noteId: third },
        { kind: "issue", ownerOrganizationId: cast.south.id },
        201,
      );
      await call(
        "POST /api/workshop-groups/:groupId/convert",
        facilitator,
        kept,
        { kind: "decision", level: "strategic", title: "Share the depots" },
        201,
      );
    });

    it("answers health checks as their schemas say", async () => {
      const cast = await harness.twoOrganizationPartnership();
      const id = { id: cast.partnershipId };
      const { answer: opened } = await call(
        "POST /api/partnerships/:id/health-checks",
        cast.north.admin,
        id,
        { title: "Spring check", minRespondents: 2 },
        201,
      );
      const cycle = { healthCheckId: opened.healthCheck.id };
      const ratings = Object.fromEntries(
        opened.healthCheck.dimensions.map((dimension) => [dimension.key, 4]),
      );
      for (const user of [cast.north.admin, cast.north.editor]) {
        await call(
          "POST /api/health-checks/:healthCheckId/responses",
          user,
          cycle,
          { ratings, comment: "Steady." },
          201,
        );
      }
      await call(
        "POST /api/health-checks/:healthCheckId/responses",
        cast.south.viewer,
        cycle,
        { ratings },
        201,
      );
      await call("GET /api/health-checks/:healthCheckId", cast.south.viewer, cycle);
      // Closed: North's results show (two answers), South's stay hidden (one).
      const { answer: closed } = await call(
        "POST /api/health-checks/:healthCheckId/close",
        cast.north.admin,
        cycle,
      );
      expect(closed.results.map((result) => result.hidden)).toEqual(
        expect.arrayContaining([true, false]),
      );
      await call("GET /api/partnerships/:id/health-checks", cast.south.viewer, id);
    });

    it("answers templates and the first-steps checklist as their schemas say", async () => {
      await call("GET /api/partnership-templates", cast.south.viewer, {});
      const { answer: templated } = await call(
        "POST /api/partnerships",
        cast.north.admin,
        {},
        {
          name: "From a template",
          organizationId: cast.north.id,
          template: { id: "co-development", language: "fr" },
        },
        201,
      );
      const id = { id: templated.partnership.id };
      const { answer: used } = await call(
        "GET /api/partnerships/:id/template",
        cast.north.admin,
        id,
      );
      expect(used.template?.language).toBe("fr");
      await call("GET /api/partnerships/:id/template", cast.north.viewer, {
        id: cast.partnershipId,
      });
      await call("GET /api/partnerships/:id/checklist", cast.north.admin, id);
    });

    it("answers the private calendar feed as its schemas say", async () => {
      const user = cast.south.editor;
      await call("GET /api/me/calendar-feed", user, {});
      await call("POST /api/me/calendar-feed", user, {}, {}, 201);
      await call("GET /api/me/calendar-feed", user, {});
      await call("DELETE /api/me/calendar-feed", user, {}, undefined, 204);
    });
  });

  it("answers a partnership's activity, digest and search as their schemas say", async () => {
    const cast = await harness.twoOrganizationPartnership();
    const { partnershipId } = cast;
    const id = { id: partnershipId };
    const north = { userId: cast.north.editor.id, organizationId: cast.north.id };
    const objectives = formatDocumentName({ kind: "objectives", partnershipId });
    const edit = (change: (doc: Y.Doc) => void) =>
      changeObservedDocument(harness.store, harness.services.records, objectives, change, north);
    let objectiveId = "";
    await edit((doc) => {
      objectiveId = addObjective(
        doc,
        {
          title: "Pool the depots",
          ownerOrganizationIds: [cast.north.id],
          governanceLevel: "operational",
        },
        north,
      );
    });
    await edit((doc) => void removeObjective(doc, objectiveId));
    const activity = "GET /api/partnerships/:id/activity";
    const { answer: runs } = await call(activity, cast.south.viewer, id);
    expect(runs.entries.length).toBeGreaterThan(0);
    await call(activity, cast.north.viewer, id, undefined, 200, {
      organizationId: cast.north.id,
      before: String(Date.now()),
    });
    await call("GET /api/partnerships/:id/digest", cast.south.viewer, id, undefined, 200, {
      period: "day",
    });
    const { answer: found } = await call("GET /api/search", cast.north.viewer, {}, undefined, 200, {
      q: "Northwind",
      partnershipId,
    });
    expect(found.results.length).toBeGreaterThan(0);
  });

  it("answers the feed and the notifications as their schemas say", async () => {
    const cast = await harness.twoOrganizationPartnership();
    const { partnershipId } = cast;
    const id = { id: partnershipId };
    const text = (words: string) => ({
      type: "doc" as const,
      content: [{ type: "paragraph", content: [{ type: "text", text: words }] }],
    });
    const { answer: created } = await call(
      "POST /api/partnerships/:id/posts",
      cast.north.editor,
      id,
      { title: "Depot opened", body: text("The first depot is open."), tag: "success" },
      201,
    );
    const postId = { postId: created.post.id };
    await call("PATCH /api/posts/:postId", cast.north.editor, postId, { tag: "information" });
    const { answer: replied } = await call(
      "POST /api/posts/:postId/replies",
      cast.south.editor,
      postId,
      { body: text("Well done.") },
      201,
    );
    const replyId = { replyId: replied.reply.id };
    await call("PATCH /api/replies/:replyId", cast.south.editor, replyId, {
      body: text("Well done!"),
    });
    await call("PUT /api/posts/:postId/reaction", cast.south.admin, postId, { reaction: "tada" });
    await call("DELETE /api/posts/:postId/reaction", cast.south.admin, postId);
    await call("PUT /api/replies/:replyId/reaction", cast.north.admin, replyId, {
      reaction: "heart",
    });
    await call("DELETE /api/replies/:replyId/reaction", cast.north.admin, replyId);
    await call("POST /api/posts/:postId/seen", cast.south.viewer, postId);
    const { answer: thread } = await call("GET /api/posts/:postId", cast.south.viewer, postId);
    expect(thread.replies).toHaveLength(1);
    const posts = "GET /api/partnerships/:id/posts";
    const { answer: page } = await call(posts, cast.north.viewer, id);
    expect(page.posts.map((post) => post.id)).toEqual([created.post.id]);
    await call(posts, cast.north.viewer, id, undefined, 200, { q: "depot", limit: 5 });

    const notifications = "GET /api/notifications";
    const { answer: bell } = await call(notifications, cast.north.editor, {});
    const [reply] = bell.notifications;
    expect(reply?.kind).toBe("reply");
    await call(notifications, cast.north.editor, {}, undefined, 200, {
      partnershipId,
      kind: ["reply", "mention"],
    });
    await call("POST /api/notifications/:notificationId/read", cast.north.editor, {
      notificationId: reply?.id ?? "",
    });
    await call("POST /api/notifications/read-all", cast.north.editor, {}, { partnershipId });

    await call("DELETE /api/replies/:replyId", cast.south.editor, replyId, undefined, 204);
    await call("DELETE /api/posts/:postId", cast.north.editor, postId, undefined, 204);
  });

  it("answers comment threads as their schemas say", async () => {
    const cast = await harness.twoOrganizationPartnership();
    const { partnershipId } = cast;
    const id = { id: partnershipId };
    const charter = formatDocumentName({ kind: "charter", partnershipId });
    const text = (words: string) => ({
      type: "doc" as const,
      content: [{ type: "paragraph", content: [{ type: "text", text: words }] }],
    });
    await changeDocument(harness.store, charter, (doc) =>
      writeCharterContent(doc, text("We share the risk.")),
    );
    const current = await harness.services.documents.readDocument(charter);
    const anchor = charterAnchorFromTextRange(current, 3, 12);
    current.destroy();
    const open = "POST /api/partnerships/:id/comment-threads";
    const { answer: onCharter } = await call(
      open,
      cast.north.editor,
      id,
      { target: { kind: "charter", anchor }, body: text("Which risk?") },
      201,
    );
    expect(onCharter.thread.target).toMatchObject({
      kind: "charter",
      anchor: { quote: "share the" },
    });
    const { answer: onAction } = await call(
      open,
      cast.south.editor,
      id,
      { target: { kind: "action", id: "action1" }, body: text("Who owns this?") },
      201,
    );
    const threadId = { threadId: onAction.thread.id };
    await call(
      "POST /api/comment-threads/:threadId/comments",
      cast.north.editor,
      threadId,
      { body: text("We do.") },
      201,
    );
    await call("POST /api/comment-threads/:threadId/resolve", cast.south.editor, threadId);
    const { answer: read } = await call(
      "GET /api/comment-threads/:threadId",
      cast.north.viewer,
      threadId,
    );
    expect(read.thread.resolvedBy?.id).toBe(cast.south.editor.id);
    await call("POST /api/comment-threads/:threadId/reopen", cast.south.editor, threadId);
    const list = "GET /api/partnerships/:id/comment-threads";
    const { answer: all } = await call(list, cast.south.viewer, id, undefined, 200, {
      status: "all",
      limit: 1,
    });
    expect(all.nextCursor).not.toBeNull();
    await call(list, cast.south.viewer, id, undefined, 200, {
      status: "open",
      targetKind: "action",
      targetId: "action1",
      before: all.nextCursor ?? undefined,
    });
  });

  it("answers the versions of rich-text documents as their schemas say", async () => {
    const cast = await harness.twoOrganizationPartnership();
    const { partnershipId } = cast;
    const writer = cast.north.editor;
    const text = (words: string) => ({
      type: "doc" as const,
      content: [{ type: "paragraph", content: [{ type: "text", text: words }] }],
    });
    await changeDocument(
      harness.store,
      formatDocumentName({ kind: "charter", partnershipId }),
      (doc) => writeCharterContent(doc, text("We share the risk.")),
      { userId: writer.id, organizationId: cast.north.id },
    );

    const charter = { id: partnershipId };
    const { answer: charterVersion } = await call(
      "POST /api/partnerships/:id/charter/versions",
      writer,
      charter,
      { label: "Before the call" },
      201,
    );
    const charterVersionId = { ...charter, versionId: charterVersion.version.id };
    const { answer: charterVersions } = await call(
      "GET /api/partnerships/:id/charter/versions",
      cast.south.viewer,
      charter,
    );
    expect(charterVersions.versions[0]?.authors).toEqual([
      { userId: writer.id, organizationId: cast.north.id },
    ]);
    await call("GET /api/partnerships/:id/charter/versions/:versionId", writer, charterVersionId);
    await call("GET /api/partnerships/:id/charter/versions/:a/compare/:b", writer, {
      ...charter,
      a: charterVersion.version.id,
      b: "current",
    });
    await call(
      "POST /api/partnerships/:id/charter/versions/:versionId/restore",
      writer,
      charterVersionId,
      {},
      201,
    );

    const privateNotes = { id: partnershipId, organizationId: cast.north.id };
    const { answer: privateVersion } = await call(
      "POST /api/partnerships/:id/organizations/:organizationId/private/versions",
      writer,
      privateNotes,
      { label: "Our view" },
      201,
    );
    const privateVersionId = { ...privateNotes, versionId: privateVersion.version.id };
    await call(
      "GET /api/partnerships/:id/organizations/:organizationId/private/versions",
      cast.north.viewer,
      privateNotes,
    );
    await call(
      "GET /api/partnerships/:id/organizations/:organizationId/private/versions/:versionId",
      writer,
      privateVersionId,
    );
    await call(
      "GET /api/partnerships/:id/organizations/:organizationId/private/versions/:a/compare/:b",
      writer,
      { ...privateNotes, a: privateVersion.version.id, b: "current" },
    );
    await call(
      "POST /api/partnerships/:id/organizations/:organizationId/private/versions/:versionId/restore",
      writer,
      privateVersionId,
      {},
      201,
    );

    const scheduled = await harness.request("POST", `/api/partnerships/${partnershipId}/meetings`, {
      cookie: writer.cookie,
      body: {
        title: "Steering committee",
        kind: "steering_committee",
        level: "strategic",
        startsAt: "2026-11-26T09:00:00Z",
        durationMinutes: 60,
      },
    });
    expect(scheduled.status).toBe(201);
    const meeting = { meetingId: String(scheduled.body.meeting.id) };
    const { answer: notesVersion } = await call(
      "POST /api/meetings/:meetingId/notes/versions",
      writer,
      meeting,
      { label: "Agreed" },
      201,
    );
    const notesVersionId = { ...meeting, versionId: notesVersion.version.id };
    await call("GET /api/meetings/:meetingId/notes/versions", cast.south.viewer, meeting);
    await call("GET /api/meetings/:meetingId/notes/versions/:versionId", writer, notesVersionId);
    await call("GET /api/meetings/:meetingId/notes/versions/:a/compare/:b", writer, {
      ...meeting,
      a: notesVersion.version.id,
      b: "current",
    });
    await call(
      "POST /api/meetings/:meetingId/notes/versions/:versionId/restore",
      writer,
      notesVersionId,
      {},
      201,
    );
  });

  it("has called every route of the table", () => {
    expect(Object.keys(apiRoutes).filter((route) => !called.has(route as RouteName))).toEqual([]);
  });
});
