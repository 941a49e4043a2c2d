import { formatDocumentName } from "@entente/domain";
import {
  agendaNotesFragment,
  type DocumentVersionView,
  type VersionBlock,
  type VersionCompareResponse,
} from "@entente/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendParagraph, paragraphs } from "../test/charter-text.js";
import { eventually, LiveServer, roundTrip } from "../test/live-server.js";
import { SqlUpdateLog } from "../sync/update-log.js";
import { meetingDocument, scheduleMeeting, writeNotes } from "../test/live-meetings.js";

type Cast = Awaited<ReturnType<LiveServer["twoOrganizations"]>>;

/** The added (or removed) runs of a comparison, with the organization they are coloured by. */
function changes(blocks: VersionBlock[], change: "added" | "removed") {
  return blocks.flatMap((block) =>
    block.segments
      .filter((segment) => segment.change === change)
      .map((segment) => ({ text: segment.text, organizationId: segment.organizationId })),
  );
}

describe("version history of the rich-text documents, against a live server", () => {
  let live: LiveServer;
  let cast: Cast;
  let charter: string;
  let base: string;

  const api = <T = any>(method: string, path: string, body: unknown, cookie: string) =>
    live.api<T>(method, `${base}${path}`, body, cookie);
  const list = async (cookie: string) =>
    (await api<{ versions: DocumentVersionView[] }>("GET", "/charter/versions", undefined, cookie))
      .body.versions;

  beforeAll(async () => {
    live = await LiveServer.start();
    cast = await live.twoOrganizations();
    charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    base = `/api/partnerships/${cast.partnershipId}`;
  });

  afterAll(async () => {
    await live.close();
  });

  it("names versions, compares them coloured by organization, restores one live for everyone", async () => {
    const north = live.connect(charter, cast.north.cookie);
    const south = live.connect(charter, cast.south.cookie);
    await Promise.all([north.synced, south.synced]);

    appendParagraph(north.doc, "Purpose: low-carbon logistics.");
    await roundTrip(north);
    const first = await api(
      "POST",
      "/charter/versions",
      { label: "First draft" },
      cast.north.cookie,
    );
    expect(first.status).toBe(201);
    expect(first.body.version).toMatchObject({
      number: 1,
      label: "First draft",
      kind: "named",
      authors: [{ userId: cast.north.id, organizationId: cast.northOrg }],
      endorsedBy: [],
    });

    appendParagraph(north.doc, "Northwind runs the depot.");
    await roundTrip(north);
    await eventually(() => paragraphs(south.doc).length === 2, 5000, "south sees north");
    appendParagraph(south.doc, "Southpeak pays the trucks.");
    await roundTrip(south);
    const second = await api(
      "POST",
      "/charter/versions",
      { label: "Sent to legal" },
      cast.south.cookie,
    );
    expect(second.status).toBe(201);
    expect(second.body.version.number).toBe(2);
    expect(second.body.version.authors).toEqual([
      { userId: cast.north.id, organizationId: cast.northOrg },
      { userId: cast.south.id, organizationId: cast.southOrg },
    ]);

    const versions = await list(cast.northViewer.cookie);
    expect(versions.map((v) => v.label)).toEqual(["Sent to legal", "First draft"]);

    const compared = await api<VersionCompareResponse>(
      "GET",
      `/charter/versions/${first.body.version.id}/compare/${second.body.version.id}`,
      undefined,
      cast.northViewer.cookie,
    );
    expect(compared.status).toBe(200);
    expect(changes(compared.body.blocks, "added")).toEqual([
      { text: "Northwind runs the depot.", organizationId: cast.northOrg },
      { text: "Southpeak pays the trucks.", organizationId: cast.southOrg },
    ]);
    expect(compared.body.blocks[0]?.segments).toEqual([
      { text: "Purpose: low-carbon logistics.", change: "same", organizationId: null },
    ]);

    const opened = await api(
      "GET",
      `/charter/versions/${first.body.version.id}`,
      undefined,
      cast.south.cookie,
    );
    expect(opened.status).toBe(200);
    expect(opened.body.markdown).toContain("Purpose: low-carbon logistics.");
    expect(opened.body.markdown).not.toContain("depot");

    // Southpeak brings the first draft back: north's open editor follows, nothing is rewritten.
    const restored = await api(
      "POST",
      `/charter/versions/${first.body.version.id}/restore`,
      {},
      cast.south.cookie,
    );
    expect(restored.status).toBe(201);
    expect(restored.body.version).toMatchObject({
      number: 4,
      kind: "restore",
      restoredFrom: first.body.version.id,
      createdBy: cast.south.id,
      authors: [{ userId: cast.south.id, organizationId: cast.southOrg }],
    });
    await eventually(
      () => paragraphs(north.doc).join("|") === "Purpose: low-carbon logistics.",
      5000,
      "the restore reaches north live",
    );
    const after = await list(cast.north.cookie);
    expect(after.map((v) => [v.number, v.kind])).toEqual([
      [4, "restore"],
      [3, "before-restore"],
      [2, "named"],
      [1, "named"],
    ]);
    // The kept state before the restore still has everything: nothing was rewritten.
    const kept = await api(
      "GET",
      `/charter/versions/${after[1]?.id}`,
      undefined,
      cast.north.cookie,
    );
    expect(kept.body.markdown).toContain("Southpeak pays the trucks.");
    // The text removed by the restore is Southpeak's doing (the only one who edited since).
    const undone = await api<VersionCompareResponse>(
      "GET",
      `/charter/versions/${after[0]?.id}/compare/${after[1]?.id}`,
      undefined,
      cast.north.cookie,
    );
    expect(changes(undone.body.blocks, "removed")).toEqual([
      { text: "Northwind runs the depot.", organizationId: cast.southOrg },
      { text: "Southpeak pays the trucks.", organizationId: cast.southOrg },
    ]);
    // The same text in the version restored and in the restore: the same Yjs items, "same".
    const sameAsFirst = await api<VersionCompareResponse>(
      "GET",
      `/charter/versions/${first.body.version.id}/compare/${after[0]?.id}`,
      undefined,
      cast.north.cookie,
    );
    expect(changes(sameAsFirst.body.blocks, "added")).toEqual([]);
    expect(changes(sameAsFirst.body.blocks, "removed")).toEqual([]);
    // Against the charter as it stands now: Northwind types on after the restore.
    appendParagraph(north.doc, "Northwind adds a clause.");
    await roundTrip(north);
    const sinceRestore = await api<VersionCompareResponse>(
      "GET",
      `/charter/versions/${after[0]?.id}/compare/current`,
      undefined,
      cast.northViewer.cookie,
    );
    expect(sinceRestore.status).toBe(200);
    expect(sinceRestore.body.to).toBeNull();
    expect(changes(sinceRestore.body.blocks, "added")).toEqual([
      { text: "Northwind adds a clause.", organizationId: cast.northOrg },
    ]);
    north.destroy();
    south.destroy();
  });

  it("colours text by the session's organization, whatever client id a hostile client uses", async () => {
    const north = live.connect(charter, cast.north.cookie);
    await north.synced;
    const before = (await api("POST", "/charter/versions", { label: "Before" }, cast.north.cookie))
      .body.version as DocumentVersionView;
    // Southpeak's client sends an update under Northwind's client id, right after its clocks.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(north.doc));
    forged.clientID = north.doc.clientID;
    // (Northwind's own client would take a new id on seeing its id used: it left first.)
    north.destroy();
    const sent: Uint8Array[] = [];
    forged.on("update", (update: Uint8Array) => sent.push(update));
    appendParagraph(forged, "Northwind pays everything.");
    const hostile = live.connect(charter, cast.south.cookie);
    await hostile.synced;
    for (const update of sent) Y.applyUpdate(hostile.doc, update);
    await roundTrip(hostile);
    const afterForgery = (
      await api("POST", "/charter/versions", { label: "After" }, cast.north.cookie)
    ).body.version as DocumentVersionView;
    expect(afterForgery.authors).toEqual([
      { userId: cast.south.id, organizationId: cast.southOrg },
    ]);
    const compared = await api<VersionCompareResponse>(
      "GET",
      `/charter/versions/${before.id}/compare/${afterForgery.id}`,
      undefined,
      cast.north.cookie,
    );
    expect(changes(compared.body.blocks, "added")).toEqual([
      { text: "Northwind pays everything.", organizationId: cast.southOrg },
    ]);
    hostile.destroy();
  });

  it("keeps a version at each endorsement, labelled with the organization", async () => {
    const endorsed = await api("POST", "/charter/endorsements", {}, cast.south.cookie);
    expect(endorsed.status).toBe(201);
    const [latest] = await list(cast.north.cookie);
    expect(latest).toMatchObject({
      kind: "endorsement",
      label: "Southpeak",
      endorsedBy: [cast.southOrg],
      createdBy: cast.south.id,
    });
  });

  it("answers bad input, viewers and unknown versions with the stable errors", async () => {
    const versions = await list(cast.north.cookie);
    const some = versions[0]?.id as string;
    const cases: [string, string, unknown, string, number, string][] = [
      ["POST", "/charter/versions", { label: "" }, cast.north.cookie, 400, "invalid_input"],
      [
        "POST",
        "/charter/versions",
        { label: "x".repeat(121) },
        cast.north.cookie,
        400,
        "invalid_input",
      ],
      [
        "POST",
        "/charter/versions",
        { label: "Mine", createdBy: cast.south.id },
        cast.north.cookie,
        400,
        "invalid_input",
      ],
      ["POST", "/charter/versions", { label: "View" }, cast.northViewer.cookie, 403, "forbidden"],
      ["POST", `/charter/versions/${some}/restore`, {}, cast.northViewer.cookie, 403, "forbidden"],
      ["GET", "/charter/versions/nosuchversion", undefined, cast.north.cookie, 404, "not_found"],
      ["GET", "/charter/versions/bad%20id", undefined, cast.north.cookie, 400, "invalid_input"],
      [
        "GET",
        `/charter/versions/${some}/compare/nosuch`,
        undefined,
        cast.north.cookie,
        404,
        "not_found",
      ],
    ];
    for (const [method, path, body, cookie, status, code] of cases) {
      const response = await api(method, path, body, cookie);
      expect([method, path, response.status, response.body?.error?.code]).toEqual([
        method,
        path,
        status,
        code,
      ]);
    }
    const stranger = await live.signup("Stan Stranger");
    expect((await api("GET", "/charter/versions", undefined, stranger.cookie)).status).toBe(404);
    expect((await live.api("GET", `${base}/charter/versions`)).status).toBe(401);
  });

  it("keeps private notes' history to their organization", async () => {
    const path = `/organizations/${cast.northOrg}/private/versions`;
    const notes = formatDocumentName({
      kind: "private",
      partnershipId: cast.partnershipId,
      organizationId: cast.northOrg,
    });
    const north = live.connect(notes, cast.north.cookie);
    await north.synced;
    appendParagraph(north.doc, "Our walk-away price: 40%.");
    await roundTrip(north);
    const named = await api("POST", path, { label: "Before the call" }, cast.north.cookie);
    expect(named.status).toBe(201);
    expect((await api("GET", path, undefined, cast.northViewer.cookie)).body.versions).toHaveLength(
      1,
    );
    const version = named.body.version.id as string;
    expect(
      (await api("GET", `${path}/${version}`, undefined, cast.northViewer.cookie)).body.markdown,
    ).toContain("walk-away");
    // The partner: 404 like the document itself, whatever it asks.
    for (const [method, suffix] of [
      ["GET", ""],
      ["GET", `/${version}`],
      ["POST", ""],
      ["POST", `/${version}/restore`],
    ] as const) {
      const body = method === "POST" ? { label: "x" } : undefined;
      const response = await api(method, `${path}${suffix}`, body, cast.south.cookie);
      expect([method, suffix, response.status]).toEqual([method, suffix, 404]);
    }
    // A charter version id is not a version of the private notes.
    const charterVersion = (await list(cast.north.cookie))[0]?.id as string;
    expect(
      (await api("GET", `${path}/${charterVersion}`, undefined, cast.north.cookie)).status,
    ).toBe(404);
    north.destroy();
  });

  it("versions a meeting's notes, every agenda item's under its title", async () => {
    const meeting = await scheduleMeeting(live, cast.partnershipId, cast.north, {
      title: "Steering committee",
      kind: "steering_committee",
      level: "strategic",
      agenda: [
        { title: "Budget", ownerOrganizationId: cast.northOrg, timeboxMinutes: 20 },
        { title: "Depot", ownerOrganizationId: cast.southOrg, timeboxMinutes: 20 },
      ],
    });
    const [budget, depot] = meeting.agenda;
    const path = `/api/meetings/${meeting.id}/notes/versions`;
    const notes = meetingDocument(cast.partnershipId, meeting);
    const north = live.connect(notes, cast.north.cookie);
    const south = live.connect(notes, cast.south.cookie);
    await Promise.all([north.synced, south.synced]);
    writeNotes(north.doc, budget?.id ?? "", "Northwind proposes 40%.");
    await roundTrip(north);
    const first = await live.api("POST", path, { label: "Before the call" }, cast.south.cookie);
    expect(first.status).toBe(201);
    writeNotes(south.doc, depot?.id ?? "", "Southpeak offers the Lyon depot.");
    await roundTrip(south);
    const second = await live.api("POST", path, { label: "After the call" }, cast.north.cookie);
    expect(second.status).toBe(201);

    const opened = await live.api(
      "GET",
      `${path}/${second.body.version.id}`,
      undefined,
      cast.northViewer.cookie,
    );
    expect(opened.body.markdown).toBe(
      "## Budget\n\nNorthwind proposes 40%.\n\n## Depot\n\nSouthpeak offers the Lyon depot.\n",
    );
    const compared = await live.api<VersionCompareResponse>(
      "GET",
      `${path}/${first.body.version.id}/compare/${second.body.version.id}`,
      undefined,
      cast.north.cookie,
    );
    expect(
      compared.body.blocks.map((b) => [b.type, b.segments.map((s) => s.text).join("")]),
    ).toEqual([
      ["section", "Budget"],
      ["paragraph", "Northwind proposes 40%."],
      ["section", "Depot"],
      ["paragraph", "Southpeak offers the Lyon depot."],
    ]);
    expect(changes(compared.body.blocks, "added")).toEqual([
      { text: "Southpeak offers the Lyon depot.", organizationId: cast.southOrg },
    ]);
    const restored = await live.api(
      "POST",
      `${path}/${first.body.version.id}/restore`,
      {},
      cast.north.cookie,
    );
    expect(restored.status).toBe(201);
    await eventually(
      () => south.doc.getXmlFragment(agendaNotesFragment(depot?.id ?? "")).length === 0,
      5000,
      "the depot notes go back to empty for south",
    );
    const stranger = await live.signup("Stan Stranger");
    expect((await live.api("GET", path, undefined, stranger.cookie)).status).toBe(404);
    expect((await live.api("POST", path, { label: "x" }, cast.northViewer.cookie)).status).toBe(
      403,
    );
    north.destroy();
    south.destroy();
  });

  it("keeps versions and their colours through compaction and a restart", async () => {
    const before = await list(cast.north.cookie);
    const named = before.filter((v) => v.label === "First draft" || v.label === "Sent to legal");
    const compare = () =>
      api<VersionCompareResponse>(
        "GET",
        `/charter/versions/${named[1]?.id}/compare/${named[0]?.id}`,
        undefined,
        cast.north.cookie,
      );
    const colouredBefore = (await compare()).body;
    expect(await new SqlUpdateLog(live.server.store).compact(charter)).toBe(true);
    await live.restart();
    // The HTTP client's kept-alive socket to the stopped server may fail once.
    await live.api("GET", "/api/health").catch(() => undefined);
    expect(await list(cast.north.cookie)).toEqual(before);
    expect((await compare()).body).toEqual(colouredBefore);
    expect(changes(colouredBefore.blocks, "added").map((c) => c.organizationId)).toEqual([
      cast.northOrg,
      cast.southOrg,
    ]);
  });
});

