import { Hono } from "hono";
import {
  gatherPartnershipExport,
  exportFileName,
  type ExportSources,
} from "../../export/gather-export.js";
import { renderPartnershipMarkdown } from "../../export/partnership-markdown.js";
import { GovernanceService } from "../../governance/governance-service.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow } from "../../http/validate.js";
import { PartnershipParams } from "@entente/protocol/schemas";

/** What the export reads from, out of the app's services (shared with the PDF routes). */
export function exportSources(services: Services): ExportSources {
  return {
    db: services.db,
    documents: services.documents,
    governance: new GovernanceService(services.db, services.documents),
    meetings: services.meetings,
  };
}

/**
 * `GET /api/partnerships/:id/export.md`: the whole partnership as Markdown, exactly what
 * the caller may read, so each side can keep its own copy. Any member may export.
 */
export function exportRoutes(services: Services): Hono<AppEnv> {
  const sources = exportSources(services);

  return new Hono<AppEnv>().get("/:id/export.md", async (c) => {
    const { user } = requireAuth(c);
    const { id } = parseOrThrow(PartnershipParams, c.req.param());
    const seat = await services.access.requireSeat(user.id, id);
    const data = await gatherPartnershipExport(sources, seat, user);
    const markdown = renderPartnershipMarkdown(data);
    return c.body(markdown, 200, {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(data.partnership.name)}"`,
    });
  });
}
