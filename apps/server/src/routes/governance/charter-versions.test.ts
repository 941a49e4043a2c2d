import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT } from "@entente/editor";
import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { charterVersion, yjsStateHash } from "../../governance/charter-version.js";
import {
  CHARTER_VERSION_UPGRADE,
  upgradeCharterVersions,
} from "../../governance/charter-upgrade.js";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument } from "../../test/document-writes.js";

/** Charter versions bound to visible content, their numbers, the upgrade and the activity. */
describe("charter versions", () => {
  const ctx = usePartnershipHarness();
  let charter: string;

  beforeEach(() => {
    charter = formatDocumentName({ kind: "charter", partnershipId: ctx.cast.partnershipId });
  });

  const writeCharter = (text: string) =>
    changeDocument(ctx.harness.store, charter, (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph]);
    });
  const firstText = (doc: Y.Doc) =>
    (doc.getXmlFragment(CHARTER_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;

  const endorse = (user: TestUser, body: unknown = {}) =>
    ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/charter/endorsements`,
      {
        body,
        cookie: user.cookie,
      },
    );
  const status = async (user: TestUser) =>
    (
      await ctx.harness.request(
        "GET",
        `/api/partnerships/${ctx.cast.partnershipId}/charter/status`,
        {
          cookie: user.cookie,
        },
      )
    ).body.status;
  const endorsementCount = async () =>
    (await ctx.harness.store.db.selectFrom("charter_endorsements").selectAll().execute()).length;

  it("refuses to endorse an empty charter (409), blank paragraphs included", async () => {
    expect((await status(ctx.cast.north.viewer)).empty).toBe(true);
    const refused = await endorse(ctx.cast.north.admin);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: { code: "conflict", message: expect.any(String) } });
    expect(refused.body.error.message).toMatch(/empty/i);

    await writeCharter("   ");
    expect((await endorse(ctx.cast.north.admin)).status).toBe(409);
    expect(await endorsementCount()).toBe(0);

    await writeCharter("Purpose: low-carbon cold chains.");
    expect((await status(ctx.cast.north.viewer)).empty).toBe(false);
    expect((await endorse(ctx.cast.north.admin)).status).toBe(201);
  });

  describe("with text", () => {
    beforeEach(async () => {
      await writeCharter("Purpose: low-carbon cold chains.");
    });

    it("keeps the version and the ratification through an edit undone", async () => {
      const v1 = (await status(ctx.cast.north.viewer)).version as string;
      await endorse(ctx.cast.north.admin, { version: v1 });
      await endorse(ctx.cast.south.admin, { version: v1 });
      expect((await status(ctx.cast.north.viewer)).ratified).toBe(true);

      // A typo, then its undo: two more Yjs updates, the same visible text.
      await changeDocument(ctx.harness.store, charter, (doc) => firstText(doc).insert(8, "x"));
      const typo = await status(ctx.cast.north.viewer);
      expect(typo.version).not.toBe(v1);
      expect(typo.ratified).toBe(false);
      await changeDocument(ctx.harness.store, charter, (doc) => firstText(doc).delete(8, 1));

      const back = await status(ctx.cast.south.viewer);
      expect(back.version).toBe(v1);
      expect(back.ratified).toBe(true);
      expect(back.endorsements.map((e: { current: boolean }) => e.current)).toEqual([true, true]);
      const stored = await ctx.harness.services.documents.readDocument(charter);
      expect(charterVersion(stored)).toBe(v1);
      stored.destroy();
    });

    it("ignores writes outside the text: another top-level map changes nothing", async () => {
      const before = await status(ctx.cast.north.viewer);
      await endorse(ctx.cast.north.admin, { version: before.version });
      await endorse(ctx.cast.south.admin, { version: before.version });
      const storedBefore = await ctx.harness.services.documents.readDocument(charter);
      const stateBefore = yjsStateHash(storedBefore);
      storedBefore.destroy();

      await changeDocument(ctx.harness.store, charter, (doc) => {
        doc.getMap("hostile").set("note", "invisible to every reader");
        doc.getXmlFragment("elsewhere").push([new Y.XmlElement("paragraph")]);
      });

      const stored = await ctx.harness.services.documents.readDocument(charter);
      expect(yjsStateHash(stored)).not.toBe(stateBefore);
      stored.destroy();
      const after = await status(ctx.cast.south.viewer);
      expect(after.version).toBe(before.version);
      expect(after.versionNumber).toBe(before.versionNumber);
      expect(after.ratified).toBe(true);
      expect(after.changedSinceEndorsement).toBe(false);
    });

    it("numbers versions 1, 2, 3… in the order seen; a version seen again keeps its number", async () => {
      const first = await status(ctx.cast.north.viewer);
      expect(first.versionNumber).toBe(1);
      await endorse(ctx.cast.north.admin);

      await writeCharter("Scope: three regions.");
      const second = await status(ctx.cast.south.viewer);
      expect(second.versionNumber).toBe(2);
      expect(second.endorsements[0]).toMatchObject({ versionNumber: 1, current: false });

      await writeCharter("Term: two years.");
      expect((await status(ctx.cast.north.viewer)).versionNumber).toBe(3);
      // Back to version 2's text: version 2 again, not a fourth.
      await changeDocument(ctx.harness.store, charter, (doc) =>
        doc.getXmlFragment(CHARTER_FRAGMENT).delete(2, 1),
      );
      const again = await status(ctx.cast.north.viewer);
      expect(again.version).toBe(second.version);
      expect(again.versionNumber).toBe(2);

      const endorsed = await endorse(ctx.cast.south.editor, { version: again.version });
      expect(endorsed.body.endorsement.versionNumber).toBe(2);
      // Another partnership counts from 1.
      const other = await ctx.harness.createPartnership(
        ctx.cast.north.admin,
        ctx.cast.north.id,
        "Other",
      );
      await changeDocument(
        ctx.harness.store,
        formatDocumentName({ kind: "charter", partnershipId: other }),
        (doc) => {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText("Other charter")]);
          doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph]);
        },
      );
      const otherStatus = await ctx.harness.request(
        "GET",
        `/api/partnerships/${other}/charter/status`,
        { cookie: ctx.cast.north.admin.cookie },
      );
      expect(otherStatus.body.status.versionNumber).toBe(1);
    });

    it("shows endorsements and their loss in the activity view", async () => {
      await endorse(ctx.cast.north.editor);
      await writeCharter("Scope: three regions.");
      await status(ctx.cast.south.viewer); // the server sees version 2 (the watch does the same)
      await endorse(ctx.cast.south.admin);

      const response = await ctx.harness.request(
        "GET",
        `/api/partnerships/${ctx.cast.partnershipId}/activity`,
        { cookie: ctx.cast.south.viewer.cookie },
      );
      expect(response.status).toBe(200);
      const governance = (response.body.entries as { summaryKey: string }[]).filter((e) =>
        e.summaryKey.startsWith("activity.charter."),
      );
      expect(governance).toEqual([
        expect.objectContaining({
          user: { id: ctx.cast.south.admin.id, name: "South Admin" },
          organization: { id: ctx.cast.south.id, name: "Southpeak" },
          charter: {
            event: "endorsed",
            organization: { id: ctx.cast.south.id, name: "Southpeak" },
            versionNumber: 2,
          },
          summary: "Southpeak · South Admin endorsed version 2 of the charter",
        }),
        expect.objectContaining({
          user: null,
          charter: {
            event: "endorsement_lost",
            organization: { id: ctx.cast.north.id, name: "Northwind" },
            versionNumber: 1,
          },
          summary: "The charter changed since Northwind endorsed version 1",
        }),
        expect.objectContaining({
          user: { id: ctx.cast.north.editor.id, name: "North Editor" },
          charter: expect.objectContaining({ event: "endorsed", versionNumber: 1 }),
        }),
      ]);

      const southOnly = await ctx.harness.request(
        "GET",
        `/api/partnerships/${ctx.cast.partnershipId}/activity?organizationId=${ctx.cast.south.id}`,
        { cookie: ctx.cast.south.viewer.cookie },
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
      ctx.harness.store.db
        .insertInto("charter_endorsements")
        .values({
          partnership_id: ctx.cast.partnershipId,
          organization_id: organizationId,
          user_id: userId,
          version,
          created_at: at,
        })
        .execute();
    const storedStateHash = async () => {
      const doc = await ctx.harness.services.documents.readDocument(charter);
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
      await insertEndorsement(ctx.cast.south.id, ctx.cast.south.admin.id, older, 1_000);
      await insertEndorsement(ctx.cast.north.id, ctx.cast.north.admin.id, now, 2_000);

      await upgradeCharterVersions(ctx.harness.store.db, ctx.harness.services.documents);

      const upgraded = await status(ctx.cast.north.viewer);
      expect(upgraded.endorsements.map((e: any) => [e.organizationName, e.current])).toEqual([
        ["Northwind", true],
        ["Southpeak", false],
      ]);
      expect(upgraded.endorsements[0].version).toBe(upgraded.version);
      expect(upgraded.endorsements[1].version).toBe(older);
      // Numbered in the order endorsed: Southpeak's old state 1, the current text 2.
      expect(upgraded.endorsements.map((e: any) => e.versionNumber)).toEqual([2, 1]);
      expect(upgraded.versionNumber).toBe(2);
      const marker = await ctx.harness.store.db
        .selectFrom("server_upgrades")
        .select("name")
        .execute();
      expect(marker).toEqual([{ name: CHARTER_VERSION_UPGRADE }]);

      // Once only: an endorsement stored later as an old-style hash stays as it is.
      await insertEndorsement(ctx.cast.south.id, ctx.cast.south.admin.id, now, 3_000);
      await upgradeCharterVersions(ctx.harness.store.db, ctx.harness.services.documents);
      const rows = await ctx.harness.store.db
        .selectFrom("charter_endorsements")
        .select("version")
        .orderBy("id")
        .execute();
      expect(rows.map((r) => r.version)).toEqual([older, upgraded.version, now]);
    });
  });
});
