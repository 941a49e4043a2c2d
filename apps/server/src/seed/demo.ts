import { formatDocumentName } from "@entente/domain";
import { writeCharterContent, type JSONContent } from "@entente/editor";
import * as Y from "yjs";
import { hashPassword } from "../auth/password.js";
import type { Store } from "../db/database.js";
import type { Logger } from "../observability/logger.js";
import { newId } from "../ids.js";
import { SqlUpdateLog } from "../sync/update-log.js";

export const DEMO_PASSWORD = "entente-demo-2026";
export const DEMO_PARTNERSHIP = "Northwind × Southpeak";

export const DEMO_USERS = [
  {
    email: "amara@northwind.example",
    name: "Amara Diallo",
    organization: "Northwind",
    role: "admin",
    level: "strategic",
  },
  {
    email: "ben@northwind.example",
    name: "Ben Carter",
    organization: "Northwind",
    role: "editor",
    level: "tactical",
  },
  {
    email: "sofia@southpeak.example",
    name: "Sofia Marchetti",
    organization: "Southpeak",
    role: "admin",
    level: "strategic",
  },
  {
    email: "lucas@southpeak.example",
    name: "Lucas Bernard",
    organization: "Southpeak",
    role: "editor",
    level: "tactical",
  },
] as const;

const heading = (text: string): JSONContent => ({
  type: "heading",
  attrs: { level: 2 },
  content: [{ type: "text", text }],
});
const paragraph = (text: string): JSONContent => ({
  type: "paragraph",
  content: [{ type: "text", text }],
});

const DEMO_CHARTER: JSONContent = {
  type: "doc",
  content: [
    heading("Purpose"),
    paragraph(
      "Northwind and Southpeak join forces to bring low-carbon cold-chain logistics to regional food producers, sharing means, expertise and risk.",
    ),
    heading("Shared values"),
    paragraph(
      "Trust, transparency about constraints, and sharing difficulties as openly as successes.",
    ),
    heading("Governance"),
    paragraph(
      "A steering committee each quarter, a tactical review each month, an operational sync each week.",
    ),
    heading("Exit terms"),
    paragraph(
      "Either partner may leave with six months' notice; jointly developed assets stay available to both.",
    ),
  ],
};

/**
 * Seeds the "Northwind × Southpeak" demo: two organizations, two users each, and a
 * charter written once as Yjs binary. Does nothing when the demo is already there.
 */
export async function seedDemo(store: Store, logger: Logger): Promise<void> {
  const { db } = store;
  const existing = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_USERS[0].email)
    .executeTakeFirst();
  if (existing) return;

  const now = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organizations = new Map([
    ["Northwind", newId()],
    ["Southpeak", newId()],
  ]);
  const partnershipId = newId();

  await db.transaction().execute(async (trx) => {
    for (const [name, id] of organizations) {
      await trx.insertInto("organizations").values({ id, name, created_at: now }).execute();
    }
    const users = DEMO_USERS.map((u) => ({
      ...u,
      id: newId(),
      organizationId: organizations.get(u.organization) ?? "",
    }));
    for (const user of users) {
      await trx
        .insertInto("users")
        .values({
          id: user.id,
          email: user.email,
          name: user.name,
          password_hash: passwordHash,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto("organization_members")
        .values({ organization_id: user.organizationId, user_id: user.id, role: user.role })
        .execute();
    }
    await trx
      .insertInto("partnerships")
      .values({
        id: partnershipId,
        name: DEMO_PARTNERSHIP,
        created_by: users[0]?.id ?? "",
        created_at: now,
      })
      .execute();
    let order = 0;
    for (const organizationId of organizations.values()) {
      await trx
        .insertInto("partnership_organizations")
        .values({
          partnership_id: partnershipId,
          organization_id: organizationId,
          joined_at: now + order++,
        })
        .execute();
    }
    for (const user of users) {
      await trx
        .insertInto("partnership_members")
        .values({
          partnership_id: partnershipId,
          user_id: user.id,
          organization_id: user.organizationId,
          permission: user.role,
          level: user.level,
        })
        .execute();
    }
  });

  const charter = new Y.Doc();
  writeCharterContent(charter, DEMO_CHARTER);
  await new SqlUpdateLog(store).append(
    formatDocumentName({ kind: "charter", partnershipId }),
    Y.encodeStateAsUpdate(charter),
    { userId: null, organizationId: null },
  );
  charter.destroy();
  logger.info(
    `Seeded the "${DEMO_PARTNERSHIP}" demo (password for every demo user: ${DEMO_PASSWORD})`,
  );
}
