import { formatDocumentName } from "@entente/domain";
import { CHARTER_FRAGMENT } from "@entente/editor";
import { addDecision, removeDecision } from "@entente/schema";
import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { charterVersion } from "../../governance/charter-version.js";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument } from "../../test/document-writes.js";

const HEX64 = /^[0-9a-f]{64}$/;

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

describe("two-key governance routes", () => {
  const ctx = usePartnershipHarness();
  let charter: string;
  let decisions: string;

  beforeEach(() => {
    charter = formatDocumentName({ kind: "charter", partnershipId: ctx.cast.partnershipId });
    decisions = formatDocumentName({ kind: "decisions", partnershipId: ctx.cast.partnershipId });
  });

  const writeCharter = (text: string) =>
    changeDocument(ctx.harness.store, charter, (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph]);
    });

  const endorse = (user: TestUser | undefined, body: unknown = {}) =>
    ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/charter/endorsements`,
      {
        body,
        cookie: user?.cookie,
      },
    );

  const status = (user: TestUser | undefined) =>
    ctx.harness.request("GET", `/api/partnerships/${ctx.cast.partnershipId}/charter/status`, {
      cookie: user?.cookie,
    });

  const count = async (table: "charter_endorsements" | "decision_votes") =>
    (await ctx.harness.store.db.selectFrom(table).selectAll().execute()).length;

  describe("charter endorsements", () => {
    beforeEach(async () => {
      await writeCharter("Purpose: low-carbon cold chains.");
    });

    it("versions the charter by the SHA-256 of its visible content, deletions included", async () => {
      const first = (await status(ctx.cast.north.viewer)).body.status.version;
      expect(first).toMatch(HEX64);
      const stored = await ctx.harness.services.documents.readDocument(charter);
      expect(first).toBe(charterVersion(stored));
      stored.destroy();

      // Deleting text leaves the state vector as it was; the version still moves.
      await changeDocument(ctx.harness.store, charter, (doc) => {
        const paragraph = doc.getXmlFragment(CHARTER_FRAGMENT).get(0) as Y.XmlElement;
        (paragraph.get(0) as Y.XmlText).delete(0, 8);
      });
      const second = (await status(ctx.cast.north.viewer)).body.status.version;
      expect(second).toMatch(HEX64);
      expect(second).not.toBe(first);
      // Reading the same stored content again gives the same version.
      expect((await status(ctx.cast.south.viewer)).body.status.version).toBe(second);
    });

    it("is not ratified until every organization endorsed the same version", async () => {
      const before = await status(ctx.cast.north.viewer);
      expect(before.status).toBe(200);
      expect(before.body.status).toEqual({
        version: expect.stringMatching(HEX64),
        versionNumber: 1,
        empty: false,
        ratified: false,
        changedSinceEndorsement: false,
        endorsements: [],
      });
      const version = before.body.status.version as string;

      const northEndorses = await endorse(ctx.cast.north.editor);
      expect(northEndorses.status).toBe(201);
      expect(northEndorses.body.endorsement).toEqual({
        organizationId: ctx.cast.north.id,
        userId: ctx.cast.north.editor.id,
        userName: "North Editor",
        version,
        versionNumber: 1,
        endorsedAt: expect.any(String),
      });
      expect(northEndorses.body.status.ratified).toBe(false);
      expect(northEndorses.body.status.changedSinceEndorsement).toBe(false);

      const southEndorses = await endorse(ctx.cast.south.admin, { version });
      expect(southEndorses.status).toBe(201);
      expect(southEndorses.body.status.ratified).toBe(true);

      const after = await status(ctx.cast.south.viewer);
      expect(after.body.status).toEqual({
        version,
        versionNumber: 1,
        empty: false,
        ratified: true,
        changedSinceEndorsement: false,
        endorsements: [
          {
            organizationId: ctx.cast.north.id,
            organizationName: "Northwind",
            userId: ctx.cast.north.editor.id,
            userName: "North Editor",
            version,
            versionNumber: 1,
            endorsedAt: northEndorses.body.endorsement.endorsedAt,
            current: true,
          },
          {
            organizationId: ctx.cast.south.id,
            organizationName: "Southpeak",
            userId: ctx.cast.south.admin.id,
            userName: "South Admin",
            version,
            versionNumber: 1,
            endorsedAt: southEndorses.body.endorsement.endorsedAt,
            current: true,
          },
        ],
      });
    });

    it("shows 'changed since endorsement' with who endorsed what once the charter moves on", async () => {
      const v1 = (await endorse(ctx.cast.north.admin)).body.endorsement.version as string;
      await endorse(ctx.cast.south.editor);
      expect((await status(ctx.cast.north.viewer)).body.status.ratified).toBe(true);

      await writeCharter("Scope: three regions.");

      const changed = (await status(ctx.cast.north.viewer)).body.status;
      expect(changed.version).not.toBe(v1);
      expect(changed.ratified).toBe(false);
      expect(changed.changedSinceEndorsement).toBe(true);
      expect(
        changed.endorsements.map((e: any) => [
          e.organizationName,
          e.userName,
          e.version,
          e.current,
        ]),
      ).toEqual([
        ["Northwind", "North Admin", v1, false],
        ["Southpeak", "South Editor", v1, false],
      ]);

      // Northwind endorses the new text: still not ratified, Southpeak's is the old one.
      const v2 = (await endorse(ctx.cast.north.editor)).body.endorsement.version as string;
      const half = (await status(ctx.cast.south.viewer)).body.status;
      expect(half.ratified).toBe(false);
      expect(half.changedSinceEndorsement).toBe(true);
      expect(half.endorsements.map((e: any) => [e.userName, e.version, e.current])).toEqual([
        ["North Editor", v2, true],
        ["South Editor", v1, false],
      ]);

      await endorse(ctx.cast.south.admin, { version: v2 });
      const ratified = (await status(ctx.cast.south.viewer)).body.status;
      expect(ratified.ratified).toBe(true);
      expect(ratified.changedSinceEndorsement).toBe(false);
    });

    it("keeps every endorsement as a history row, never updated in place", async () => {
      await endorse(ctx.cast.north.admin);
      await writeCharter("More.");
      await endorse(ctx.cast.north.editor);

      const rows = await ctx.harness.store.db
        .selectFrom("charter_endorsements")
        .select(["organization_id", "user_id", "version"])
        .orderBy("id")
        .execute();
      expect(rows.map((r) => r.user_id)).toEqual([
        ctx.cast.north.admin.id,
        ctx.cast.north.editor.id,
      ]);
      expect(rows[0]?.version).not.toBe(rows[1]?.version);
      expect(rows.every((r) => r.organization_id === ctx.cast.north.id)).toBe(true);
    });

    it("answers 409 when the version the caller reviewed is no longer the charter's", async () => {
      const reviewed = (await status(ctx.cast.north.admin)).body.status.version as string;
      await writeCharter("A late change.");

      const response = await endorse(ctx.cast.north.admin, { version: reviewed });

      expect(response.status).toBe(409);
      expect(response.body).toEqual(errorOf("conflict"));
      expect(response.body.error.message).toMatch(/changed/i);
      expect(await count("charter_endorsements")).toBe(0);
    });

    it("refuses viewers (403) and non-members (404), and lets nobody endorse for another organization", async () => {
      const outsider = await ctx.harness.signup("Outsider");

      expect((await endorse(ctx.cast.north.viewer)).status).toBe(403);
      expect((await endorse(ctx.cast.south.viewer)).body).toEqual(errorOf("forbidden"));
      expect((await endorse(outsider)).status).toBe(404);
      expect((await status(outsider)).status).toBe(404);
      expect((await endorse(undefined)).status).toBe(401);
      const forged = await endorse(ctx.cast.north.admin, { organizationId: ctx.cast.south.id });
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe("invalid_input");
      expect((await endorse(ctx.cast.north.admin, { version: "abc" })).status).toBe(400);
      expect(await count("charter_endorsements")).toBe(0);
    });
  });

  describe("decision votes", () => {
    let decisionId: string;

    beforeEach(async () => {
      await changeDocument(ctx.harness.store, decisions, (doc) => {
        decisionId = addDecision(
          doc,
          { title: "Share the fleet", governanceLevel: "strategic" },
          { userId: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id },
        );
      });
    });

    const vote = (user: TestUser | undefined, body: unknown, id = decisionId) =>
      ctx.harness.request(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/decisions/${id}/votes`,
        {
          body,
          cookie: user?.cookie,
        },
      );

    const votes = async (user: TestUser) =>
      ctx.harness.request("GET", `/api/partnerships/${ctx.cast.partnershipId}/decisions/votes`, {
        cookie: user.cookie,
      });

    it("approves a decision only once every organization approved", async () => {
      const first = await vote(ctx.cast.north.editor, {
        vote: "approve",
        comment: " Fine by us. ",
      });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        vote: {
          decisionId,
          organizationId: ctx.cast.north.id,
          userId: ctx.cast.north.editor.id,
          userName: "North Editor",
          vote: "approve",
          comment: "Fine by us.",
          votedAt: expect.any(String),
          current: true,
        },
        outcome: "pending",
        contentVersion: expect.stringMatching(HEX64),
      });
      expect((await votes(ctx.cast.south.viewer)).body.decisions[decisionId].outcome).toBe(
        "pending",
      );

      const second = await vote(ctx.cast.south.admin, { vote: "approve" });
      expect(second.status).toBe(201);
      expect(second.body.outcome).toBe("approved");
      expect(second.body.vote.comment).toBeNull();

      const listed = await votes(ctx.cast.north.viewer);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        decisions: {
          [decisionId]: {
            outcome: "approved",
            contentVersion: first.body.contentVersion,
            votes: [first.body.vote, second.body.vote],
            agreed: {
              title: "Share the fleet",
              context: "",
              governanceLevel: "strategic",
              proposedBy: ctx.cast.north.admin.id,
              meetingId: null,
              supersedes: null,
            },
          },
        },
      });
    });

    it("rejects a decision on one rejection", async () => {
      await vote(ctx.cast.north.admin, { vote: "approve" });
      const rejected = await vote(ctx.cast.south.editor, {
        vote: "reject",
        comment: "Not this year.",
      });

      expect(rejected.status).toBe(201);
      expect(rejected.body.outcome).toBe("rejected");
      const listed = (await votes(ctx.cast.north.viewer)).body.decisions[decisionId];
      expect(listed.outcome).toBe("rejected");
      expect(listed.votes.map((v: any) => [v.organizationId, v.vote, v.comment])).toEqual([
        [ctx.cast.north.id, "approve", null],
        [ctx.cast.south.id, "reject", "Not this year."],
      ]);
    });

    it("counts an organization's later vote instead of its earlier one while pending", async () => {
      await vote(ctx.cast.north.editor, { vote: "approve" });
      const changed = await vote(ctx.cast.north.admin, { vote: "approve", comment: "Confirmed." });
      expect(changed.body.outcome).toBe("pending");

      const listed = (await votes(ctx.cast.south.viewer)).body.decisions[decisionId];
      expect(listed.votes).toEqual([changed.body.vote]);
      expect(await count("decision_votes")).toBe(2);
    });

    it("answers 409 to any vote after the decision, and records nothing", async () => {
      await vote(ctx.cast.north.admin, { vote: "approve" });
      await vote(ctx.cast.south.admin, { vote: "approve" });

      const late = await vote(ctx.cast.north.editor, { vote: "reject" });
      expect(late.status).toBe(409);
      expect(late.body).toEqual(errorOf("conflict"));
      expect((await vote(ctx.cast.south.editor, { vote: "approve" })).status).toBe(409);
      expect(await count("decision_votes")).toBe(2);
      expect((await votes(ctx.cast.north.admin)).body.decisions[decisionId].outcome).toBe(
        "approved",
      );
    });

    it("answers 409 after a rejection too, even to the organization that rejected", async () => {
      await vote(ctx.cast.south.admin, { vote: "reject" });

      expect((await vote(ctx.cast.south.admin, { vote: "approve" })).status).toBe(409);
      expect((await vote(ctx.cast.north.admin, { vote: "approve" })).status).toBe(409);
    });

    it("lets nobody vote for the other organization: the vote is always the caller's seat", async () => {
      const forged = await vote(ctx.cast.north.admin, {
        vote: "approve",
        organizationId: ctx.cast.south.id,
      });
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe("invalid_input");
      expect(await count("decision_votes")).toBe(0);

      // Northwind voting twice never makes two keys.
      await vote(ctx.cast.north.admin, { vote: "approve" });
      const again = await vote(ctx.cast.north.editor, { vote: "approve" });
      expect(again.body.outcome).toBe("pending");
      const rows = await ctx.harness.store.db
        .selectFrom("decision_votes")
        .select("organization_id")
        .execute();
      expect(rows.map((r) => r.organization_id)).toEqual([ctx.cast.north.id, ctx.cast.north.id]);
    });

    it("refuses viewers (403), non-members (404) and sessions-less callers (401)", async () => {
      const outsider = await ctx.harness.signup("Outsider");

      const viewer = await vote(ctx.cast.north.viewer, { vote: "approve" });
      expect(viewer.status).toBe(403);
      expect(viewer.body).toEqual(errorOf("forbidden"));
      expect((await vote(ctx.cast.south.viewer, { vote: "reject" })).status).toBe(403);
      expect((await vote(outsider, { vote: "approve" })).status).toBe(404);
      expect((await votes(outsider)).status).toBe(404);
      expect((await vote(undefined, { vote: "approve" })).status).toBe(401);
      expect(await count("decision_votes")).toBe(0);
    });

    it("answers 404 for a decision that is not in the decisions document", async () => {
      const unknown = await vote(ctx.cast.north.admin, { vote: "approve" }, "nosuchdecision");
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual(errorOf("not_found"));

      await changeDocument(ctx.harness.store, decisions, (doc) => {
        removeDecision(doc, decisionId);
      });
      expect((await vote(ctx.cast.north.admin, { vote: "approve" })).status).toBe(404);
      expect(await count("decision_votes")).toBe(0);
    });

    it("answers 400 to bad votes and writes nothing", async () => {
      const bad: unknown[] = [
        {},
        { vote: "Approve" },
        { vote: "abstain" },
        { vote: true },
        { vote: "approve", comment: "x".repeat(2001) },
        { vote: "approve", comment: 12 },
        { vote: "approve", userId: ctx.cast.south.admin.id },
        "not json",
      ];
      for (const body of bad) {
        const response = await vote(ctx.cast.north.admin, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
      }
      expect((await vote(ctx.cast.north.admin, { vote: "approve" }, "..%2Fx")).status).toBe(400);
      expect(await count("decision_votes")).toBe(0);
      const longest = await vote(ctx.cast.north.admin, {
        vote: "reject",
        comment: "x".repeat(2000),
      });
      expect(longest.status).toBe(201);
    });

    it("keeps decision ids that are also names on Object.prototype as plain ids", async () => {
      await changeDocument(ctx.harness.store, decisions, (doc) => {
        for (const id of ["__proto__", "constructor"]) {
          addDecision(
            doc,
            { title: id, governanceLevel: "tactical" },
            { userId: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id },
          );
          // Move it under the hostile key, as a hand-written client could.
          const root = doc.getMap<Y.Map<unknown>>("decisions");
          const [key, item] = [...root.entries()].find(([, v]) => v.get("title") === id) ?? [];
          if (!key || !item) throw new Error("decision not written");
          const copy = new Y.Map<unknown>();
          for (const [field, value] of item.entries()) {
            copy.set(field, value instanceof Y.Text ? new Y.Text(value.toJSON()) : value);
          }
          root.delete(key);
          root.set(id, copy);
        }
      });

      expect((await vote(ctx.cast.north.admin, { vote: "approve" }, "__proto__")).status).toBe(201);
      expect((await vote(ctx.cast.south.admin, { vote: "reject" }, "constructor")).status).toBe(
        201,
      );
      const listed = (await votes(ctx.cast.north.viewer)).body.decisions;
      expect(Object.keys(listed).sort()).toEqual(["__proto__", "constructor"]);
      expect(listed.constructor.outcome).toBe("rejected");
      const exported = await ctx.harness.app.request(
        `/api/partnerships/${ctx.cast.partnershipId}/export.md`,
        { headers: { cookie: ctx.cast.north.viewer.cookie } },
      );
      expect(exported.status).toBe(200);
      expect(await exported.text()).toMatch(/### constructor\n\n- Outcome: rejected/);
    });

    it("lists only decisions that have votes", async () => {
      expect((await votes(ctx.cast.north.admin)).body).toEqual({ decisions: {} });
    });

    it("lets only one of two votes cast on the same view land (no vote after the deciding one)", async () => {
      await vote(ctx.cast.north.admin, { vote: "approve" });
      // Both see "pending" with one Northwind vote; only one can take position 2.
      const [south, north] = await Promise.all([
        vote(ctx.cast.south.admin, { vote: "approve" }),
        vote(ctx.cast.north.editor, { vote: "reject" }),
      ]);
      const statuses = [south.status, north.status].sort();
      expect(statuses).toEqual([201, 409]);
      const rows = await ctx.harness.store.db
        .selectFrom("decision_votes")
        .select(["seq", "outcome"])
        .orderBy("seq")
        .execute();
      expect(rows.map((r) => r.seq)).toEqual([1, 2]);
      expect(rows[1]?.outcome).not.toBe("pending");
    });
  });
});
