import type { MeetingListResponse } from "@entente/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger.js";
import { ApiHarness, sessionCookieFrom } from "../test/api-harness.js";
import { DEMO_PARTNERSHIP, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./demo.js";

describe("the demo seed", () => {
  let harness: ApiHarness;
  let cookie: string;
  let partnershipId: string;

  beforeAll(async () => {
    harness = await ApiHarness.create();
    await seedDemo(harness.store, createLogger({ level: "silent" }));
    const login = await harness.request("POST", "/api/auth/login", {
      body: { email: DEMO_USERS[2].email, password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(200);
    cookie = sessionCookieFrom(login.headers);
    const me = await harness.request("GET", "/api/me", { cookie });
    const partnership = me.body.partnerships.find(
      (p: { name: string }) => p.name === DEMO_PARTNERSHIP,
    );
    partnershipId = partnership.id as string;
  });

  afterAll(async () => {
    await harness.close();
  });

  it("shows meetings out of the box: past minutes signed off by both sides, and an overdue level", async () => {
    const response = await harness.request<MeetingListResponse>(
      "GET",
      `/api/partnerships/${partnershipId}/meetings`,
      { cookie },
    );
    expect(response.status).toBe(200);
    const { meetings, rhythm } = response.body;
    expect(meetings.map((m) => [m.kind, m.level])).toEqual([
      ["tactical_review", "tactical"],
      ["workshop", "operational"],
      ["steering_committee", "strategic"],
      ["tactical_review", "tactical"],
    ]);
    const steering = meetings[2]!;
    expect(steering.agenda).toHaveLength(3);
    expect(steering.participants).toHaveLength(4);
    // The signed versions are those of the stored notes: nothing changed since.
    for (const item of steering.agenda) {
      expect(item.signOffs.map((s) => [s.organizationName, s.changedSince])).toEqual([
        ["Northwind", false],
        ["Southpeak", false],
      ]);
    }
    expect(rhythm.map((r) => [r.level, r.intervalDays, r.overdue])).toEqual([
      ["strategic", 90, false],
      ["tactical", 30, false],
      ["operational", 7, true],
    ]);
    expect(rhythm[1]!.nextMeeting?.id).toBe(meetings[0]!.id);
    expect(rhythm[2]!.nextMeeting?.id).toBe(meetings[1]!.id);
  });

  it("seeds once", async () => {
    await seedDemo(harness.store, createLogger({ level: "silent" }));
    const rows = await harness.store.db.selectFrom("meetings").select("id").execute();
    expect(rows).toHaveLength(4);
  });
});
