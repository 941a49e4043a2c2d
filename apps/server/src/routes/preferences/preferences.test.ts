import { describe, expect, it } from "vitest";
import type { TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";

/** Every kind, in order, as a user starts with it: in the app, and by e-mail for some. */
const DEFAULT_KINDS = [
  { kind: "mention", inApp: true, email: true },
  { kind: "organization_mention", inApp: true, email: false },
  { kind: "reply", inApp: true, email: true },
  { kind: "decision_waiting", inApp: true, email: true },
  { kind: "charter_changed", inApp: true, email: true },
  { kind: "item_status_changed", inApp: true, email: true },
  { kind: "item_overdue", inApp: true, email: true },
  { kind: "item_deleted", inApp: true, email: true },
  { kind: "organization_joined", inApp: true, email: true },
  { kind: "member_joined", inApp: true, email: false },
  { kind: "member_left", inApp: true, email: false },
  { kind: "health_check_opened", inApp: true, email: false },
  { kind: "health_check_results", inApp: true, email: false },
];

/** {@link DEFAULT_KINDS} with the e-mail choices of `email` in place of the defaults. */
const kindsWithEmail = (email: Record<string, boolean>) =>
  DEFAULT_KINDS.map((kind) => ({ ...kind, email: email[kind.kind] ?? kind.email }));

describe("notification preference routes", () => {
  const ctx = usePartnershipHarness();

  const path = "/api/me/notification-preferences";
  const get = (user: TestUser | undefined) =>
    ctx.harness.request("GET", path, { cookie: user?.cookie });
  const put = (user: TestUser | undefined, body: unknown) =>
    ctx.harness.request("PUT", path, { cookie: user?.cookie, body });

  it("starts from the defaults: everything in the app, named and answered by e-mail, no digest", async () => {
    const response = await get(ctx.cast.north.viewer);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      preferences: {
        language: null,
        kinds: DEFAULT_KINDS,
        digests: [
          {
            partnershipId: ctx.cast.partnershipId,
            partnershipName: "North × South",
            frequency: "off",
          },
        ],
      },
    });
    expect((await get(undefined)).status).toBe(401);
    expect((await put(undefined, {})).status).toBe(401);
  });

  it("changes what is sent and keeps the rest, per user", async () => {
    const first = await put(ctx.cast.north.viewer, {
      language: "fr",
      email: { mention: false, organization_mention: true },
      digests: [{ partnershipId: ctx.cast.partnershipId, frequency: "weekly" }],
    });
    expect(first.status).toBe(200);
    const second = await put(ctx.cast.north.viewer, {
      email: { reply: false, charter_changed: false },
    });
    expect(second.body.preferences).toEqual({
      language: "fr",
      kinds: kindsWithEmail({
        mention: false,
        organization_mention: true,
        reply: false,
        charter_changed: false,
      }),
      digests: [
        {
          partnershipId: ctx.cast.partnershipId,
          partnershipName: "North × South",
          frequency: "weekly",
        },
      ],
    });
    expect((await get(ctx.cast.north.viewer)).body).toEqual(second.body);
    const daily = await put(ctx.cast.north.viewer, {
      language: null,
      digests: [{ partnershipId: ctx.cast.partnershipId, frequency: "daily" }],
    });
    expect(daily.body.preferences.language).toBeNull();
    expect(daily.body.preferences.digests[0].frequency).toBe("daily");
    // Someone else's are untouched.
    expect((await get(ctx.cast.south.viewer)).body.preferences.digests[0].frequency).toBe("off");
  });

  it("refuses bad input and digests of partnerships the caller is not in", async () => {
    for (const body of [
      { email: { nonsense: true } },
      { email: { mention: "yes" } },
      { language: "de" },
      { digests: [{ partnershipId: ctx.cast.partnershipId, frequency: "hourly" }] },
      {
        digests: [
          { partnershipId: ctx.cast.partnershipId, frequency: "daily" },
          { partnershipId: ctx.cast.partnershipId, frequency: "weekly" },
        ],
      },
      { userId: ctx.cast.north.admin.id },
    ]) {
      const refused = await put(ctx.cast.north.viewer, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe("invalid_input");
    }
    const outsider = await ctx.harness.signup("Outsider");
    const org = await ctx.harness.createOrganization(outsider, "Elsewhere");
    const theirs = await ctx.harness.createPartnership(outsider, org);
    const refused = await put(ctx.cast.north.viewer, {
      language: "fr",
      digests: [{ partnershipId: theirs, frequency: "daily" }],
    });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("not_found");
    // Nothing of a refused change is kept.
    expect((await get(ctx.cast.north.viewer)).body.preferences.language).toBeNull();
  });
});
