import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT } from "@entente/editor";
import { CloseCode } from "@entente/protocol";
import {
  addIssue,
  addKpi,
  addMeasurement,
  addObjective,
  readIssues,
  readObjectives,
  readSchemaVersion,
  removeKpi,
  removeObjective,
  setKpiTarget,
  updateIssue,
  type Author,
} from "@entente/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendParagraph } from "../test/charter-text.js";
import { meetingDocument, scheduleMeeting, writeNotes } from "../test/live-meetings.js";
import { eventually, LiveServer, roundTrip } from "../test/live-server.js";
import { STAMP_CLOCK_WINDOW_MS } from "./content-guard.js";

const HOUR = 60 * 60 * 1000;

describe("the content guard: a hostile partner's stock y-websocket client", () => {
  let live: LiveServer;
  let cast: Awaited<ReturnType<LiveServer["twoOrganizations"]>>;
  let north: Author;
  let south: Author;

  beforeEach(async () => {
    live = await LiveServer.start({ compactAfterUpdates: 5 });
    cast = await live.twoOrganizations();
    north = { userId: cast.north.id, organizationId: cast.northOrg };
    south = { userId: cast.south.id, organizationId: cast.southOrg };
  });

  afterEach(async () => {
    await live.close();
  });

  const doc = (kind: "objectives" | "issues" | "decisions" | "charter") =>
    formatDocumentName({ kind, partnershipId: cast.partnershipId });

  /** A client of `cookie`'s user, synced, that records how its socket closes. */
  async function open(name: string, cookie: string) {
    const client = live.connect(name, cookie);
    const closes: number[] = [];
    client.provider.on("connection-close", (event: { code: number } | null) =>
      closes.push(event?.code ?? 0),
    );
    await client.synced;
    return { client, closes };
  }

  /** Makes a genuine edit as `cookie`'s user and waits until the server stored it. */
  async function genuine(name: string, cookie: string, edit: (doc: Y.Doc) => void) {
    const { client, closes } = await open(name, cookie);
    edit(client.doc);
    await roundTrip(client);
    expect(closes).toEqual([]);
    client.destroy();
  }

  /**
   * Southpeak's editor makes `forge` on its copy; the server must close the socket with
   * 4400. A Northwind client open meanwhile must see nothing of it; returns a fresh read.
   */
  async function refused(
    name: string,
    forge: (doc: Y.Doc) => void,
    what = "the forgery",
  ): Promise<Y.Doc> {
    const watcher = await open(name, cast.north.cookie);
    const before = Y.encodeStateVector(watcher.client.doc);
    const hostile = await open(name, cast.south.cookie);
    forge(hostile.client.doc);
    await eventually(() => hostile.closes.length > 0, 5000, `${what} to be refused`);
    expect(hostile.closes[0]).toBe(CloseCode.InvalidMessage);
    // Its reconnection re-sends the same update: stop it.
    hostile.client.destroy();
    await roundTrip(watcher.client);
    expect(Y.encodeStateVector(watcher.client.doc)).toEqual(before);
    expect(watcher.closes).toEqual([]);
    watcher.client.destroy();
    const fresh = await open(name, cast.north.cookie);
    expect(Y.encodeStateVector(fresh.client.doc)).toEqual(before);
    return fresh.client.doc;
  }

  function issueInput(title: string) {
    return {
      kind: "issue" as const,
      title,
      ownerOrganizationId: cast.southOrg,
      severity: "high" as const,
    };
  }

  it("refuses an issue stamped as a Northwind member, or with a wrong organization or time", async () => {
    const issues = doc("issues");
    await genuine(issues, cast.south.cookie, (d) => addIssue(d, issueInput("Ours"), south));
    const forgeries: Author[] = [
      north,
      { userId: cast.south.id, organizationId: cast.northOrg },
      { ...south, at: new Date(Date.now() - HOUR) },
      { ...south, at: new Date(Date.now() + STAMP_CLOCK_WINDOW_MS + 60_000) },
    ];
    for (const by of forgeries) {
      const fresh = await refused(issues, (d) =>
        addIssue(d, issueInput("Northwind admits the delay is its fault"), by),
      );
      expect(readIssues(fresh).map((r) => r.ok && r.value.title)).toEqual(["Ours"]);
    }
  });

  it("refuses rewriting or deleting the stamp of a Northwind entry, but lets people edit the fields they choose", async () => {
    const issues = doc("issues");
    let id = "";
    await genuine(issues, cast.north.cookie, (d) => {
      id = addIssue(d, { ...issueInput("Theirs"), ownerOrganizationId: cast.northOrg }, north);
    });
    const entry = (d: Y.Doc) => d.getMap("issues").get(id) as Y.Map<unknown>;
    for (const forge of [
      (d: Y.Doc) => entry(d).set("createdBy", cast.south.id),
      (d: Y.Doc) => entry(d).set("organizationId", cast.southOrg),
      (d: Y.Doc) => entry(d).set("createdAt", new Date(Date.now() - HOUR).toISOString()),
      (d: Y.Doc) => entry(d).delete("createdBy"),
      // Replacing the whole entry under its id is a re-creation under a known id.
      (d: Y.Doc) => {
        const copy = new Y.Map<unknown>();
        d.getMap("issues").set(id, copy);
        for (const [k, v] of Object.entries(entry(d).toJSON())) copy.set(k, v);
      },
    ]) {
      const fresh = await refused(issues, forge);
      expect(entry(fresh).get("createdBy")).toBe(cast.north.id);
    }
    // Owner organization, assignee and "raised by" stay editable by the partner.
    await genuine(issues, cast.south.cookie, (d) =>
      updateIssue(d, id, {
        ownerOrganizationId: cast.southOrg,
        raisedBy: cast.south.id,
        assigneeUserId: cast.south.id,
        title: "Shared",
      }),
    );
    const fresh = await open(issues, cast.north.cookie);
    expect(entry(fresh.client.doc).toJSON()).toMatchObject({
      ownerOrganizationId: cast.southOrg,
      raisedBy: cast.south.id,
      title: "Shared",
      createdBy: cast.north.id,
    });
  });

  it("keeps a KPI's target history append-only and its measurements immutable", async () => {
    const objectives = doc("objectives");
    let objectiveId = "";
    let kpiId = "";
    let measurementId = "";
    await genuine(objectives, cast.north.cookie, (d) => {
      objectiveId = addObjective(
        d,
        {
          title: "Halve waste",
          ownerOrganizationIds: [cast.northOrg],
          governanceLevel: "strategic",
        },
        north,
      );
      kpiId = addKpi(
        d,
        objectiveId,
        { name: "Waste", unit: "t", target: 50, direction: "decrease" },
        north,
      );
      setKpiTarget(d, objectiveId, kpiId, 40, north);
      measurementId = addMeasurement(
        d,
        objectiveId,
        kpiId,
        { date: "2026-12-01", value: 90 },
        north,
      );
    });
    const kpi = (d: Y.Doc) =>
      (
        (d.getMap("objectives").get(objectiveId) as Y.Map<unknown>).get("kpis") as Y.Map<unknown>
      ).get(kpiId) as Y.Map<unknown>;
    const history = (d: Y.Doc) => kpi(d).get("targetHistory") as Y.Array<Record<string, unknown>>;
    const measurements = (d: Y.Doc) => kpi(d).get("measurements") as Y.Map<unknown>;
    const targets = (d: Y.Doc) =>
      history(d)
        .toArray()
        .map((change) => change.target);
    const agreedByNorth = {
      target: 10,
      changedBy: cast.north.id,
      organizationId: cast.northOrg,
      changedAt: new Date(Date.now() - 30 * 24 * HOUR).toISOString(),
      note: "agreed",
    };
    const forgeries = [
      // A back-dated entry "agreed by" Northwind's admin replaces the second one.
      (d: Y.Doc) => {
        history(d).delete(1, 1);
        history(d).insert(1, [agreedByNorth]);
      },
      // Appended, but in Northwind's name.
      (d: Y.Doc) => history(d).push([{ ...agreedByNorth, changedAt: new Date().toISOString() }]),
      // Appended in our name, back-dated.
      (d: Y.Doc) =>
        history(d).push([
          { ...agreedByNorth, changedBy: cast.south.id, organizationId: cast.southOrg },
        ]),
      // Reordered.
      (d: Y.Doc) => {
        const first = history(d).get(0);
        history(d).delete(0, 1);
        history(d).push([first]);
      },
      // Slipped in before the existing entries, though stamped by the sender.
      (d: Y.Doc) =>
        history(d).insert(0, [
          {
            target: 5,
            changedBy: cast.south.id,
            organizationId: cast.southOrg,
            changedAt: new Date().toISOString(),
            note: null,
          },
        ]),
      // The whole history replaced.
      (d: Y.Doc) => kpi(d).set("targetHistory", Y.Array.from([agreedByNorth])),
      // A measurement deleted, rewritten, or its whole collection swapped.
      (d: Y.Doc) => measurements(d).delete(measurementId),
      (d: Y.Doc) => (measurements(d).get(measurementId) as Y.Map<unknown>).set("value", 10),
      (d: Y.Doc) => kpi(d).set("measurements", new Y.Map()),
    ];
    for (const [index, forge] of forgeries.entries()) {
      const fresh = await refused(objectives, forge, `KPI forgery ${index}`);
      expect(targets(fresh)).toEqual([50, 40]);
      expect(measurements(fresh).has(measurementId)).toBe(true);
    }
    // The genuine paths: a new target in our name, a measurement, deleting the KPI whole.
    await genuine(objectives, cast.south.cookie, (d) => {
      setKpiTarget(d, objectiveId, kpiId, 30, south);
      addMeasurement(d, objectiveId, kpiId, { date: "2026-12-02", value: 80 }, south);
    });
    const after = await open(objectives, cast.north.cookie);
    expect(targets(after.client.doc)).toEqual([50, 40, 30]);
    expect(measurements(after.client.doc).size).toBe(2);
    after.client.destroy();
    await genuine(objectives, cast.south.cookie, (d) => removeKpi(d, objectiveId, kpiId));
    const gone = await open(objectives, cast.north.cookie);
    const [objective] = readObjectives(gone.client.doc);
    expect(objective?.ok && objective.value.kpis).toEqual([]);
  });

  it("refuses re-creating a deleted objective under its old id, also after compaction and a restart", async () => {
    const objectives = doc("objectives");
    let id = "";
    await genuine(objectives, cast.north.cookie, (d) => {
      id = addObjective(
        d,
        {
          title: "Northwind's",
          ownerOrganizationIds: [cast.northOrg],
          governanceLevel: "tactical",
        },
        north,
      );
    });
    await genuine(objectives, cast.north.cookie, (d) => removeObjective(d, id));
    // Enough filler for the log to be folded into a snapshot, then a cold start.
    for (let i = 0; i < 6; i++) {
      await genuine(objectives, cast.north.cookie, (d) =>
        addObjective(
          d,
          {
            title: `Filler ${i}`,
            ownerOrganizationIds: [cast.northOrg],
            governanceLevel: "operational",
          },
          north,
        ),
      );
    }
    await live.restart();
    const fresh = await refused(objectives, (d) => {
      const entry = new Y.Map<unknown>();
      d.getMap("objectives").set(id, entry);
      entry.set("title", "Southpeak's new objective");
      entry.set("createdBy", cast.south.id);
      entry.set("organizationId", cast.southOrg);
      entry.set("createdAt", new Date().toISOString());
    });
    expect(fresh.getMap("objectives").has(id)).toBe(false);
  });

  it("refuses writes to schemaVersion but the first stamp a writer makes", async () => {
    const decisions = doc("decisions");
    // A writer's first write stamps the current version: genuine.
    await genuine(decisions, cast.south.cookie, (d) =>
      d.transact(() => d.getMap("meta").set("schemaVersion", 1)),
    );
    for (const forge of [
      (d: Y.Doc) => d.getMap("meta").set("schemaVersion", 99),
      (d: Y.Doc) => d.getMap("meta").delete("schemaVersion"),
      (d: Y.Doc) => d.getMap("meta").set("migratedBy", "south"),
    ]) {
      const fresh = await refused(decisions, forge);
      expect(readSchemaVersion(fresh)).toEqual({ status: "current", version: 1 });
    }
    const issues = doc("issues");
    const fresh = await refused(issues, (d) => d.getMap("meta").set("schemaVersion", 99));
    expect(readSchemaVersion(fresh)).toEqual({ status: "absent" });
  });

  it("refuses a BigInt attribute in meeting notes, shared types in attributes and unknown roots", async () => {
    const meeting = await scheduleMeeting(live, cast.partnershipId, cast.north, {
      title: "Steering",
      kind: "steering_committee",
      level: "strategic",
      agenda: [{ title: "Fleet", ownerOrganizationId: cast.northOrg, timeboxMinutes: 10 }],
    });
    const itemId = meeting.agenda[0]?.id as string;
    const notes = meetingDocument(cast.partnershipId, meeting);
    await genuine(notes, cast.south.cookie, (d) => writeNotes(d, itemId, "Genuine notes."));
    const paragraph = (d: Y.Doc) => d.getXmlFragment(`agenda:${itemId}`).get(0) as Y.XmlElement;
    await refused(notes, (d) => paragraph(d).setAttribute("level", 10n as unknown as string));
    await refused(notes, (d) =>
      paragraph(d).setAttribute("level", new Y.Map() as unknown as string),
    );
    await refused(notes, (d) => d.getMap("evil").set("x", 1));
    const charter = doc("charter");
    await genuine(charter, cast.south.cookie, (d) => appendParagraph(d, "Our charter."));
    await refused(charter, (d) => d.getMap("comments").set("forged", "x"));
    await refused(charter, (d) => d.getMap("meta").set("schemaVersion", 99));
    await refused(charter, (d) =>
      d.getXmlFragment(`${CHARTER_FRAGMENT}2`).push([new Y.XmlText("x")]),
    );
    // The meeting still answers for everyone.
    const view = await live.api("GET", `/api/meetings/${meeting.id}`, undefined, cast.north.cookie);
    expect(view.status).toBe(200);
  });
});
