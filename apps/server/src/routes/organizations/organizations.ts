import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { readJson } from "../../http/validate.js";
import { newId } from "../../ids.js";
import { CreateOrganizationBody } from "@entente/protocol/schemas";

export function organizationRoutes({ organizations }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().post("/", async (c) => {
    const { user } = requireAuth(c);
    const body = await readJson(c, CreateOrganizationBody);
    const organization = { id: newId(), name: body.name };
    await organizations.create(user.id, organization);
    return c.json({ organization }, 201);
  });
}
