import { formatDocumentName } from "@entente/domain";
import {
  addAction,
  addObjective,
  readObjectives,
  readValues,
  updateObjective,
  type Author,
} from "@entente/schema";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Store } from "../db/database.js";
import { eventually } from "../test/live-server.js";
import { useLiveServer } from "../test/live-fixture.js";
import { openMigratedStore, tempDatabase } from "../test/test-store.js";
import { CurrentDocuments } from "./document-reader.js";
import { LiveDocumentWriter, type WritableRoom } from "./document-writer.js";
import { SINGLE_INSTANCE, type DocumentMessage, type InstanceBus } from "./instance-bus.js";
import { SqlUpdateLog } from "./update-log.js";

const NAME = "p1/objectives";

/** A bus that records what is published for the other instances. */
function recordingBus(): InstanceBus & { published: [string, DocumentMessage][] } {
  const published: [string, DocumentMessage][] = [];
  return {
    ...SINGLE_INSTANCE,
    published,
    publish: (name, message) => published.push([name, message]),
  };
}

function objectiveTitles(doc: Y.Doc): string[] {
  return readValues(readObjectives(doc)).map((o) => o.title);
}

describe("LiveDocumentWriter without a loaded room", () => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const database = await tempDatabase();
    cleanup = database.cleanup;
    store = await openMigratedStore(database.url);
    // Stamps reference a user and an organization.
    await store.db
      .insertInto("organizations")
      .values({ id: "north", name: "North", created_at: 0 })
      .execute();
    await store.db
      .insertInto("users")
      .values({
        id: "ana",
        email: "ana@example.test",
        name: "Ana",
        password_hash: "x",
        created_at: 0,
      })
      .execute();
  });

  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  const by: Author = { userId: "ana", organizationId: "north" };

  it("appends the change to the log with the user's stamp and publishes it to the other instances", async () => {
    const log = new SqlUpdateLog(store);
    const bus = recordingBus();
    const writer = new LiveDocumentWriter(log, bus);
    const id = await writer.writeDocument(NAME, by, (doc) =>
      addObjective(
        doc,
        { title: "Cold chain", ownerOrganizationIds: ["north"], governanceLevel: "tactical" },
        by,
      ),
    );
    // A second write builds on the first, read back from storage.
    await writer.writeDocument(NAME, by, (doc) =>
      addAction(doc, id, { title: "Pilot route", ownerOrganizationId: "north" }, by),
    );

    const doc = await new CurrentDocuments(log).readDocument(NAME);
    const objective = readValues(readObjectives(doc))[0]!;
    expect(objective.id).toBe(id);
    expect(readValues(objective.actions).map((a) => a.title)).toEqual(["Pilot route"]);
    const rows = await store.db
      .selectFrom("document_updates")
      .select(["user_id", "organization_id"])
      .where("document_name", "=", NAME)
      .execute();
    expect(rows).toEqual([
      { user_id: "ana", organization_id: "north" },
      { user_id: "ana", organization_id: "north" },
    ]);
    expect(bus.published.map(([name, message]) => [name, message.kind])).toEqual([
      [NAME, "update"],
      [NAME, "update"],
    ]);
    // What is published is what was stored: a fresh document rebuilt from it has the objective.
    const rebuilt = new Y.Doc();
    for (const [, message] of bus.published) {
      if (message.kind === "update") Y.applyUpdate(rebuilt, message.update);
    }
    expect(objectiveTitles(rebuilt)).toEqual(["Cold chain"]);
  });

  it("writes nothing when the change throws, and nothing for a change that changes nothing", async () => {
    const log = new SqlUpdateLog(store);
    const bus = recordingBus();
    const writer = new LiveDocumentWriter(log, bus);
    await expect(
      writer.writeDocument(NAME, by, (doc) =>
        addAction(doc, "nosuchobjective", { title: "x", ownerOrganizationId: "north" }, by),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await writer.writeDocument(NAME, by, () => 42)).toBe(42);
    const stored = await log.load(NAME);
    expect(stored.updates).toEqual([]);
    expect(bus.published).toEqual([]);
  });

  it("relays the stored update to a room this process opened while it wrote", async () => {
    const relayed: Uint8Array[] = [];
    const room: WritableRoom = {
      applyServerChange: () => Promise.reject(new Error("not loaded when the write began")),
      relayStored: (update) => relayed.push(update),
    };
    let lookups = 0;
    // Not loaded when the write begins; loaded (and reading storage) by the time it is stored.
    const rooms = { get: () => (++lookups === 1 ? undefined : room) };
    const writer = new LiveDocumentWriter(new SqlUpdateLog(store), SINGLE_INSTANCE, rooms);
    await writer.writeDocument(NAME, by, (doc) =>
      addObjective(
        doc,
        { title: "Late room", ownerOrganizationIds: ["north"], governanceLevel: "tactical" },
        by,
      ),
    );
    expect(relayed).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, relayed[0]!);
    expect(objectiveTitles(doc)).toEqual(["Late room"]);
  });

  it("falls back to storage when the loaded room failed before the change's turn", async () => {
    const room: WritableRoom = {
      applyServerChange: () => Promise.resolve({ applied: false }),
      relayStored: () => {},
    };
    const log = new SqlUpdateLog(store);
    const writer = new LiveDocumentWriter(log, SINGLE_INSTANCE, { get: () => room });
    await writer.writeDocument(NAME, by, (doc) =>
      addObjective(
        doc,
        { title: "Stored anyway", ownerOrganizationIds: ["north"], governanceLevel: "tactical" },
        by,
      ),
    );
    expect(objectiveTitles(await new CurrentDocuments(log).readDocument(NAME))).toEqual([
      "Stored anyway",
    ]);
  });
});

