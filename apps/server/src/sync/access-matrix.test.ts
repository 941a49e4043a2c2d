import { formatDocumentName, type DocumentRef } from "@entente/domain";
import { CHARTER_FRAGMENT, charterPlainText } from "@entente/editor";
import {
  addAmbition,
  addDecision,
  addIssue,
  addObjective,
  privateNotesFragment,
  privateNotesPlainText,
  readAmbitions,
  readDecisions,
  readIssues,
  readObjectives,
  readValues,
  type Author,
} from "@entente/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  liveCast,
  type CastMember,
  type CastOrganization,
  type LiveCast,
} from "../test/live-cast.js";
import { eventually, LiveServer, roundTrip, type SyncClient } from "../test/live-server.js";

/**
 * PRODUCT.md's access table, cell by cell, against a real server with stock y-websocket
 * clients: every permission × own or partner organization × document kind × read or
 * write, for a member of each organization. Meeting documents do not exist yet (every
 * upgrade to one is refused, tested last); their cells join this table when they do.
 *
 * For the shared documents (charter, objectives, issues, decisions) "own" and "partner"
 * say whose earlier content the member must read, and whose fresh reader must see (or
 * not see) what the member writes; for the profile and private notes they say whose
 * document it is.
 */

const KINDS = ["charter", "objectives", "issues", "decisions", "profile", "private"] as const;
type Kind = (typeof KINDS)[number];
const SIDES = ["own", "partner"] as const;
type Side = (typeof SIDES)[number];
const PERMISSIONS = ["admin", "editor", "viewer"] as const;
type Permission = (typeof PERMISSIONS)[number];
type Access = "write" | "read" | "none";

const SHARED: Record<Permission, Access> = { admin: "write", editor: "write", viewer: "read" };

/** The expected answer of every cell, written out rather than computed from the rule under test. */
const EXPECTED: Record<Kind, Record<Side, Record<Permission, Access>>> = {
  charter: { own: SHARED, partner: SHARED },
  objectives: { own: SHARED, partner: SHARED },
  issues: { own: SHARED, partner: SHARED },
  decisions: { own: SHARED, partner: SHARED },
  profile: { own: SHARED, partner: { admin: "read", editor: "read", viewer: "read" } },
  private: { own: SHARED, partner: { admin: "none", editor: "none", viewer: "none" } },
};

/** How content is written to and found in each kind of document, through @entente/schema. */
const CONTENT: Record<
  Kind,
  { write(doc: Y.Doc, marker: string, by: Author): void; markers(doc: Y.Doc): string[] }
> = {
  charter: {
    write: (doc, marker) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(marker)]);
      doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph]);
    },
    markers: (doc) => charterPlainText(doc).split("\n"),
  },
  objectives: {
    write: (doc, marker, by) =>
      void addObjective(
        doc,
        { title: marker, ownerOrganizationIds: [by.organizationId], governanceLevel: "tactical" },
        by,
      ),
    markers: (doc) => readValues(readObjectives(doc)).map((o) => o.title),
  },
  issues: {
    write: (doc, marker, by) =>
      void addIssue(
        doc,
        { kind: "issue", title: marker, ownerOrganizationId: by.organizationId, severity: "low" },
        by,
      ),
    markers: (doc) => readValues(readIssues(doc)).map((i) => i.title),
  },
  decisions: {
    write: (doc, marker, by) =>
      void addDecision(doc, { title: marker, governanceLevel: "operational" }, by),
    markers: (doc) => readValues(readDecisions(doc)).map((d) => d.title),
  },
  profile: {
    write: (doc, marker, by) => void addAmbition(doc, { statement: marker }, by),
    markers: (doc) => readValues(readAmbitions(doc)).map((a) => a.statement),
  },
  private: {
    write: (doc, marker) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(marker)]);
      privateNotesFragment(doc).push([paragraph]);
    },
    markers: (doc) => privateNotesPlainText(doc).split("\n"),
  },
};

interface Cell {
  kind: Kind;
  side: Side;
  op: "read" | "write";
  expected: Access;
}

function cellsFor(permission: Permission): [string, Cell][] {
  return KINDS.flatMap((kind) =>
    SIDES.flatMap((side) =>
      (["read", "write"] as const).map((op) => {
        const expected = EXPECTED[kind][side][permission];
        const allowed = op === "read" ? expected !== "none" : expected === "write";
        const refusal = expected === "none" ? "refused (403)" : "never applied";
        const label = `${side} ${kind}: ${op} ${allowed ? "allowed" : refusal}`;
        return [label, { kind, side, op, expected }] as [string, Cell];
      }),
    ),
  );
}

