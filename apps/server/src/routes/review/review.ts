import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import { LANGUAGES } from "@entente/protocol";
import { z } from "zod";
import { exportFileName } from "../../export/gather-export.js";
import { renderPartnershipMarkdown } from "../../export/partnership-markdown.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { parseOrThrow } from "../../http/validate.js";
import { renderMarkdownPdf } from "../../review/markdown-pdf.js";
import { reviewPeriod } from "../../review/review-data.js";
import { renderReviewPdf } from "../../review/review-pdf.js";

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "not a date (YYYY-MM-DD)")
  .refine((s) => {
    const time = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().startsWith(s);
  }, "not a real date");

const ReviewQuery = z
  .object({ from: Day.optional(), to: Day.optional(), lang: z.enum(LANGUAGES).optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "from is after to",
    path: ["from"],
  });

/** `north-south.md` → `north-south-review.pdf`. */
const pdfName = (name: string, suffix: string) =>
  exportFileName(name).replace(/\.md$/, `${suffix}.pdf`);

/**
 * `GET /api/partnerships/:id/review.pdf` (the period's review pack) and `…/export.pdf`
 * (the Markdown export printed). Both read what the Markdown export reads, under its rule:
 * any member, their own organization's private notes only. Membership is checked before
 * the query, so a non-member learns nothing from a 400.
 */
export function reviewRoutes(services: Services): Hono<AppEnv> {
  const pdf = (bytes: Buffer, fileName: string) =>
    new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${fileName}"`,
      },
    });

  return new Hono<AppEnv>()
    .get("/:id/review.pdf", async (c) => {
      const { user, id, seat } = await requirePartnershipSeat(c, services.access);
      const query = parseOrThrow(ReviewQuery, c.req.query());
      // The language the caller reads the app in (`lang`, sent by the web app), else theirs.
      const language =
        query.lang ??
        (await services.reviews.callerLanguage(user.id, c.req.header("accept-language")));
      const period = reviewPeriod(query, new Date());
      if (period.from > period.to) {
        // Only `from` given, after today (both given are checked by the schema).
        throw new DomainError("invalid_input", "from: after the period's end (today)");
      }
      const data = await services.exports.gather(seat, user);
      const healthCheck = await services.healthChecks.latestClosed(
        user.id,
        id,
        Date.parse(`${period.from}T00:00:00Z`),
        Date.parse(`${period.to}T23:59:59.999Z`),
      );
      const review = await services.reviews.gather(id, data, period, healthCheck);
      const bytes = await renderReviewPdf(review, language);
      return pdf(
        bytes,
        pdfName(data.partnership.name, `-review-${review.period.from}-${review.period.to}`),
      );
    })
    .get("/:id/export.pdf", async (c) => {
      const { user, seat } = await requirePartnershipSeat(c, services.access);
      const data = await services.exports.gather(seat, user);
      const bytes = await renderMarkdownPdf(
        renderPartnershipMarkdown(data),
        data.partnership.name,
        "en",
      );
      return pdf(bytes, pdfName(data.partnership.name, ""));
    });
}
