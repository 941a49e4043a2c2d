import { formatDocumentName } from "@entente/domain";
import { charterPlainText, readCharterContent } from "@entente/editor";
import {
  DEFAULT_HEALTH_DIMENSIONS,
  PARTNERSHIP_TEMPLATE_IDS,
  type ChecklistResponse,
  type Language,
  type PartnershipTemplateId,
  type PartnershipTemplateView,
} from "@entente/protocol";
import { readObjectives, readValues, updateObjective } from "@entente/schema";
import { beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { appendParagraph } from "../../test/charter-text.js";
import type { TestUser } from "../../test/api-harness.js";
import { useApiHarness } from "../../test/partnership-harness.js";
import { PARTNERSHIP_TEMPLATES } from "../../onboarding/templates.js";

function errorOf(code: string) {
  return { error: { code, message: expect.any(String) } };
}

describe("onboarding routes", () => {
  const ctx = useApiHarness();
  let ada: TestUser;
  let org: string;

  beforeEach(async () => {
    ada = await ctx.harness.signup("Ada");
    org = await ctx.harness.createOrganization(ada, "Northwind");
  });

  const create = (body: unknown, cookie = ada.cookie) =>
    ctx.harness.request("POST", "/api/partnerships", { body, cookie });
  /** Ada's organization opens an "Alliance" from the template `id` in `language`; its id. */
  const allianceFrom = async (id: PartnershipTemplateId, language: Language) => {
    const response = await create({
      name: "Alliance",
      organizationId: org,
      template: { id, language },
    });
    expect(response.status).toBe(201);
    return response.body.partnership.id as string;
  };

  const read = async <T>(name: string, reader: (doc: Y.Doc) => T): Promise<T> => {
    const doc = await ctx.harness.services.documents.readDocument(name);
    try {
      return reader(doc);
    } finally {
      doc.destroy();
    }
  };

  const checklist = async (partnershipId: string, cookie = ada.cookie) => {
    const response = await ctx.harness.request(
      "GET",
      `/api/partnerships/${partnershipId}/checklist`,
      {
        cookie,
      },
    );
    expect(response.status).toBe(200);
    const body = response.body as ChecklistResponse;
    return Object.fromEntries(body.items.map((item) => [item.key, item]));
  };

  describe("GET /api/partnership-templates", () => {
    it("lists the four templates, each written in English and in French", async () => {
      const response = await ctx.harness.request("GET", "/api/partnership-templates", {
        cookie: ada.cookie,
      });
      expect(response.status).toBe(200);
      const templates = response.body.templates as PartnershipTemplateView[];
      expect(templates.map((t) => t.id)).toEqual([...PARTNERSHIP_TEMPLATE_IDS]);
      for (const template of templates) {
        expect(template.rhythm.map((r) => r.level).sort()).toEqual([
          "operational",
          "strategic",
          "tactical",
        ]);
        const { en, fr } = template.content;
        for (const content of [en, fr]) {
          expect(content.name).not.toBe("");
          expect(content.summary).not.toBe("");
          expect(content.charterSections.length).toBeGreaterThanOrEqual(4);
          expect(content.objectives.length).toBe(3);
          expect(content.healthDimensions.length).toBeGreaterThanOrEqual(4);
        }
        // The same shape in both languages, and really translated.
        expect(fr.charterSections.length).toBe(en.charterSections.length);
        expect(fr.healthDimensions.map((d) => d.key)).toEqual(
          en.healthDimensions.map((d) => d.key),
        );
        expect(fr.objectives.map((o) => o.governanceLevel)).toEqual(
          en.objectives.map((o) => o.governanceLevel),
        );
        expect(fr.name).not.toBe(en.name);
        expect(fr.charterSections.map((s) => s.heading)).not.toEqual(
          en.charterSections.map((s) => s.heading),
        );
        // French typography: typographic apostrophes only.
        expect(JSON.stringify(fr)).not.toContain("'");
      }
    });

    it("answers 401 without a session", async () => {
      const response = await ctx.harness.request("GET", "/api/partnership-templates");
      expect(response.status).toBe(401);
      expect(response.body).toEqual(errorOf("unauthorized"));
    });
  });

  describe("POST /api/partnerships with a template", () => {
    for (const id of PARTNERSHIP_TEMPLATE_IDS) {
      for (const language of ["en", "fr"] as const) {
        it(`${id} (${language}) pre-fills the charter, the objectives, the rhythm and the health check`, async () => {
          const template = PARTNERSHIP_TEMPLATES.find((t) => t.id === id);
          if (!template) throw new Error(`no template ${id}`);
          const content = template.content[language];
          const partnershipId = await allianceFrom(id, language);

          // Charter: every heading and prompt, in order, written by the server (no stamp).
          const charterName = formatDocumentName({ kind: "charter", partnershipId });
          const charter = await read(charterName, readCharterContent);
          expect(charter.content?.map((block) => block.type)).toEqual(
            content.charterSections.flatMap(() => ["heading", "paragraph"]),
          );
          expect(await read(charterName, charterPlainText)).toBe(
            content.charterSections.flatMap((s) => [s.heading, s.prompt]).join("\n"),
          );
          const stamps = await ctx.harness.store.db
            .selectFrom("document_updates")
            .select(["user_id", "organization_id"])
            .where("document_name", "=", charterName)
            .execute();
          expect(stamps).toEqual([{ user_id: null, organization_id: null }]);

          // Objectives: stamped with the creator, owned by the creator's organization.
          const objectives = await read(
            formatDocumentName({ kind: "objectives", partnershipId }),
            (doc) => readValues(readObjectives(doc)),
          );
          expect(
            objectives.map((o) => ({
              title: o.title,
              description: o.description,
              governanceLevel: o.governanceLevel,
              status: o.status,
              ownerOrganizationIds: o.ownerOrganizationIds,
              createdBy: o.createdBy,
              organizationId: o.organizationId,
            })),
          ).toEqual(
            content.objectives.map((o) => ({
              ...o,
              status: "proposed",
              ownerOrganizationIds: [org],
              createdBy: ada.id,
              organizationId: org,
            })),
          );

          // Governance rhythm per level.
          const rhythm = await ctx.harness.request(
            "GET",
            `/api/partnerships/${partnershipId}/rhythm`,
            {
              cookie: ada.cookie,
            },
          );
          expect(
            (rhythm.body.rhythm as { level: string; intervalDays: number | null }[])
              .map(({ level, intervalDays }) => ({ level, intervalDays }))
              .sort((a, b) => a.level.localeCompare(b.level)),
          ).toEqual([...template.rhythm].sort((a, b) => a.level.localeCompare(b.level)));

          // Health check: the template's dimensions are the defaults.
          const used = await ctx.harness.request(
            "GET",
            `/api/partnerships/${partnershipId}/template`,
            {
              cookie: ada.cookie,
            },
          );
          expect(used.body).toEqual({
            template: { id, language, healthDimensions: content.healthDimensions },
          });
          const opened = await ctx.harness.request(
            "POST",
            `/api/partnerships/${partnershipId}/health-checks`,
            { body: { title: "Q1" }, cookie: ada.cookie },
          );
          expect(opened.status).toBe(201);
          expect(opened.body.healthCheck.dimensions).toEqual(content.healthDimensions);
        });
      }
    }

    it("starts blank without a template, as before", async () => {
      const response = await create({ name: "Alliance", organizationId: org });
      expect(response.status).toBe(201);
      const partnershipId = response.body.partnership.id as string;
      const updates = await ctx.harness.store.db
        .selectFrom("document_updates")
        .select("document_name")
        .where("document_name", "like", `${partnershipId}/%`)
        .execute();
      expect(updates).toEqual([]);
      const rhythm = await ctx.harness.request("GET", `/api/partnerships/${partnershipId}/rhythm`, {
        cookie: ada.cookie,
      });
      expect(
        (rhythm.body.rhythm as { intervalDays: number | null }[]).map((r) => r.intervalDays),
      ).toEqual([null, null, null]);
      const used = await ctx.harness.request("GET", `/api/partnerships/${partnershipId}/template`, {
        cookie: ada.cookie,
      });
      expect(used.body).toEqual({ template: null });
      const opened = await ctx.harness.request(
        "POST",
        `/api/partnerships/${partnershipId}/health-checks`,
        { body: { title: "Q1" }, cookie: ada.cookie },
      );
      expect(opened.body.healthCheck.dimensions).toEqual(DEFAULT_HEALTH_DIMENSIONS);
    });

    it("keeps dimensions chosen when a health check is opened", async () => {
      const partnershipId = await allianceFrom("joint-venture", "en");
      const dimensions = [{ key: "speed", label: "Speed" }];
      const opened = await ctx.harness.request(
        "POST",
        `/api/partnerships/${partnershipId}/health-checks`,
        { body: { title: "Q1", dimensions }, cookie: ada.cookie },
      );
      expect(opened.body.healthCheck.dimensions).toEqual(dimensions);
    });

    it.each([
      ["an unknown template", { id: "merger", language: "en" }, "template.id"],
      ["an unknown language", { id: "joint-venture", language: "de" }, "template.language"],
      ["a missing language", { id: "joint-venture" }, "template.language"],
      ["a string instead of a choice", "joint-venture", "template"],
      ["an extra field", { id: "joint-venture", language: "en", owner: "x" }, "template"],
    ])("answers 400 for %s and creates nothing", async (_what, template, path) => {
      const response = await create({ name: "Alliance", organizationId: org, template });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_input");
      expect((response.body.error.details as { path: string }[]).map((d) => d.path)).toContain(
        path,
      );
      expect(await ctx.harness.store.db.selectFrom("partnerships").selectAll().execute()).toEqual(
        [],
      );
      expect(
        await ctx.harness.store.db.selectFrom("partnership_templates").selectAll().execute(),
      ).toEqual([]);
      expect(
        await ctx.harness.store.db.selectFrom("document_updates").selectAll().execute(),
      ).toEqual([]);
    });

    it("answers 403 to someone outside the organization and writes nothing", async () => {
      const eve = await ctx.harness.signup("Eve");
      const response = await create(
        { name: "Alliance", organizationId: org, template: { id: "distribution", language: "fr" } },
        eve.cookie,
      );
      expect(response.status).toBe(403);
      expect(
        await ctx.harness.store.db.selectFrom("document_updates").selectAll().execute(),
      ).toEqual([]);
    });
  });

  describe("GET /api/partnerships/:id/checklist and /template", () => {
    it("answers 401 without a session, 404 to non-members and 400 to a malformed id", async () => {
      const partnershipId = await ctx.harness.createPartnership(ada, org);
      const eve = await ctx.harness.signup("Eve");
      for (const path of ["checklist", "template"]) {
        const url = `/api/partnerships/${partnershipId}/${path}`;
        expect((await ctx.harness.request("GET", url)).status).toBe(401);
        const outsider = await ctx.harness.request("GET", url, { cookie: eve.cookie });
        expect(outsider.status).toBe(404);
        expect(outsider.body).toEqual(errorOf("not_found"));
        const unknown = await ctx.harness.request("GET", `/api/partnerships/nope/${path}`, {
          cookie: ada.cookie,
        });
        expect(unknown.status).toBe(404);
        const malformed = await ctx.harness.request(
          "GET",
          `/api/partnerships/${"x".repeat(65)}/${path}`,
          {
            cookie: ada.cookie,
          },
        );
        expect(malformed.status).toBe(400);
      }
    });

    it("ticks each step as the work is stored, and unticks ratification when the charter moves on", async () => {
      const partnershipId = await allianceFrom("strategic-alliance", "en");
      const charterName = formatDocumentName({ kind: "charter", partnershipId });
      const objectivesName = formatDocumentName({ kind: "objectives", partnershipId });
      const writer = ctx.harness.services.documentWriter;

      let items = await checklist(partnershipId);
      expect(Object.values(items).map((i) => [i.key, i.done])).toEqual([
        ["charter_written", false],
        ["objectives_agreed", false],
        ["steering_meeting_held", false],
        ["charter_ratified", false],
      ]);

      // Northwind writes in the charter: one organization is not "together".
      await writer.writeDocument(charterName, { userId: ada.id, organizationId: org }, (doc) =>
        appendParagraph(doc, "We join forces on cold chains."),
      );
      expect((await checklist(partnershipId)).charter_written?.done).toBe(false);

      // Southpeak joins and writes too.
      const sam = await ctx.harness.signup("Sam");
      const south = await ctx.harness.createOrganization(sam, "Southpeak");
      const accepted = await ctx.harness.accept(
        sam,
        await ctx.harness.invite(ada, partnershipId, { kind: "organization", role: "admin" }),
      );
      expect(accepted.status).toBe(200);
      expect((await checklist(partnershipId, sam.cookie)).charter_written?.done).toBe(false);
      const beforeSouth = Date.now();
      await writer.writeDocument(charterName, { userId: sam.id, organizationId: south }, (doc) =>
        appendParagraph(doc, "And on shared depots."),
      );
      items = await checklist(partnershipId, sam.cookie);
      expect(items.charter_written?.done).toBe(true);
      expect(Date.parse(items.charter_written?.doneAt ?? "")).toBeGreaterThanOrEqual(beforeSouth);

      // Objectives: the template's three are Northwind's and proposed; two agreed jointly
      // are not enough, the third makes it.
      const ids = await read(objectivesName, (doc) =>
        readValues(readObjectives(doc)).map((o) => o.id),
      );
      expect(ids).toHaveLength(3);
      const agree = (id: string) =>
        writer.writeDocument(objectivesName, { userId: sam.id, organizationId: south }, (doc) =>
          updateObjective(doc, id, { ownerOrganizationIds: [org, south], status: "active" }),
        );
      await agree(ids[0] ?? "");
      await agree(ids[1] ?? "");
      // Jointly owned but still proposed does not count.
      await writer.writeDocument(objectivesName, { userId: sam.id, organizationId: south }, (doc) =>
        updateObjective(doc, ids[2] ?? "", { ownerOrganizationIds: [org, south] }),
      );
      expect((await checklist(partnershipId)).objectives_agreed?.done).toBe(false);
      await agree(ids[2] ?? "");
      expect((await checklist(partnershipId)).objectives_agreed?.done).toBe(true);

      // Meetings: a tactical one that took place and a strategic one to come do not count.
      const meeting = (level: string, startsAt: number) =>
        ctx.harness.request("POST", `/api/partnerships/${partnershipId}/meetings`, {
          body: {
            title: "Meeting",
            kind: level === "strategic" ? "steering_committee" : "tactical_review",
            level,
            startsAt: new Date(startsAt).toISOString(),
            durationMinutes: 60,
          },
          cookie: ada.cookie,
        });
      const hour = 60 * 60_000;
      expect((await meeting("tactical", Date.now() - hour)).status).toBe(201);
      expect((await meeting("strategic", Date.now() + 24 * hour)).status).toBe(201);
      expect((await checklist(partnershipId)).steering_meeting_held?.done).toBe(false);
      const steering = Math.floor((Date.now() - 2 * hour) / 1000) * 1000;
      expect((await meeting("strategic", steering)).status).toBe(201);
      items = await checklist(partnershipId);
      expect(items.steering_meeting_held).toEqual({
        key: "steering_meeting_held",
        done: true,
        doneAt: new Date(steering).toISOString(),
      });

      // Both organizations endorse the charter as it is.
      const endorse = (cookie: string) =>
        ctx.harness.request("POST", `/api/partnerships/${partnershipId}/charter/endorsements`, {
          body: {},
          cookie,
        });
      expect((await endorse(ada.cookie)).status).toBe(201);
      expect((await checklist(partnershipId)).charter_ratified?.done).toBe(false);
      expect((await endorse(sam.cookie)).status).toBe(201);
      items = await checklist(partnershipId);
      expect(items.charter_ratified?.done).toBe(true);
      expect(items.charter_ratified?.doneAt).toEqual(expect.any(String));

      // An edit after the endorsements: no longer ratified, so no longer ticked.
      await writer.writeDocument(charterName, { userId: sam.id, organizationId: south }, (doc) =>
        appendParagraph(doc, "One more thought."),
      );
      items = await checklist(partnershipId);
      expect(items.charter_ratified?.done).toBe(false);
      expect(items.charter_written?.done).toBe(true);
    });

    it("does not count a server-written charter as anyone's writing", async () => {
      const partnershipId = await allianceFrom("co-development", "fr");
      const sam = await ctx.harness.signup("Sam");
      const south = await ctx.harness.createOrganization(sam, "Southpeak");
      await ctx.harness.accept(
        sam,
        await ctx.harness.invite(ada, partnershipId, { kind: "organization", role: "admin" }),
      );
      // Only Southpeak writes: Northwind's share is the template's, which is the server's.
      await ctx.harness.services.documentWriter.writeDocument(
        formatDocumentName({ kind: "charter", partnershipId }),
        { userId: sam.id, organizationId: south },
        (doc) => appendParagraph(doc, "Notre point de vue."),
      );
      expect((await checklist(partnershipId)).charter_written?.done).toBe(false);
    });
  });
});
