import type { RecordedActor } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** Names of the users and organizations the records mention, looked up once per answer. */
export class ActorNames {
  private constructor(
    private readonly users: Map<string, string>,
    private readonly organizations: Map<string, string>,
  ) {}

  static async load(
    db: Kysely<Database>,
    actors: readonly { userId: string | null; organizationId: string | null }[],
  ): Promise<ActorNames> {
    const userIds = [...new Set(actors.flatMap((a) => (a.userId ? [a.userId] : [])))];
    const organizationIds = [
      ...new Set(actors.flatMap((a) => (a.organizationId ? [a.organizationId] : []))),
    ];
    const [users, organizations] = await Promise.all([
      userIds.length === 0
        ? []
        : db.selectFrom("users").select(["id", "name"]).where("id", "in", userIds).execute(),
      organizationIds.length === 0
        ? []
        : db
            .selectFrom("organizations")
            .select(["id", "name"])
            .where("id", "in", organizationIds)
            .execute(),
    ]);
    return new ActorNames(
      new Map(users.map((u) => [u.id, u.name])),
      new Map(organizations.map((o) => [o.id, o.name])),
    );
  }

  actor(userId: string | null, organizationId: string | null): RecordedActor {
    return {
      userId,
      userName: userId === null ? null : (this.users.get(userId) ?? null),
      organizationId,
      organizationName:
        organizationId === null ? null : (this.organizations.get(organizationId) ?? null),
    };
  }
}
