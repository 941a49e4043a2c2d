import type { SearchResponse } from "@entente/protocol";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow } from "../../http/validate.js";
import { SearchQuery } from "@entente/protocol/schemas";

/** `GET /api/search`: what the caller may find, across their partnerships or in one. */
export function searchRoutes({ search }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", async (c) => {
    const { user } = requireAuth(c);
    const { q, partnershipId } = parseOrThrow(SearchQuery, c.req.query());
    const body: SearchResponse = await search.search(user.id, q, partnershipId);
    return c.json(body);
  });
}