describe("LiveDocumentWriter with a loaded room", () => {
  const ctx = useLiveServer("all");
  let objectives: string;
  let north: Author;

  beforeAll(() => {
    objectives = formatDocumentName({ kind: "objectives", partnershipId: ctx.cast.partnershipId });
    north = { userId: ctx.cast.north.id, organizationId: ctx.cast.northOrg };
  });

  const storedRows = () =>
    ctx.live.server.store.db
      .selectFrom("document_updates")
      .select(["user_id", "organization_id"])
      .where("document_name", "=", objectives)
      .orderBy("id")
      .execute();

  const fromStorage = () =>
    new CurrentDocuments(new SqlUpdateLog(ctx.live.server.store)).readDocument(objectives);

  it("applies the change through the room: every client gets it, stored with the user's stamp", async () => {
    const south = ctx.live.connect(objectives, ctx.cast.south.cookie);
    const viewer = ctx.live.connect(objectives, ctx.cast.northViewer.cookie);
    await Promise.all([south.synced, viewer.synced]);
    await eventually(() => ctx.live.server.rooms.size === 1, 5000, "room loaded");
    const before = (await storedRows()).length;

    const id = await ctx.live.server.services.documentWriter.writeDocument(
      objectives,
      north,
      (doc) =>
        addObjective(
          doc,
          {
            title: "Shared depot",
            ownerOrganizationIds: [ctx.cast.northOrg],
            governanceLevel: "strategic",
          },
          north,
        ),
    );

    // Stored before anyone receives it: it is in storage as soon as the write resolves.
    expect(objectiveTitles(await fromStorage())).toContain("Shared depot");
    const rows = await storedRows();
    expect(rows.slice(before)).toEqual([
      { user_id: ctx.cast.north.id, organization_id: ctx.cast.northOrg },
    ]);
    for (const client of [south, viewer]) {
      await eventually(
        () => readValues(readObjectives(client.doc)).some((o) => o.id === id),
        5000,
        "the objective on a client",
      );
    }
    expect(ctx.live.server.rooms.size).toBe(1);
    south.destroy();
    viewer.destroy();
    await eventually(() => ctx.live.server.rooms.size === 0, 5000, "room unloaded");
  });

  it("merges with a client's concurrent edit of the same item", async () => {
    const client = ctx.live.connect(objectives, ctx.cast.south.cookie);
    await client.synced;
    const id = addObjective(
      client.doc,
      {
        title: "Cold chain",
        ownerOrganizationIds: [ctx.cast.southOrg],
        governanceLevel: "tactical",
      },
      { userId: ctx.cast.south.id, organizationId: ctx.cast.southOrg },
    );
    await eventually(() => ctx.live.server.rooms.size === 1, 5000, "room loaded");
    await ctx.live.server.rooms.get(objectives)!.whenIdle();
    const second = ctx.live.connect(objectives, ctx.cast.north.cookie);
    await second.synced;

    // The client renames while the server adds an action to the same objective.
    updateObjective(client.doc, id, { title: "Cold chain for producers" });
    const actionId = await ctx.live.server.services.documentWriter.writeDocument(
      objectives,
      north,
      (doc) =>
        addAction(doc, id, { title: "Pilot route", ownerOrganizationId: ctx.cast.northOrg }, north),
    );

    const merged = (doc: Y.Doc) => {
      const objective = readValues(readObjectives(doc)).find((o) => o.id === id);
      return (
        objective?.title === "Cold chain for producers" &&
        readValues(objective.actions).some((a) => a.id === actionId)
      );
    };
    await eventually(() => merged(client.doc), 5000, "both edits on the editing client");
    await eventually(() => merged(second.doc), 5000, "both edits on another client");
    await ctx.live.server.rooms.get(objectives)?.whenIdle();
    expect(merged(await fromStorage())).toBe(true);
    expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(second.doc));
    client.destroy();
    second.destroy();
    await eventually(() => ctx.live.server.rooms.size === 0, 5000, "room unloaded");
  });

  it("leaves the room untouched when the change throws half-way, and the room keeps working", async () => {
    const client = ctx.live.connect(objectives, ctx.cast.south.cookie);
    await client.synced;
    await eventually(() => ctx.live.server.rooms.size === 1, 5000, "room loaded");
    const rowsBefore = (await storedRows()).length;
    await expect(
      ctx.live.server.services.documentWriter.writeDocument(objectives, north, (doc) => {
        addObjective(
          doc,
          {
            title: "Half-way",
            ownerOrganizationIds: [ctx.cast.northOrg],
            governanceLevel: "tactical",
          },
          north,
        );
        throw new Error("refused after writing");
      }),
    ).rejects.toThrow("refused after writing");
    expect((await storedRows()).length).toBe(rowsBefore);
    expect(objectiveTitles(ctx.live.server.rooms.get(objectives)!.doc)).not.toContain("Half-way");

    addObjective(
      client.doc,
      {
        title: "After the refusal",
        ownerOrganizationIds: [ctx.cast.southOrg],
        governanceLevel: "tactical",
      },
      { userId: ctx.cast.south.id, organizationId: ctx.cast.southOrg },
    );
    await eventually(
      () =>
        objectiveTitles(ctx.live.server.rooms.get(objectives)?.doc ?? new Y.Doc()).includes(
          "After the refusal",
        ),
      5000,
      "the client's next edit in the room",
    );
    await ctx.live.server.rooms.get(objectives)!.whenIdle();
    const stored = objectiveTitles(await fromStorage());
    expect(stored).toContain("After the refusal");
    expect(stored).not.toContain("Half-way");
    expect(objectiveTitles(client.doc)).not.toContain("Half-way");
    client.destroy();
  });
});
