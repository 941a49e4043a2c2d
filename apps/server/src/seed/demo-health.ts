import { DEFAULT_HEALTH_DIMENSIONS } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { AccessService } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import { HealthCheckService } from "../health-checks/health-check-service.js";
import { ago, type DemoCast, type DemoPerson } from "./demo-cast.js";

type Ratings = Record<string, number>;

/** The domain's eight dimensions, in order: trust … mutual respect. */
const KEYS = DEFAULT_HEALTH_DIMENSIONS.map((d) => d.key);

const ratings = (values: readonly number[]): Ratings =>
  Object.fromEntries(KEYS.map((key, i) => [key, values[i] ?? 3]));

/**
 * Two closed health check cycles whose results show (three answers per side) and differ
 * between the sides (Southpeak sees governance as slow, Northwind worries about the value
 * it gets), then an open one with a few answers. Written through the service, so the
 * answers are as anonymous as real ones; only the dates are moved into the past.
 */
export async function seedHealthChecks(
  deps: { db: Kysely<Database>; access: AccessService },
  cast: DemoCast,
  members: { northwind: DemoPerson[]; southpeak: DemoPerson[] },
): Promise<void> {
  const { db, access } = deps;
  const service = new HealthCheckService(db, access);
  const admin = cast.amara;
  const adminSeat = await access.requireSeat(admin.id, cast.partnershipId);

  const cycle = async (
    title: string,
    openedDaysAgo: number,
    closedDaysAgo: number | null,
    answers: { person: DemoPerson; values: number[]; comment?: string }[],
  ) => {
    const view = await service.open(
      { userId: admin.id, seat: adminSeat },
      { title, minRespondents: 3, dimensions: DEFAULT_HEALTH_DIMENSIONS.map((d) => ({ ...d })) },
    );
    for (const answer of answers) {
      const target = await service.require(answer.person.id, view.id);
      await service.answer(answer.person.id, target, {
        ratings: ratings(answer.values),
        comment: answer.comment,
      });
    }
    if (closedDaysAgo !== null) {
      await service.close(admin.id, await service.require(admin.id, view.id));
    }
    await db
      .updateTable("health_checks")
      .set({
        opened_at: ago(cast, openedDaysAgo),
        closed_at: closedDaysAgo === null ? null : ago(cast, closedDaysAgo),
      })
      .where("id", "=", view.id)
      .execute();
  };

  const [n1, n2, n3] = members.northwind;
  const [s1, s2, s3] = members.southpeak;
  if (!n1 || !n2 || !n3 || !s1 || !s2 || !s3) throw new Error("the demo needs 3 members a side");

  await cycle("Q1 health check", 150, 136, [
    { person: n1, values: [4, 3, 4, 3, 4, 2, 3, 5], comment: "We give more than we get so far." },
    { person: n2, values: [4, 3, 4, 4, 3, 2, 3, 4] },
    { person: n3, values: [3, 3, 5, 3, 4, 3, 3, 4] },
    { person: s1, values: [4, 4, 4, 2, 4, 4, 3, 5], comment: "Decisions wait weeks for sign-off." },
    { person: s2, values: [3, 4, 4, 2, 3, 4, 3, 4] },
    { person: s3, values: [4, 3, 4, 1, 3, 5, 4, 4] },
  ]);
  await cycle("Q2 health check", 60, 46, [
    { person: n1, values: [4, 4, 4, 4, 4, 3, 4, 5], comment: "Cold chain pilot delivered." },
    { person: n2, values: [5, 3, 4, 4, 4, 3, 4, 4] },
    { person: n3, values: [4, 4, 5, 3, 4, 3, 3, 5] },
    { person: s1, values: [4, 4, 5, 3, 4, 4, 4, 5] },
    { person: s2, values: [4, 3, 4, 2, 4, 4, 3, 4], comment: "Steering committee still slow." },
    { person: s3, values: [4, 4, 4, 3, 3, 5, 4, 4] },
  ]);
  await cycle("Q3 health check", 3, null, [
    { person: n2, values: [4, 4, 4, 4, 4, 4, 4, 4] },
    { person: s2, values: [4, 4, 4, 3, 4, 4, 4, 4] },
  ]);
}
