import { DEFAULT_HEALTH_DIMENSIONS } from "@entente/protocol";
import { describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

function errorOf(code: string) {
  return { error: expect.objectContaining({ code, message: expect.any(String) }) };
}

const DIMENSIONS = [
  { key: "trust", label: "Trust" },
  { key: "speed", label: "Decision speed" },
];

describe("health check routes", () => {
  const ctx = usePartnershipHarness();

  const open = (user: TestUser, body: Record<string, unknown> = {}) =>
    ctx.harness.request("POST", `/api/partnerships/${ctx.cast.partnershipId}/health-checks`, {
      cookie: user.cookie,
      body: { title: "Q3 health check", dimensions: DIMENSIONS, ...body },
    });

  const opened = async (body: Record<string, unknown> = {}) => {
    const response = await open(ctx.cast.north.admin, body);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body.healthCheck.id as string;
  };

  const answer = (user: TestUser, id: string, body: Record<string, unknown>) =>
    ctx.harness.request("POST", `/api/health-checks/${id}/responses`, {
      cookie: user.cookie,
      body,
    });

  const read = (user: TestUser, id: string) =>
    ctx.harness.request("GET", `/api/health-checks/${id}`, { cookie: user.cookie });

  const close = (user: TestUser, id: string) =>
    ctx.harness.request("POST", `/api/health-checks/${id}/close`, {
      cookie: user.cookie,
      body: {},
    });

  const members = () => [ctx.cast.north.admin, ctx.cast.north.editor, ctx.cast.north.viewer];
  const southMembers = () => [ctx.cast.south.admin, ctx.cast.south.editor, ctx.cast.south.viewer];

  it("opens a cycle with the domain's dimensions by default, admins only", async () => {
    const response = await ctx.harness.request(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/health-checks`,
      { cookie: ctx.cast.south.admin.cookie, body: { title: "Yearly" } },
    );
    expect(response.status).toBe(201);
    expect(response.body.healthCheck).toMatchObject({
      status: "open",
      minRespondents: 3,
      dimensions: DEFAULT_HEALTH_DIMENSIONS,
    });
    expect((await open(ctx.cast.north.editor)).status).toBe(403);
    expect((await open(ctx.cast.north.editor)).body).toEqual(errorOf("forbidden"));
    expect((await open(ctx.cast.south.viewer)).status).toBe(403);
  });

  it("validates the opening body", async () => {
    for (const body of [
      { minRespondents: 1 },
      { minRespondents: 11 },
      { dimensions: [] },
      {
        dimensions: [
          { key: "a", label: "A" },
          { key: "a", label: "B" },
        ],
      },
      { dimensions: [{ key: "Bad Key", label: "A" }] },
      { title: "" },
      { extra: true },
    ]) {
      const response = await open(ctx.cast.north.admin, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toEqual(errorOf("invalid_input"));
    }
  });

  it("hides everything while open, then shows only organizations past the threshold", async () => {
    const id = await opened();
    for (const [i, user] of members().entries()) {
      expect(
        (await answer(user, id, { ratings: { trust: 5 - i, speed: 2 }, comment: `north ${i}` }))
          .status,
      ).toBe(201);
    }
    // Only two of South answer: below the threshold of 3.
    for (const user of southMembers().slice(0, 2)) {
      expect((await answer(user, id, { ratings: { trust: 1, speed: 1 } })).status).toBe(201);
    }
    const whileOpen = await read(ctx.cast.south.admin, id);
    expect(whileOpen.status).toBe(200);
    expect(whileOpen.body.answered).toBe(true);
    expect(whileOpen.body.results).toEqual([
      { organizationId: ctx.cast.north.id, respondents: 3, hidden: true },
      { organizationId: ctx.cast.south.id, respondents: 2, hidden: true },
    ]);
    expect((await read(ctx.cast.south.editor, id)).body.answered).toBe(true);
    expect((await read(ctx.cast.south.viewer, id)).body.answered).toBe(false);

    expect((await close(ctx.cast.south.editor, id)).status).toBe(403);
    const closed = await close(ctx.cast.south.admin, id);
    expect(closed.status).toBe(200);
    expect(closed.body.healthCheck.status).toBe("closed");
    expect(closed.body.results).toEqual([
      {
        organizationId: ctx.cast.north.id,
        respondents: 3,
        hidden: false,
        averages: { trust: 4, speed: 2 },
        comments: ["north 0", "north 1", "north 2"],
      },
      { organizationId: ctx.cast.south.id, respondents: 2, hidden: true },
    ]);
    // `answered` outlives the close; the one who did not answer still reads false.
    expect((await read(ctx.cast.north.viewer, id)).body.answered).toBe(true);
    const southViewer = await read(ctx.cast.south.viewer, id);
    expect(southViewer.body.answered).toBe(false);
    expect(southViewer.body.results).toEqual(closed.body.results);

    expect(
      (await answer(ctx.cast.south.viewer, id, { ratings: { trust: 3, speed: 3 } })).status,
    ).toBe(409);
    expect((await close(ctx.cast.north.admin, id)).status).toBe(409);
  });

  it("honours a threshold the admin set", async () => {
    const id = await opened({ minRespondents: 2 });
    for (const user of southMembers().slice(0, 2)) {
      await answer(user, id, { ratings: { trust: 4, speed: 3 } });
    }
    const closed = await close(ctx.cast.north.admin, id);
    expect(closed.body.results[1]).toEqual({
      organizationId: ctx.cast.south.id,
      respondents: 2,
      hidden: false,
      averages: { trust: 4, speed: 3 },
      comments: [],
    });
    expect(closed.body.results[0]).toEqual({
      organizationId: ctx.cast.north.id,
      respondents: 0,
      hidden: true,
    });
  });

  it("replaces one's answer while open instead of counting it twice", async () => {
    const id = await opened({ minRespondents: 2 });
    await answer(ctx.cast.north.viewer, id, { ratings: { trust: 1, speed: 1 }, comment: "first" });
    await answer(ctx.cast.north.viewer, id, { ratings: { trust: 5, speed: 5 }, comment: "second" });
    await answer(ctx.cast.north.editor, id, { ratings: { trust: 3, speed: 3 } });
    expect((await read(ctx.cast.north.admin, id)).body.results[0].respondents).toBe(2);
    const closed = await close(ctx.cast.north.admin, id);
    expect(closed.body.results[0]).toMatchObject({
      respondents: 2,
      averages: { trust: 4, speed: 4 },
      comments: ["second"],
    });
  });

  it("refuses answers that miss a dimension, name an unknown one or rate out of range", async () => {
    const id = await opened();
    for (const body of [
      { ratings: { trust: 3 } },
      { ratings: { trust: 3, speed: 3, extra: 3 } },
      { ratings: { trust: 0, speed: 3 } },
      { ratings: { trust: 6, speed: 3 } },
      { ratings: { trust: 2.5, speed: 3 } },
      { ratings: { trust: 3, speed: 3 }, userId: ctx.cast.south.admin.id },
      { ratings: "high" },
    ]) {
      const response = await answer(ctx.cast.north.viewer, id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toEqual(errorOf("invalid_input"));
    }
    expect((await read(ctx.cast.north.viewer, id)).body.results[0].respondents).toBe(0);
  });

  it("lists cycles newest first, and hides them from non-members with 404", async () => {
    const first = await opened({ title: "First" });
    const second = await opened({ title: "Second" });
    const list = await ctx.harness.request(
      "GET",
      `/api/partnerships/${ctx.cast.partnershipId}/health-checks`,
      { cookie: ctx.cast.south.viewer.cookie },
    );
    expect(list.status).toBe(200);
    expect(list.body.healthChecks.map((h: { id: string }) => h.id)).toEqual([second, first]);

    const stranger = await ctx.harness.signup("Stranger");
    expect((await open(stranger)).status).toBe(404);
    expect(
      (
        await ctx.harness.request(
          "GET",
          `/api/partnerships/${ctx.cast.partnershipId}/health-checks`,
          {
            cookie: stranger.cookie,
          },
        )
      ).status,
    ).toBe(404);
    for (const response of [
      await read(stranger, first),
      await answer(stranger, first, { ratings: { trust: 1, speed: 1 } }),
      await close(stranger, first),
      await read(ctx.cast.north.admin, "no-such-cycle"),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual(errorOf("not_found"));
    }
    const anonymous = await ctx.harness.request("GET", `/api/health-checks/${first}`);
    expect(anonymous.status).toBe(401);
  });

  it("invites every member of both sides but the opener when a cycle opens, and announces its results", async () => {
    const id = await opened({ title: "Q4 check" });
    const kindsOf = async (user: TestUser) => {
      const response = await ctx.harness.request("GET", "/api/notifications", {
        cookie: user.cookie,
      });
      expect(response.status).toBe(200);
      return (
        response.body.notifications as { kind: string; item?: { kind: string; id: string } }[]
      )
        .filter((n) => n.item?.kind === "health_check" && n.item.id === id)
        .map((n) => n.kind);
    };
    for (const user of [...members(), ...southMembers()]) {
      // Nobody is told of their own act: the admin who opened it knows.
      expect(await kindsOf(user)).toEqual(
        user === ctx.cast.north.admin ? [] : ["health_check_opened"],
      );
    }
    await answer(ctx.cast.south.viewer, id, { ratings: { trust: 2, speed: 2 } });
    await close(ctx.cast.north.admin, id);
    for (const user of [ctx.cast.north.viewer, ctx.cast.south.viewer]) {
      expect(await kindsOf(user)).toEqual(["health_check_results", "health_check_opened"]);
    }
  });

  it("mentions open cycles in the digest, and no longer once closed", async () => {
    const id = await opened({ title: "Mid-year check" });
    const digest = async () =>
      (
        await ctx.harness.request(
          "GET",
          `/api/partnerships/${ctx.cast.partnershipId}/digest?period=week`,
          {
            cookie: ctx.cast.south.viewer.cookie,
          },
        )
      ).body.digest;
    const before = await digest();
    expect(before.openHealthChecks).toEqual([
      { id, title: "Mid-year check", openedAt: expect.any(String) },
    ]);
    expect(before.text).toContain("Health checks waiting for your anonymous answer (1)");
    expect(before.text).toContain("- Mid-year check (");
    await close(ctx.cast.north.admin, id);
    const after = await digest();
    expect(after.openHealthChecks).toEqual([]);
    expect(after.text).not.toContain("Health checks waiting");
  });

  it("links no rating or comment to a person: not in the API, the tables or the logs", async () => {
    const id = await opened({ minRespondents: 2 });
    const everyone = [...members(), ...southMembers()];
    for (const [i, user] of everyone.entries()) {
      await answer(user, id, {
        ratings: { trust: 1 + (i % 5), speed: 5 - (i % 5) },
        comment: `secret-comment-${i}`,
      });
    }
    const userIds = everyone.map((u) => u.id);
    const names = everyone.map((u) => u.name);
    const carriesPerson = (text: string) =>
      userIds.some((uid) => text.includes(uid)) || names.some((n) => text.includes(n));

    // While open, only respondent tokens (keyed by a per-cycle secret) sit beside answers.
    const openAnswers = await ctx.harness.store.db
      .selectFrom("health_check_answers")
      .selectAll()
      .execute();
    expect(openAnswers).toHaveLength(6);
    expect(carriesPerson(JSON.stringify(openAnswers))).toBe(false);

    const closed = await close(ctx.cast.north.admin, id);
    expect(carriesPerson(JSON.stringify(closed.body))).toBe(false);
    const list = await ctx.harness.request(
      "GET",
      `/api/partnerships/${ctx.cast.partnershipId}/health-checks`,
      { cookie: ctx.cast.north.admin.cookie },
    );
    expect(carriesPerson(JSON.stringify(list.body))).toBe(false);

    // Once closed, the secret and the tokens are gone: nothing can link an answer back.
    const cycle = await ctx.harness.store.db
      .selectFrom("health_checks")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(cycle.respondent_secret).toBeNull();
    const answers = await ctx.harness.store.db
      .selectFrom("health_check_answers")
      .selectAll()
      .execute();
    expect(answers).toHaveLength(6);
    expect(answers.every((a) => a.respondent_token === null)).toBe(true);
    expect(carriesPerson(JSON.stringify(answers))).toBe(false);
    // Comments come sorted, not in the order people answered.
    const comments = closed.body.results.flatMap((r: { comments: string[] }) => r.comments);
    expect(comments).toEqual([...comments].sort((a: string, b: string) => a.localeCompare(b)));

    // No log line carries a rating or a comment (the request log names the user and path only).
    expect(ctx.harness.logLines.length).toBeGreaterThan(0);
    for (const line of ctx.harness.logLines) {
      expect(line).not.toMatch(/secret-comment|ratings|"trust"|"speed"/);
    }
  });
});