describe("automatic versions when a burst of edits settles", () => {
  let live: LiveServer;

  beforeAll(async () => {
    live = await LiveServer.start({ versionCheckMs: 50, versionSettleMs: 300 });
  });

  afterAll(async () => {
    await live.close();
  });

  it("keeps one version once nobody edited for the settle delay, and none while nothing changes", async () => {
    const cast = await live.twoOrganizations();
    const charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    const path = `/api/partnerships/${cast.partnershipId}/charter/versions`;
    const north = live.connect(charter, cast.north.cookie);
    await north.synced;
    appendParagraph(north.doc, "Purpose: low-carbon logistics.");
    await roundTrip(north);
    appendParagraph(north.doc, "Scope: three regions.");
    await roundTrip(north);
    let versions: DocumentVersionView[] = [];
    const deadline = Date.now() + 10_000;
    while (versions.length === 0 && Date.now() < deadline) {
      versions = (await live.api("GET", path, undefined, cast.north.cookie)).body.versions;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      number: 1,
      kind: "auto",
      label: null,
      createdBy: null,
      authors: [{ userId: cast.north.id, organizationId: cast.northOrg }],
    });
    // Nothing new: later checks keep nothing more.
    const kept = await live.server.services.versions.keepSettled(0);
    expect(kept).toBe(0);
    north.destroy();
  });
});
