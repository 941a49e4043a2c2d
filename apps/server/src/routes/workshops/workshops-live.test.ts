import { formatDocumentName } from "@entente/domain";
import {
  addObjective,
  readDecisions,
  readIssues,
  readObjectives,
  readValues,
} from "@entente/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, LiveServer, type LiveUser } from "../../test/live-server.js";

/** Everything an event stream sent, as raw text, read as it arrives. */
class RawStream {
  text = "";
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private done = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
    void this.pump();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { done, value } = await this.reader.read();
        if (done) break;
        this.text += this.decoder.decode(value, { stream: true });
      }
    } catch {
      // Cancelled at the end of the test.
    }
    this.done = true;
  }

  count(needle: string): number {
    return this.text.split(needle).length - 1;
  }

  async close(): Promise<void> {
    if (!this.done) await this.reader.cancel().catch(() => {});
  }
}

describe("workshops on a live server", () => {
  let live: LiveServer;
  let cast: Awaited<ReturnType<LiveServer["twoOrganizations"]>>;
  const streams: RawStream[] = [];

  beforeAll(async () => {
    live = await LiveServer.start();
    cast = await live.twoOrganizations();
  });

  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await live.close();
  });

  const call = async (user: LiveUser, method: string, path: string, body?: unknown) =>
    live.api(method, path, body, user.cookie);

  async function listen(user: LiveUser): Promise<RawStream> {
    const response = await fetch(`${live.url}/api/partnerships/${cast.partnershipId}/events`, {
      headers: { cookie: user.cookie },
    });
    expect(response.status).toBe(200);
    const stream = new RawStream(response.body!);
    streams.push(stream);
    await eventually(() => stream.text.includes(": connected"), 5000, "stream open");
    return stream;
  }

  /** A workshop meeting facilitated by North, with one column; returns their ids. */
  async function board(): Promise<{ meetingId: string; columnId: string }> {
    const created = await call(
      cast.north,
      "POST",
      `/api/partnerships/${cast.partnershipId}/meetings`,
      {
        title: "Joint planning",
        kind: "workshop",
        level: "tactical",
        startsAt: "2026-12-01T09:00:00.000Z",
        durationMinutes: 60,
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const meetingId = created.body.meeting.id as string;
    const columns = await call(cast.north, "PUT", `/api/meetings/${meetingId}/workshop/columns`, {
      columns: [{ title: "Ideas" }],
    });
    expect(columns.status).toBe(200);
    return { meetingId, columnId: columns.body.workshop.columns[0].id as string };
  }

  it("sends other members none of a hidden note's content before the reveal, on any channel", async () => {
    const { meetingId, columnId } = await board();
    const facilitatorStream = await listen(cast.north);
    const viewerStream = await listen(cast.northViewer);
    const secrets = ["Southpeak might exit in 2028", "Turin depot is for sale"];
    const noteIds: string[] = [];
    for (const text of secrets) {
      const added = await call(cast.south, "POST", `/api/meetings/${meetingId}/workshop/notes`, {
        text,
        columnId,
      });
      expect(added.status).toBe(201);
      noteIds.push(added.body.workshop.notes.find((n: any) => n.text === text).id);
    }
    const moved = await call(cast.south, "PATCH", `/api/workshop-notes/${noteIds[0]}`, {
      text: `${secrets[0]} (maybe)`,
    });
    expect(moved.status).toBe(200);

    for (const stream of [facilitatorStream, viewerStream]) {
      await eventually(() => stream.count("workshop.changed") >= 3, 5000, "three announcements");
    }
    const views = await Promise.all(
      [cast.north, cast.northViewer].map(async (user) => {
        const response = await fetch(`${live.url}/api/meetings/${meetingId}/workshop`, {
          headers: { cookie: user.cookie },
        });
        expect(response.status).toBe(200);
        return response.text();
      }),
    );
    for (const raw of [...views, facilitatorStream.text, viewerStream.text]) {
      for (const secret of [...secrets, ...noteIds, cast.south.id, "Sam South"]) {
        expect(raw).not.toContain(secret);
      }
    }
    expect(JSON.parse(views[0]!).workshop.hidden).toEqual([
      { organizationId: cast.southOrg, count: 2 },
    ]);
    // The events say that something changed, and where: nothing else.
    expect(facilitatorStream.text).toContain(
      `data: ${JSON.stringify({ type: "workshop.changed", meetingId })}`,
    );

    const revealed = await call(cast.north, "PUT", `/api/meetings/${meetingId}/workshop/phase`, {
      phase: "revealed",
    });
    expect(revealed.status).toBe(200);
    await eventually(() => viewerStream.count("workshop.changed") >= 4, 5000, "the reveal");
    const after = await fetch(`${live.url}/api/meetings/${meetingId}/workshop`, {
      headers: { cookie: cast.northViewer.cookie },
    });
    const raw = await after.text();
    for (const text of [`${secrets[0]} (maybe)`, secrets[1]!, ...noteIds, cast.south.id]) {
      expect(raw).toContain(text);
    }
    // Still nothing but the announcement on the streams.
    expect(viewerStream.text).not.toContain(secrets[1]);
  });

  it("turns notes into an action, an issue and a decision that arrive live on open documents", async () => {
    const objectivesName = formatDocumentName({
      kind: "objectives",
      partnershipId: cast.partnershipId,
    });
    const issuesName = formatDocumentName({ kind: "issues", partnershipId: cast.partnershipId });
    const decisionsName = formatDocumentName({
      kind: "decisions",
      partnershipId: cast.partnershipId,
    });
    // Southpeak has the objectives open and adds the objective the action will go under.
    const objectivesClient = live.connect(objectivesName, cast.south.cookie);
    const issuesClient = live.connect(issuesName, cast.northViewer.cookie);
    const decisionsClient = live.connect(decisionsName, cast.south.cookie);
    await Promise.all([objectivesClient.synced, issuesClient.synced, decisionsClient.synced]);
    const objectiveId = addObjective(
      objectivesClient.doc,
      {
        title: "Regional cold chain",
        ownerOrganizationIds: [cast.southOrg],
        governanceLevel: "tactical",
      },
      { userId: cast.south.id, organizationId: cast.southOrg },
    );

    const { meetingId, columnId } = await board();
    await call(cast.north, "PUT", `/api/meetings/${meetingId}/workshop/phase`, {
      phase: "revealed",
    });
    const texts = ["Pilot the Lyon route", "Customs forms differ", "Share one depot"];
    const ids: string[] = [];
    for (const text of texts) {
      const added = await call(cast.south, "POST", `/api/meetings/${meetingId}/workshop/notes`, {
        text,
        columnId,
      });
      ids.push(added.body.workshop.notes.find((n: any) => n.text === text).id);
    }

    // The objective was typed a moment ago on a live socket: once the server has it, the
    // action goes under it.
    await eventually(
      () => {
        const room = live.server.rooms.get(objectivesName);
        return !!room && readValues(readObjectives(room.doc)).some((o) => o.id === objectiveId);
      },
      5000,
      "the objective on the server",
    );
    const action = await call(cast.north, "POST", `/api/workshop-notes/${ids[0]}/convert`, {
      kind: "action",
      objectiveId,
      ownerOrganizationId: cast.southOrg,
    });
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    await eventually(
      () =>
        readValues(readObjectives(objectivesClient.doc)).some((objective) =>
          readValues(objective.actions).some(
            (a) =>
              a.id === action.body.item.id &&
              a.title === "Pilot the Lyon route" &&
              a.meetingId === meetingId &&
              a.createdBy === cast.north.id &&
              a.organizationId === cast.northOrg,
          ),
        ),
      5000,
      "the action on the client that has the objectives open",
    );

    const issue = await call(cast.south, "POST", `/api/workshop-notes/${ids[1]}/convert`, {
      kind: "issue",
      ownerOrganizationId: cast.northOrg,
      severity: "high",
    });
    expect(issue.status).toBe(201);
    await eventually(
      () =>
        readValues(readIssues(issuesClient.doc)).some(
          (i) => i.id === issue.body.item.id && i.severity === "high" && i.meetingId === meetingId,
        ),
      5000,
      "the issue on a (read-only) client",
    );

    const decision = await call(cast.south, "POST", `/api/workshop-notes/${ids[2]}/convert`, {
      kind: "decision",
      level: "strategic",
    });
    expect(decision.status).toBe(201);
    await eventually(
      () =>
        readValues(readDecisions(decisionsClient.doc)).some(
          (d) =>
            d.id === decision.body.item.id &&
            d.title === "Share one depot" &&
            d.status === "proposed" &&
            d.meetingId === meetingId,
        ),
      5000,
      "the decision on the client",
    );

    // Once only.
    for (const [id, body] of [
      [ids[0], { kind: "action", objectiveId, ownerOrganizationId: cast.southOrg }],
      [ids[1], { kind: "issue", ownerOrganizationId: cast.northOrg }],
      [ids[2], { kind: "decision", level: "strategic" }],
    ] as const) {
      const again = await call(cast.north, "POST", `/api/workshop-notes/${id}/convert`, body);
      expect(again.status).toBe(409);
    }
    const view = await call(cast.northViewer, "GET", `/api/meetings/${meetingId}/workshop`);
    expect(view.body.workshop.notes.map((n: any) => n.conversion?.kind)).toEqual([
      "action",
      "issue",
      "decision",
    ]);
    // Exactly one of each arrived.
    expect(
      readValues(readObjectives(objectivesClient.doc)).flatMap((o) => readValues(o.actions)),
    ).toHaveLength(1);
    expect(readValues(readIssues(issuesClient.doc))).toHaveLength(1);
    expect(readValues(readDecisions(decisionsClient.doc))).toHaveLength(1);
  });
});
