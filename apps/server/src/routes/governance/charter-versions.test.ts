import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT } from "@entente/editor";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { charterVersion, yjsStateHash } from "../../governance/charter-version.js";
import {
  CHARTER_VERSION_UPGRADE,
  upgradeCharterVersions,
} from "../../governance/charter-upgrade.js";
import { ApiHarness, type TestUser } from "../../test/api-harness.js";
import { changeDocument } from "../../test/document-writes.js";

type Cast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

/** Charter versions bound to visible content, their numbers, the upgrade and the activity. */
describe("charter versions", () => {
  let harness: ApiHarness;
  let cast: Cast;
  let charter: string;

  beforeEach(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
    charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
  });

  afterEach(async () => {
    await harness.close();
  });

  const writeCharter = (text: string) =>
    changeDocument(harness.store, charter, (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph]);
    });
  const firstText = (doc: Y.Doc) =>
    (doc.getXmlFragment(CHARTER_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;

  const endorse = (user: TestUser, body: unknown = {}) =>
    harness.request("POST", `/api/partnerships/${cast.partnershipId}/charter/endorsements`, {
      body,
      cookie: user.cookie,
    });
  const status = async (user: TestUser) =>
    (
      await harness.request("GET", `/api/partnerships/${cast.partnershipId}/charter/status`, {
        cookie: user.cookie,
      })
    ).body.status;
  const endorsementCount = async () =>
    (await harness.store.db.selectFrom("charter_endorsements").selectAll().execute()).length;

  it("refuses to endorse an empty charter (409), blank paragraphs included", async () => {
    expect((await status(cast.north.viewer)).empty).toBe(true);
    const refused = await endorse(cast.north.admin);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: { code: "conflict", message: expect.any(String) } });
    expect(refused.body.error.message).toMatch(/empty/i);

    await writeCharter("   ");
    expect((await endorse(cast.north.admin)).status).toBe(409);
    expect(await endorsementCount()).toBe(0);

    await writeCharter("Purpose: low-carbon cold chains.");
    expect((await status(cast.north.viewer)).empty).toBe(false);
    expect((await endorse(cast.north.admin)).status).toBe(201);
  });

  describe("with text", () => {
    beforeEach(async () => {
      await writeCharter("Purpose: low-carbon cold chains.");
    });

    it("keeps the version and the ratification through an edit undone", async () => {
      const v1 = (await status(cast.north.viewer)).version as string;
      await endorse(cast.north.admin, { version: v1 });
      await endorse(cast.south.admin, { version: v1 });
      expect((await status(cast.north.viewer)).ratified).toBe(true);

      // A typo, then its undo: two more Yjs updates, the same visible text.
      await changeDocument(harness.store, charter, (doc) => firstText(doc).insert(8, "x"));
      const typo = await status(cast.north.viewer);
      expect(typo.version).not.toBe(v1);
      expect(typo.ratified).toBe(false);
      await changeDocument(harness.store, charter, (doc) => firstText(doc).delete(8, 1));

      const back = await status(cast.south.viewer);
      expect(back.version).toBe(v1);
      expect(back.ratified).toBe(true);
      expect(back.endorsements.map((e: { current: boolean }) => e.current)).toEqual([true, true]);
      const stored = await harness.services.documents.readDocument(charter);
      expect(charterVersion(stored)).toBe(v1);
      stored.destroy();
    });

    it("ignores writes outside the text: another top-level map changes nothing", async () => {
      const before = await status(cast.north.viewer);
      await endorse(cast.north.admin, { version: before.version });
      await endorse(cast.south.admin, { version: before.version });
      const storedBefore = await harness.services.documents.readDocument(charter);
      const stateBefore = yjsStateHash(storedBefore);
      storedBefore.destroy();

      await changeDocument(harness.store, charter, (doc) => {
        doc.getMap("hostile").set("note", "invisible to every reader");
        doc.getXmlFragment("elsewhere").push([new Y.XmlElement("paragraph")]);
      });

      const stored = await harness.services.documents.readDocument(charter);
      expect(yjsStateHash(stored)).not.toBe(stateBefore);
      stored.destroy();
      const after = await status(cast.south.viewer);
      expect(after.version).toBe(before.version);
      expect(after.versionNumber).toBe(before.versionNumber);
      expect(after.ratified).toBe(true);
      expect(after.changedSinceEndorsement).toBe(false);
    });

    it("numbers versions 1, 2, 3… in the order seen; a version seen again keeps its number", async () => {
      const first = await status(cast.north.viewer);
      expect(first.versionNumber).toBe(1);
      await endorse(cast.north.admin);

      await writeCharter("Scope: three regions.");
      const second = await status(cast.south.viewer);
      expect(second.versionNumber).toBe(2);
      expect(second.endorsements[0]).toMatchObject({ versionNumber: 1, current: false });

      await writeCharter("Term: two years.");
      expect((await status(cast.north.viewer)).versionNumber).toBe(3);
      // Back to version 2's text: version 2 again, not a fourth.
      await changeDocument(harness.store, charter, (doc) =>
        doc.getXmlFragment(CHARTER_FRAGMENT).delete(2, 1),
      );
      const again = await status(cast.north.viewer);
      expect(again.version).toBe(second.version);
      expect(again.versionNumber).toBe(2);

      const endorsed = await endorse(cast.south.editor, { version: again.version });
      expect(endorsed.body.endorsement.versionNumber).toBe(2);
      // Another partnership counts from 1.
      const other = await harness.createPartnership(cast.north.admin, cast.north.id, "Other");
      await changeDocument(
        harness.store,
        formatDocumentName({ kind: "charter", partnershipId: other }),
        (doc) => {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText("Other charter")]);
          doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph]);
        },
      );
      const otherStatus = await harness.request(
        "GET",
        `/api/partnerships/${other}/charter/status`,
        { cookie: cast.north.admin.cookie },
      );
      expect(otherStatus.body.status.versionNumber).toBe(1);
    });

    it("shows endorsements and their loss in the activity view", async () => {
      await endorse(cast.north.editor);
      await writeCharter("Scope: three regions.");
      await status(cast.south.viewer); // the server sees version 2 (the watch does the same)
      await endorse(cast.south.admin);

      const response = await harness.request(
        "GET",
        `/api/partnerships/${cast.partnershipId}/activity`,
        { cookie: cast.south.viewer.cookie },
      );
      expect(response.status).toBe(200);
      const governance = (response.body.entries as { summaryKey: string }[]).filter((e) =>
        e.summaryKey.startsWith("activity.charter."),
      );
      expect(governance).toEqual([
        expect.objectContaining({
          user: { id: cast.south.admin.id, name: "South Admin" },
          organization: { id: cast.south.id, name: "Southpeak" },
          charter: {
            event: "endorsed",
            organization: { id: cast.south.id, name: "Southpeak" },
            versionNumber: 2,
          },
          summary: "Southpeak · South Admin endorsed version 2 of the charter",
        }),
        expect.objectContaining({
          user: null,
          charter: {
            event: "endorsement_lost",
            organization: { id: cast.north.id, name: "Northwind" },
            versionNumber: 1,
          },
          summary: "The charter changed since Northwind endorsed version 1",
        }),
        expect.objectContaining({
          user: { id: cast.north.editor.id, name: "North Editor" },
          charter: expect.objectContaining({ event: "endorsed", versionNumber: 1 }),
        }),
      ]);

      const southOnly = await harness.request(
        "GET",
        `/api/partnerships/${cast.partnershipId}/activity?organizationId=${cast.south.id}`,
        { cookie: cast.south.viewer.cookie },
      );
      expect(
        (southOnly.body.entries as { charter?: { event: string } }[]).flatMap((e) =>
          e.charter ? [e.charter.event] : [],
        ),
      ).toEqual(["endorsed"]);
    });
  });

  describe("upgrade of endorsements stored as Yjs-state hashes", () => {
    const insertEndorsement = (
      organizationId: string,
      userId: string,
      version: string,
      at: number,
    ) =>
      harness.store.db
        .insertInto("charter_endorsements")
        .values({
          partnership_id: cast.partnershipId,
          organization_id: organizationId,
          user_id: userId,
          version,
          created_at: at,
        })
        .execute();
    const storedStateHash = async () => {
      const doc = await harness.services.documents.readDocument(charter);
      try {
        return yjsStateHash(doc);
      } finally {
        doc.destroy();
      }
    };

    it("keeps current the endorsements of the charter as it still is, and only those", async () => {
      await writeCharter("Purpose: low-carbon cold chains.");
      const older = await storedStateHash();
      await writeCharter("Scope: three regions.");
      const now = await storedStateHash();
      // Southpeak endorsed the first text; Northwind the text as it still is.
      await insertEndorsement(cast.south.id, cast.south.admin.id, older, 1_000);
      await insertEndorsement(cast.north.id, cast.north.admin.id, now, 2_000);

      await upgradeCharterVersions(harness.store.db, harness.services.documents);

      const upgraded = await status(cast.north.viewer);
      expect(upgraded.endorsements.map((e: any) => [e.organizationName, e.current])).toEqual([
        ["Northwind", true],
        ["Southpeak", false],
      ]);
      expect(upgraded.endorsements[0].version).toBe(upgraded.version);
      expect(upgraded.endorsements[1].version).toBe(older);
      // Numbered in the order endorsed: Southpeak's old state 1, the current text 2.
      expect(upgraded.endorsements.map((e: any) => e.versionNumber)).toEqual([2, 1]);
      expect(upgraded.versionNumber).toBe(2);
      const marker = await harness.store.db.selectFrom("server_upgrades").select("name").execute();
      expect(marker).toEqual([{ name: CHARTER_VERSION_UPGRADE }]);

      // Once only: an endorsement stored later as an old-style hash stays as it is.
      await insertEndorsement(cast.south.id, cast.south.admin.id, now, 3_000);
      await upgradeCharterVersions(harness.store.db, harness.services.documents);
      const rows = await harness.store.db
        .selectFrom("charter_endorsements")
        .select("version")
        .orderBy("id")
        .execute();
      expect(rows.map((r) => r.version)).toEqual([older, upgraded.version, now]);
    });
  });
});
