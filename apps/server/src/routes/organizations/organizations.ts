import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { requireAuth } from "../../http/session-cookie.js";
import { readJson } from "../../http/validate.js";
import { newId } from "../../ids.js";
import { CreateOrganizationBody } from "@entente/protocol/schemas";

export function organizationRoutes({ db }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().post("/", async (c) => {
    const { user } = requireAuth(c);
    const body = await readJson(c, CreateOrganizationBody);
    const organization = { id: newId(), name: body.name };
    await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom("organization_members")
        .select("organization_id")
        .where("user_id", "=", user.id)
        .executeTakeFirst();
      // PRODUCT.md: each member belongs to one organization.
      if (current) {
        throw new DomainError("conflict", "You already belong to an organization");
      }
      await trx
        .insertInto("organizations")
        .values({ ...organization, created_at: Date.now() })
        .execute();
      await trx
        .insertInto("organization_members")
        .values({ organization_id: organization.id, user_id: user.id, role: "admin" })
        .execute();
    });
    return c.json({ organization }, 201);
  });
}