describe("access matrix, live: permission × own/partner × document kind × read/write", () => {
  let live: LiveServer;
  let cast: LiveCast;

  const organization = (key: "north" | "south") => cast[key];
  const partnerOf = (key: "north" | "south") => cast[key === "north" ? "south" : "north"];

  function documentName(kind: Kind, owner: CastOrganization): string {
    const ref: DocumentRef =
      kind === "profile" || kind === "private"
        ? { kind, partnershipId: cast.partnershipId, organizationId: owner.id }
        : { kind, partnershipId: cast.partnershipId };
    return formatDocumentName(ref);
  }

  /** What an owner wrote before the matrix runs, per document and writing organization. */
  const seedMarker = (kind: Kind, writer: CastOrganization) => `seed ${kind} by ${writer.name}`;

  async function write(
    kind: Kind,
    name: string,
    user: CastMember,
    organizationId: string,
    marker: string,
  ): Promise<SyncClient> {
    const client = live.connect(name, user.cookie);
    await client.synced;
    CONTENT[kind].write(client.doc, marker, { userId: user.id, organizationId });
    await roundTrip(client);
    return client;
  }

  async function markersOf(name: string, user: CastMember, kind: Kind): Promise<string[]> {
    const client = live.connect(name, user.cookie);
    try {
      await client.synced;
      return CONTENT[kind].markers(client.doc);
    } finally {
      client.destroy();
    }
  }

  async function rowsBy(userId: string, name: string): Promise<number> {
    const rows = await live.server.store.db
      .selectFrom("document_updates")
      .select("id")
      .where("document_name", "=", name)
      .where("user_id", "=", userId)
      .execute();
    return rows.length;
  }

  beforeAll(async () => {
    live = await LiveServer.start({
      // Some 400 connections within a minute from one address and user: not an attack.
      syncLimits: {
        connectionsPerAddress: { max: 100_000, windowMs: 60_000 },
        connectionsPerUser: { max: 100_000, windowMs: 60_000 },
      },
    });
    cast = await liveCast(live);
    for (const owner of [cast.north, cast.south]) {
      for (const kind of KINDS) {
        const client = await write(
          kind,
          documentName(kind, owner),
          owner.admin,
          owner.id,
          seedMarker(kind, owner),
        );
        client.destroy();
      }
    }
  });

  afterAll(async () => {
    await live.close();
  });

  describe.each([
    ["Northwind", "north"],
    ["Southpeak", "south"],
  ] as const)("%s member", (_, key) => {
    describe.each(PERMISSIONS)("%s", (permission) => {
      it.each(cellsFor(permission))("%s", async (_label, { kind, side, op, expected }) => {
        const own = organization(key);
        const actor = own[permission];
        // Whose document (profile, private), or whose earlier content and readers (shared).
        const other = side === "own" ? own : partnerOf(key);
        const name = documentName(kind, other);

        if (expected === "none") {
          expect(await live.upgradeStatus(name, actor.cookie)).toBe(403);
          expect(await rowsBy(actor.id, name)).toBe(0);
          return;
        }

        if (op === "read") {
          expect(await live.upgradeStatus(name, actor.cookie)).toBe("open");
          const client = live.connect(name, actor.cookie);
          try {
            await client.synced;
            expect(CONTENT[kind].markers(client.doc)).toContain(seedMarker(kind, other));
          } finally {
            client.destroy();
          }
          return;
        }

        const marker = `${own.name} ${permission} wrote to ${side} ${kind}`;
        // A member of the other side, already connected: sees live what is relayed.
        const witness = live.connect(name, other.admin.cookie);
        await witness.synced;
        const client = await write(kind, name, actor, own.id, marker);
        try {
          if (expected === "write") {
            await eventually(
              () => CONTENT[kind].markers(witness.doc).includes(marker),
              5000,
              "relay to a connected reader",
            );
            expect(await markersOf(name, other.admin, kind)).toContain(marker);
            expect(await rowsBy(actor.id, name)).toBeGreaterThan(0);
          } else {
            // The client still shows its own change: the server must not take it anywhere.
            expect(CONTENT[kind].markers(client.doc)).toContain(marker);
            await roundTrip(witness);
            expect(CONTENT[kind].markers(witness.doc)).not.toContain(marker);
            expect(await markersOf(name, other.admin, kind)).not.toContain(marker);
            expect(await rowsBy(actor.id, name)).toBe(0);
          }
        } finally {
          client.destroy();
          witness.destroy();
        }
      });
    });
  });

  it("refuses every upgrade to a meeting that does not exist (meetings-live.test.ts covers real ones)", async () => {
    const name = formatDocumentName({
      kind: "meeting",
      partnershipId: cast.partnershipId,
      meetingId: "weekly",
    });
    for (const member of [cast.north.admin, cast.south.viewer]) {
      expect(await live.upgradeStatus(name, member.cookie)).toBe(403);
    }
  });
});
