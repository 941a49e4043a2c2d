import { formatDocumentName } from "@entente/domain";
import type { SearchResult } from "@entente/protocol";
import {
  addAction,
  addConstraint,
  addContribution,
  addDecision,
  addIssue,
  addKpi,
  addObjective,
} from "@entente/schema";
import { describe, expect, it } from "vitest";
import { appendParagraph } from "../test/charter-text.js";
import { meetingDocument, scheduleMeeting, writeNotes } from "../test/live-meetings.js";
import { roundTrip, type LiveUser } from "../test/live-server.js";
import { useLiveServer } from "../test/live-fixture.js";

const paragraph = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

/**
 * Search against the real server: stock y-websocket clients and HTTP calls store things,
 * the index follows what was stored, and each member searches over HTTP.
 */
describe("GET /api/search, live", () => {
  const ctx = useLiveServer();

  const search = async (user: LiveUser, q: string, partnershipId?: string) => {
    const params = new URLSearchParams({ q, ...(partnershipId ? { partnershipId } : {}) });
    const response = await ctx.live.api(
      "GET",
      `/api/search?${params.toString()}`,
      undefined,
      user.cookie,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.results as SearchResult[];
  };

  /** Polls until `user` finds a result `matching`; fails if it takes more than `withinMs` (2 s). */
  const findWithin2s = async (
    user: LiveUser,
    q: string,
    matching: (r: SearchResult) => boolean,
    withinMs = 2000,
  ): Promise<SearchResult> => {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const found = (await search(user, q)).find(matching);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`"${q}" not found within ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const ofKind = (kind: string) => (r: SearchResult) => r.kind === kind;

  const connected = async (documentName: string, user: LiveUser) => {
    const client = ctx.live.connect(documentName, user.cookie);
    await client.synced;
    return client;
  };
  const docName = (kind: "charter" | "objectives" | "issues" | "decisions") =>
    formatDocumentName({ kind, partnershipId: ctx.cast.partnershipId });

  it("answers 401 without a session, 400 on a bad query, 404 for a partnership the caller is not in", async () => {
    const anonymous = await ctx.live.api("GET", "/api/search?q=budget");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthorized");
    for (const query of [
      "",
      "?q=",
      "?q=%20%20",
      `?q=${"a".repeat(201)}`,
      "?q=budget&partnershipId=not%20an%20id",
      "?q=budget&limit=5",
    ]) {
      const response = await ctx.live.api(
        "GET",
        `/api/search${query}`,
        undefined,
        ctx.cast.north.cookie,
      );
      expect(response.status, query).toBe(400);
      expect(response.body.error.code, query).toBe("invalid_input");
    }
    const outsider = await ctx.live.signup("Olga Outsider");
    const foreign = await ctx.live.api(
      "GET",
      `/api/search?q=budget&partnershipId=${ctx.cast.partnershipId}`,
      undefined,
      outsider.cookie,
    );
    expect(foreign.status).toBe(404);
    expect(await search(outsider, "Northwind")).toEqual([]);
  });

  it("finds every kind of thing, each with a link that opens it", async () => {
    const northBy = { userId: ctx.cast.north.id, organizationId: ctx.cast.northOrg };
    const southBy = { userId: ctx.cast.south.id, organizationId: ctx.cast.southOrg };
    const p = `/p/${ctx.cast.partnershipId}`;

    const charter = await connected(docName("charter"), ctx.cast.north);
    appendParagraph(charter.doc, "Both sides share the aquifer survey results");
    const objectives = await connected(docName("objectives"), ctx.cast.north);
    const objectiveId = addObjective(
      objectives.doc,
      {
        title: "Open the quinoa market",
        description: "Reach the Andean shelves together",
        ownerOrganizationIds: [ctx.cast.northOrg],
        governanceLevel: "tactical",
      },
      northBy,
    );
    const actionId = addAction(
      objectives.doc,
      objectiveId,
      { title: "Ship the tamarind samples", ownerOrganizationId: ctx.cast.northOrg },
      northBy,
    );
    const kpiId = addKpi(
      objectives.doc,
      objectiveId,
      { name: "Pallets of vanilla sold", unit: "pallets", target: 40, direction: "increase" },
      northBy,
    );
    const issues = await connected(docName("issues"), ctx.cast.south);
    const issueId = addIssue(
      issues.doc,
      {
        kind: "risk",
        title: "Customs backlog at the harbour",
        description: "The paperwork for cardamom is stuck",
        ownerOrganizationId: ctx.cast.southOrg,
        severity: "high",
      },
      southBy,
    );
    const decisions = await connected(docName("decisions"), ctx.cast.south);
    const decisionId = addDecision(
      decisions.doc,
      {
        title: "Adopt the hibiscus label",
        context: "Agreed at the steering committee",
        governanceLevel: "strategic",
      },
      southBy,
    );
    const profile = await connected(
      formatDocumentName({
        kind: "profile",
        partnershipId: ctx.cast.partnershipId,
        organizationId: ctx.cast.southOrg,
      }),
      ctx.cast.south,
    );
    const contributionId = addContribution(
      profile.doc,
      { kind: "funding", description: "Seed money for the saffron trials" },
      southBy,
    );
    const constraintId = addConstraint(
      profile.doc,
      { kind: "budget", description: "No spending on pistachio before April", severity: "medium" },
      southBy,
    );
    const notes = await connected(
      formatDocumentName({
        kind: "private",
        partnershipId: ctx.cast.partnershipId,
        organizationId: ctx.cast.northOrg,
      }),
      ctx.cast.north,
    );
    appendParagraph(notes.doc, "Our fallback is the juniper supplier");

    const post = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/posts`,
      {
        title: "Mango crates cleared",
        body: paragraph("They left the dock on time"),
        tag: "success",
      },
      ctx.cast.south.cookie,
    );
    expect(post.status).toBe(201);
    const postId = post.body.post.id as string;
    const reply = await ctx.live.api(
      "POST",
      `/api/posts/${postId}/replies`,
      { body: paragraph("Great news about the papaya too") },
      ctx.cast.north.cookie,
    );
    expect(reply.status).toBe(201);
    const thread = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/comment-threads`,
      {
        target: { kind: "objective", id: objectiveId },
        body: paragraph("Who talks to the lychee buyers?"),
      },
      ctx.cast.south.cookie,
    );
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const threadId = thread.body.thread.id as string;
    const meeting = await scheduleMeeting(ctx.live, ctx.cast.partnershipId, ctx.cast.north, {
      title: "Steering on rhubarb",
      kind: "steering_committee",
      level: "strategic",
      agenda: [
        { title: "Rhubarb volumes", ownerOrganizationId: ctx.cast.northOrg, timeboxMinutes: 15 },
      ],
    });
    const agendaItemId = meeting.agenda[0]!.id;
    const meetingNotes = await connected(
      meetingDocument(ctx.cast.partnershipId, meeting),
      ctx.cast.north,
    );
    writeNotes(meetingNotes.doc, agendaItemId, "We settle on persimmon crates");
    const workshop = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      {
        title: "Ideas day",
        kind: "workshop",
        level: "tactical",
        startsAt: "2026-12-01T09:00:00.000Z",
        durationMinutes: 60,
      },
      ctx.cast.north.cookie,
    );
    const workshopId = workshop.body.meeting.id as string;
    const columns = await ctx.live.api(
      "PUT",
      `/api/meetings/${workshopId}/workshop/columns`,
      { columns: [{ title: "Ideas" }] },
      ctx.cast.north.cookie,
    );
    const columnId = columns.body.workshop.columns[0].id as string;
    const note = await ctx.live.api(
      "POST",
      `/api/meetings/${workshopId}/workshop/notes`,
      { text: "A kumquat tasting for buyers", columnId },
      ctx.cast.south.cookie,
    );
    expect(note.status).toBe(201);
    for (const client of [charter, objectives, issues, decisions, profile, notes, meetingNotes]) {
      await roundTrip(client);
    }

    const expectations: [string, string, Partial<SearchResult>][] = [
      ["aquifer", "charter", { url: `${p}/charter?passage=0`, organizationName: null }],
      [
        "quinoa",
        "objective",
        { url: `${p}/objectives?item=${objectiveId}`, organizationName: "Northwind" },
      ],
      [
        "tamarind",
        "action",
        { url: `${p}/objectives?item=${actionId}`, title: "Ship the tamarind samples" },
      ],
      ["vanilla", "kpi", { url: `${p}/objectives?item=${kpiId}` }],
      ["cardamom", "issue", { url: `${p}/issues?item=${issueId}`, organizationName: "Southpeak" }],
      ["hibiscus", "decision", { url: `${p}/decisions?item=${decisionId}` }],
      [
        "saffron",
        "contribution",
        { url: `${p}/organizations?organization=${ctx.cast.southOrg}&item=${contributionId}` },
      ],
      [
        "pistachio",
        "constraint",
        { url: `${p}/organizations?organization=${ctx.cast.southOrg}&item=${constraintId}` },
      ],
      ["juniper", "private-note", { url: `${p}/private?passage=0`, organizationName: "Northwind" }],
      ["mango", "post", { url: `${p}/updates?post=${postId}`, title: "Mango crates cleared" }],
      ["papaya", "reply", { url: `${p}/updates?post=${postId}`, title: "Mango crates cleared" }],
      ["lychee", "comment", { url: `${p}?thread=${threadId}`, title: "Open the quinoa market" }],
      ["rhubarb", "meeting", { url: `${p}/meetings/${meeting.id}` }],
      [
        "persimmon",
        "meeting-notes",
        { url: `${p}/meetings/${meeting.id}?agendaItem=${agendaItemId}` },
      ],
      [
        "southpeak",
        "organization",
        { url: `${p}/organizations?organization=${ctx.cast.southOrg}` },
      ],
      ["sam", "person", { title: "Sam South", organizationName: "Southpeak" }],
    ];
    for (const [q, kind, expected] of expectations) {
      const found = await findWithin2s(ctx.cast.north, q, ofKind(kind));
      expect(found, q).toMatchObject({ partnershipId: ctx.cast.partnershipId, ...expected });
      expect(found.snippet.toLowerCase(), q).toContain(`<mark>${q}`);
    }
    // A note is its author's alone until the facilitator reveals the board.
    expect((await search(ctx.cast.north, "kumquat")).filter(ofKind("workshop-note"))).toEqual([]);
    const revealed = await ctx.live.api(
      "PUT",
      `/api/meetings/${workshopId}/workshop/phase`,
      { phase: "revealed" },
      ctx.cast.north.cookie,
    );
    expect(revealed.status).toBe(200);
    expect(await findWithin2s(ctx.cast.north, "kumquat", ofKind("workshop-note"))).toMatchObject({
      url: `${p}/meetings/${workshopId}/workshop`,
      organizationName: "Southpeak",
    });

    // Deleted things are not found any more.
    expect(
      (await ctx.live.api("DELETE", `/api/posts/${postId}`, undefined, ctx.cast.south.cookie))
        .status,
    ).toBe(204);
    await findGoneWithin2s(ctx.cast.north, "mango", ofKind("post"));
    expect(
      (
        await ctx.live.api(
          "DELETE",
          `/api/meetings/${meeting.id}`,
          undefined,
          ctx.cast.north.cookie,
        )
      ).status,
    ).toBe(204);
    await findGoneWithin2s(ctx.cast.north, "persimmon", ofKind("meeting-notes"));
  });

  const findGoneWithin2s = async (
    user: LiveUser,
    q: string,
    matching: (r: SearchResult) => boolean,
  ) => {
    const deadline = Date.now() + 2000;
    while ((await search(user, q)).some(matching)) {
      if (Date.now() > deadline) throw new Error(`"${q}" still found after 2 seconds`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it("folds accents and stems English and French words", async () => {
    const charter = await connected(docName("charter"), ctx.cast.north);
    appendParagraph(charter.doc, "L’échéance des livraisons est fixée au printemps");
    appendParagraph(charter.doc, "The partnerships were renegotiated last winter");
    appendParagraph(charter.doc, "Les mesures décidées par le comité");
    await roundTrip(charter);
    const charterHit = (text: string) => (r: SearchResult) =>
      r.kind === "charter" && r.snippet.replace(/<\/?mark>/g, "").includes(text);
    for (const [q, text] of [
      ["echeance", "L’échéance des livraisons"],
      ["ÉCHÉANCES", "L’échéance des livraisons"],
      ["livraison", "livraisons est fixée"],
      ["fixee", "livraisons est fixée"],
      ["partnership", "The partnerships were"],
      ["renegotiate", "renegotiated last winter"],
      ["décidé", "mesures décidées"],
      ["mesure comite", "mesures décidées par le comité"],
    ] as const) {
      const found = await findWithin2s(ctx.cast.north, q, charterHit(text));
      expect(found.snippet, q).toMatch(/<mark>/);
    }
    expect(await findWithin2s(ctx.cast.north, "echeance", charterHit("L’échéance"))).toMatchObject({
      snippet: "L&#39;<mark>échéance</mark> des livraisons est fixée au printemps".replace(
        "&#39;",
        "’",
      ),
    });
    // Every word must be there: a word the text lacks finds nothing.
    expect(
      (await search(ctx.cast.north, "echeance zeppelin")).filter((r) => r.kind === "charter"),
    ).toEqual([]);
  });

  it("escapes the text of a snippet and marks only the matched words", async () => {
    const charter = await connected(docName("charter"), ctx.cast.north);
    appendParagraph(charter.doc, `<img src=x onerror="alert(1)"> the walrus budget & "more"`);
    await roundTrip(charter);
    const found = await findWithin2s(ctx.cast.north, "walrus", ofKind("charter"));
    expect(found.snippet).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; the <mark>walrus</mark> budget &amp; &quot;more&quot;",
    );
  });

  it("never lets a partner find a word of an organization's private notes", async () => {
    const secret = "Our walkaway price is nineteen million";
    const notes = await connected(
      formatDocumentName({
        kind: "private",
        partnershipId: ctx.cast.partnershipId,
        organizationId: ctx.cast.northOrg,
      }),
      ctx.cast.north,
    );
    appendParagraph(notes.doc, secret);
    await roundTrip(notes);
    // Northwind's own viewer finds it: it is indexed.
    await findWithin2s(ctx.cast.northViewer, "walkaway", ofKind("private-note"));
    for (const q of ["walkaway", "nineteen million", "walkaway price", "price", "our"]) {
      for (const results of [
        await search(ctx.cast.south, q),
        await search(ctx.cast.south, q, ctx.cast.partnershipId),
      ]) {
        const raw = JSON.stringify(results);
        expect(results.filter(ofKind("private-note")), q).toEqual([]);
        for (const word of ["walkaway", "nineteen"])
          expect(raw.toLowerCase(), q).not.toContain(word);
      }
    }
    // Southpeak's own notes are theirs alone too.
    const southNotes = await connected(
      formatDocumentName({
        kind: "private",
        partnershipId: ctx.cast.partnershipId,
        organizationId: ctx.cast.southOrg,
      }),
      ctx.cast.south,
    );
    appendParagraph(southNotes.doc, "Southpeak may exit in 2028");
    await roundTrip(southNotes);
    await findWithin2s(ctx.cast.south, "exit", ofKind("private-note"));
    expect(JSON.stringify(await search(ctx.cast.north, "exit 2028"))).not.toContain("exit");
    expect(JSON.stringify(await search(ctx.cast.northViewer, "exit"))).not.toContain("exit");
  });

  it("finds nothing of a partnership once the member was removed from it", async () => {
    const charter = await connected(docName("charter"), ctx.cast.north);
    appendParagraph(charter.doc, "The okapi clause binds both sides");
    await roundTrip(charter);
    await findWithin2s(ctx.cast.northViewer, "okapi", ofKind("charter"));
    expect(
      (await ctx.live.removeMember(ctx.cast.partnershipId, ctx.cast.northViewer, ctx.cast.north))
        .status,
    ).toBe(204);
    expect(await search(ctx.cast.northViewer, "okapi")).toEqual([]);
    expect(await search(ctx.cast.northViewer, "northwind")).toEqual([]);
    expect(await search(ctx.cast.northViewer, "sam")).toEqual([]);
    const scoped = await ctx.live.api(
      "GET",
      `/api/search?q=okapi&partnershipId=${ctx.cast.partnershipId}`,
      undefined,
      ctx.cast.northViewer.cookie,
    );
    expect(scoped.status).toBe(404);
    // A later edit is not found either.
    appendParagraph(charter.doc, "The second okapi clause");
    await roundTrip(charter);
    await findWithin2s(ctx.cast.north, "second okapi", ofKind("charter"));
    expect(await search(ctx.cast.northViewer, "okapi")).toEqual([]);
  });

  it("makes an edit searchable within 2 seconds of a client typing it", async () => {
    const objectives = await connected(docName("objectives"), ctx.cast.south);
    addObjective(
      objectives.doc,
      {
        title: "Grow the pomelo line",
        ownerOrganizationIds: [ctx.cast.southOrg],
        governanceLevel: "tactical",
      },
      { userId: ctx.cast.south.id, organizationId: ctx.cast.southOrg },
    );
    await roundTrip(objectives);
    // findWithin2s fails past 2 seconds from the moment the server stored the edit.
    const found = await findWithin2s(ctx.cast.northViewer, "pomelo", ofKind("objective"));
    expect(found.title).toBe("Grow the pomelo line");
  });

  it("indexes what the server stored, never what a read-only client sent", async () => {
    // A viewer's socket syncs down; what it sends is never applied, stored or relayed.
    const forged = await connected(docName("charter"), ctx.cast.northViewer);
    appendParagraph(forged.doc, "The forged ocelot clause");
    await roundTrip(forged);
    const charter = await connected(docName("charter"), ctx.cast.north);
    appendParagraph(charter.doc, "The genuine margay clause");
    await roundTrip(charter);
    // Changes are indexed in order: once the later genuine edit is found, the forged one had its chance.
    await findWithin2s(ctx.cast.north, "margay", ofKind("charter"));
    expect(await search(ctx.cast.north, "ocelot")).toEqual([]);
    expect(await search(ctx.cast.northViewer, "ocelot")).toEqual([]);
  });

  it("catches up at start with what was stored while it was not watching", async () => {
    const charter = await connected(docName("charter"), ctx.cast.north);
    appendParagraph(charter.doc, "The serval clause predates the index");
    await roundTrip(charter);
    await findWithin2s(ctx.cast.north, "serval", ofKind("charter"));
    charter.destroy();
    // As after an upgrade from a version without search: the index is empty, the documents are not.
    const db = ctx.live.server.store.db;
    await db.deleteFrom("search_entries").execute();
    await db.deleteFrom("search_documents").execute();
    expect(await search(ctx.cast.north, "serval")).toEqual([]);
    await ctx.live.restart();
    // The HTTP client's kept-alive socket to the stopped server may fail once.
    await ctx.live.api("GET", "/api/health").catch(() => undefined);
    // Catching up runs in the background after start; this database is small.
    await findWithin2s(ctx.cast.north, "serval", ofKind("charter"), 10_000);
    await findWithin2s(ctx.cast.north, "southpeak", ofKind("organization"));
  });
});
