import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SmtpMailer } from "../mail/mailer.js";
import { ReplyAddresses } from "../mail/reply-addresses.js";
import { SmtpSink } from "../test/smtp-sink.js";
import { createLogger } from "../observability/logger.js";
import { ApiHarness } from "../test/api-harness.js";
import { DigestScheduler, periodKey } from "./digest-scheduler.js";
import { seedWeek } from "../test/seeded-week.js";

const ORIGIN = "http://entente.test";

describe("periodKey", () => {
  it("names the UTC day and the ISO week", () => {
    expect(periodKey("day", new Date("2026-11-26T23:59:00Z"))).toBe("day:2026-11-26");
    expect(periodKey("week", new Date("2026-11-26T12:00:00Z"))).toBe("week:2026-W48");
    expect(periodKey("week", new Date("2026-11-29T23:00:00Z"))).toBe("week:2026-W48");
    expect(periodKey("week", new Date("2026-11-30T00:00:00Z"))).toBe("week:2026-W49");
    // 1 January 2027 is a Friday: still in the last ISO week of 2026.
    expect(periodKey("week", new Date("2027-01-01T12:00:00Z"))).toBe("week:2026-W53");
    expect(periodKey("week", new Date("2027-01-04T12:00:00Z"))).toBe("week:2027-W01");
  });
});

