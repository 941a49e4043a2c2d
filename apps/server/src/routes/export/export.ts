import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import { exportFileName } from "../../export/gather-export.js";
import { renderPartnershipMarkdown } from "../../export/partnership-markdown.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";

/**
 * `GET /api/partnerships/:id/export.md`: the whole partnership as Markdown, exactly what
 * the caller may read, so each side can keep its own copy. Any member may export.
 */
export function exportRoutes(services: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/:id/export.md", async (c) => {
    const { user, seat } = await requirePartnershipSeat(c, services.access);
    const data = await services.exports.gather(seat, user);
    const markdown = renderPartnershipMarkdown(data);
    return c.body(markdown, 200, {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(data.partnership.name)}"`,
    });
  });
}
