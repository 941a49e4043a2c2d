import { formatDocumentName } from "@entente/domain";
import { charterPlainText } from "@entente/editor";
import type { ChecklistResponse } from "@entente/protocol";
import { readObjectives, readValues, updateObjective } from "@entente/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendParagraph } from "../test/charter-text.js";
import { LiveServer, roundTrip, type LiveUser } from "../test/live-server.js";

/**
 * The checklist against a live server: the template is written by the server, then people
 * of both organizations type in the charter and agree on objectives through stock
 * y-websocket clients, and the checklist ticks from what the rooms stored.
 */
describe("the partnership checklist with live clients", () => {
  let live: LiveServer;
  let north: LiveUser;
  let south: LiveUser;
  let northOrg: string;
  let southOrg: string;
  let partnershipId: string;

  const ok = async <T = any>(method: string, path: string, body: unknown, user: LiveUser) => {
    const response = await live.api<T>(method, path, body, user.cookie);
    if (response.status >= 300) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };

  const checklist = async () => {
    const body = await ok<ChecklistResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/checklist`,
      undefined,
      south,
    );
    return Object.fromEntries(body.items.map((item) => [item.key, item.done]));
  };

  beforeAll(async () => {
    live = await LiveServer.start();
    north = await live.signup("Nora North");
    northOrg = (await ok("POST", "/api/organizations", { name: "Northwind" }, north)).organization
      .id as string;
    partnershipId = (
      await ok(
        "POST",
        "/api/partnerships",
        {
          name: "N × S",
          organizationId: northOrg,
          template: { id: "strategic-alliance", language: "fr" },
        },
        north,
      )
    ).partnership.id as string;
    south = await live.signup("Sam South");
    southOrg = (await ok("POST", "/api/organizations", { name: "Southpeak" }, south)).organization
      .id as string;
    const token = (
      await ok(
        "POST",
        `/api/partnerships/${partnershipId}/invitations`,
        { kind: "organization", role: "admin" },
        north,
      )
    ).invitation.token as string;
    await ok("POST", `/api/invitations/${token}/accept`, {}, south);
  });

  afterAll(async () => {
    await live.close();
  });

  it("ticks the charter once both organizations typed in it, and the objectives once three are agreed", async () => {
    const charterName = formatDocumentName({ kind: "charter", partnershipId });
    const northClient = live.connect(charterName, north.cookie);
    const southClient = live.connect(charterName, south.cookie);
    await Promise.all([northClient.synced, southClient.synced]);
    // The template's sections reached the clients, in French.
    expect(charterPlainText(southClient.doc)).toContain("Raison d’être");
    expect(await checklist()).toMatchObject({ charter_written: false });

    appendParagraph(northClient.doc, "Northwind : nous apportons la flotte.");
    await roundTrip(northClient);
    expect(await checklist()).toMatchObject({ charter_written: false });
    appendParagraph(southClient.doc, "Southpeak : nous apportons les dépôts.");
    await roundTrip(southClient);
    expect(await checklist()).toMatchObject({ charter_written: true });

    const objectivesName = formatDocumentName({ kind: "objectives", partnershipId });
    const objectives = live.connect(objectivesName, south.cookie);
    await objectives.synced;
    const ids = readValues(readObjectives(objectives.doc)).map((o) => o.id);
    expect(ids).toHaveLength(3);
    for (const id of ids.slice(0, 2)) {
      updateObjective(objectives.doc, id, {
        ownerOrganizationIds: [northOrg, southOrg],
        status: "active",
      });
    }
    await roundTrip(objectives);
    expect(await checklist()).toMatchObject({ objectives_agreed: false });
    updateObjective(objectives.doc, ids[2] ?? "", {
      ownerOrganizationIds: [northOrg, southOrg],
      status: "active",
    });
    await roundTrip(objectives);
    expect(await checklist()).toMatchObject({
      charter_written: true,
      objectives_agreed: true,
      steering_meeting_held: false,
      charter_ratified: false,
    });
    for (const client of [northClient, southClient, objectives]) client.destroy();
  });
});