describe("the digest scheduler", () => {
  let harness: ApiHarness;
  let sink: SmtpSink;
  let mailer: SmtpMailer;
  let cast: Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;
  const now = new Date();

  beforeEach(async () => {
    harness = await ApiHarness.create();
    sink = await SmtpSink.start();
    mailer = new SmtpMailer(sink.smtpUrl, "Entente <digest@entente.test>");
    cast = await harness.twoOrganizationPartnership();
    await seedWeek(harness, cast, now);
  });

  afterEach(async () => {
    mailer.close();
    await sink.close();
    await harness.close();
  });

  /** A scheduler as one server instance runs it. */
  const instance = () =>
    new DigestScheduler(
      harness.store.db,
      harness.services.digests,
      mailer,
      createLogger({ level: "silent" }),
      ORIGIN,
    );

  it("sends each subscriber's digest once per period, even with two instances checking", async () => {
    const subscribe = (user: typeof cast.south.viewer, frequency: string) =>
      harness.request("PUT", "/api/me/notification-preferences", {
        cookie: user.cookie,
        body: { digests: [{ partnershipId: cast.partnershipId, frequency }] },
      });
    await subscribe(cast.south.viewer, "weekly");
    await subscribe(cast.north.admin, "daily");
    await subscribe(cast.north.viewer, "off");

    const [first, second] = await Promise.all([instance().sendDue(now), instance().sendDue(now)]);
    expect(first + second).toBe(2);
    await sink.waitFor(2);
    const email = async (userId: string) =>
      (
        await harness.store.db
          .selectFrom("users")
          .select("email")
          .where("id", "=", userId)
          .executeTakeFirstOrThrow()
      ).email;
    const toSouth = sink.received.find(
      (m) => m.to[0] === undefined || m.subject.includes("Southpeak"),
    )!;
    expect(toSouth.to).toEqual([await email(cast.south.viewer.id)]);
    const preview = await harness.request(
      "GET",
      `/api/partnerships/${cast.partnershipId}/digest?period=week`,
      {
        cookie: cast.south.viewer.cookie,
      },
    );
    expect(toSouth.subject).toBe("[North × South] Weekly digest for Southpeak");
    // The preview's text, then why it came and where to change that: the settings page.
    expect(toSouth.text).toBe(
      `${preview.body.digest.text}\n-- \nYou get this e-mail because of your notification settings in Entente: ${ORIGIN}/settings/notifications\n`,
    );
    expect(toSouth.html).toContain(
      `<a href="${ORIGIN}/settings/notifications">${ORIGIN}/settings/notifications</a>`,
    );
    const toNorth = sink.received.find((m) => m.subject.includes("Northwind"))!;
    expect(toNorth).toMatchObject({
      to: [await email(cast.north.admin.id)],
      subject: "[North × South] Daily digest for Northwind",
    });

    // Later the same day: nothing more. The next day: the daily one only.
    expect(await instance().sendDue(new Date(now.getTime() + 60_000))).toBe(0);
    const tomorrow = new Date(now.getTime() + 86_400_000);
    const sameWeek = periodKey("week", tomorrow) === periodKey("week", now);
    expect(await instance().sendDue(tomorrow)).toBe(sameWeek ? 1 : 2);
    // A member who left gets nothing more.
    await harness.request(
      "DELETE",
      `/api/partnerships/${cast.partnershipId}/members/${cast.south.viewer.id}`,
      { cookie: cast.south.viewer.cookie },
    );
    expect(await instance().sendDue(new Date(now.getTime() + 8 * 86_400_000))).toBe(1);
  });

  it("does not send a digest with nothing to say, and never sends that period again", async () => {
    // A partnership where nothing happened and nothing waits.
    const founder = await harness.signup("Founder");
    const org = await harness.createOrganization(founder, "Solo");
    const quiet = await harness.createPartnership(founder, org, "Quiet");
    await harness.request("PUT", "/api/me/notification-preferences", {
      cookie: founder.cookie,
      body: { digests: [{ partnershipId: quiet, frequency: "daily" }] },
    });
    expect(await instance().sendDue(now)).toBe(0);
    const claimed = await harness.store.db.selectFrom("digest_deliveries").selectAll().execute();
    expect(claimed).toHaveLength(1);
    expect(sink.received).toEqual([]);
  });

  it("gives editors and admins a reply address beside each post, and viewers none", async () => {
    const addresses = new ReplyAddresses(harness.store.db, {
      domain: "reply.entente.test",
      secret: "a-test-secret-of-at-least-32-characters",
      validForMs: 86_400_000,
    });
    const replying = new DigestScheduler(
      harness.store.db,
      harness.services.digests,
      mailer,
      createLogger({ level: "silent" }),
      ORIGIN,
      { addresses, access: harness.services.access },
    );
    for (const user of [cast.north.admin, cast.south.viewer]) {
      await harness.request("PUT", "/api/me/notification-preferences", {
        cookie: user.cookie,
        body: { digests: [{ partnershipId: cast.partnershipId, frequency: "weekly" }] },
      });
    }
    expect(await replying.sendDue(now)).toBe(2);
    await sink.waitFor(2);
    const toNorth = sink.received.find((m) => m.subject.includes("Northwind"))!;
    const toSouth = sink.received.find((m) => m.subject.includes("Southpeak"))!;
    const digest = (
      await harness.request("GET", `/api/partnerships/${cast.partnershipId}/digest?period=week`, {
        cookie: cast.north.admin.cookie,
      })
    ).body.digest as { wins: { id: string; title: string }[]; difficulties: { id: string }[] };
    const posts = [...digest.wins, ...digest.difficulties];
    expect(posts.length).toBeGreaterThan(0);
    const lines = [...toNorth.text.matchAll(/reply by e-mail: (\S+)/g)].map((m) => m[1]!);
    expect(lines).toHaveLength(posts.length);
    const bound = await Promise.all(lines.map((address) => addresses.resolve(address)));
    expect(bound).toEqual(
      posts.map((post) => ({
        userId: cast.north.admin.id,
        partnershipId: cast.partnershipId,
        target: { kind: "post", postId: post.id },
      })),
    );
    expect(toNorth.html).toContain(`<a href="mailto:${lines[0]!}">reply by e-mail</a>`);
    // The viewer could only be refused: their digest reads as before.
    expect(toSouth.text).not.toContain("reply by e-mail");
    expect(toSouth.raw).not.toMatch(/^Reply-To:/im);
  });
});
