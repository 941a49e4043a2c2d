import type { Language } from "@entente/protocol";
import { drawBar, drawKpiChart, drawRadar, drawRadarLegend } from "./review-charts.js";
import type { ReviewData } from "./review-data.js";
import {
  contentWidth,
  ensureSpace,
  newPdf,
  numberPages,
  pdfBytes,
  type Pdf,
} from "./pdf-document.js";
import { reviewWords, type ReviewWords } from "./review-words.js";

/** At most this many KPI charts (two columns, three rows: the first page). */
const MAX_CHARTS = 6;
/** Lists are cut to this many entries ("and N more") so the pack stays within four pages. */
const MAX_ROWS = 12;

function heading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6).font("Helvetica-Bold").fontSize(13).fillColor("#000000");
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).font("Helvetica").fontSize(9);
}

function line(doc: Pdf, text: string, options: { bold?: string; grey?: boolean } = {}): void {
  ensureSpace(doc, 14);
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.fontSize(9).fillColor(options.grey ? "#555555" : "#000000");
  if (options.bold && text) {
    doc.font("Helvetica-Bold").text(options.bold, x, doc.y, { continued: true, width });
    doc.font("Helvetica").text(text);
  } else if (options.bold) {
    doc.font("Helvetica-Bold").text(options.bold, x, doc.y, { width });
  } else {
    doc.font("Helvetica").text(text, x, doc.y, { width });
  }
}

function capped<T>(
  doc: Pdf,
  items: T[],
  draw: (item: T) => void,
  more: (n: number) => string,
): void {
  items.slice(0, MAX_ROWS).forEach(draw);
  if (items.length > MAX_ROWS) line(doc, more(items.length - MAX_ROWS), { grey: true });
}

const more = (language: Language) => (n: number) =>
  language === "fr" ? `… et ${n} de plus` : `… and ${n} more`;
const amount = (value: number | null, unit: string, words: ReviewWords) =>
  value === null ? words.notStated : `${value} ${unit}`.trim();

function kpiPage(doc: Pdf, data: ReviewData, words: ReviewWords, language: Language): void {
  heading(doc, words.kpis);
  if (data.kpis.length === 0) return line(doc, words.noKpis, { grey: true });
  const width = (contentWidth(doc) - 20) / 2;
  const height = 150;
  const top = doc.y;
  data.kpis.slice(0, MAX_CHARTS).forEach((item, i) => {
    const x = doc.page.margins.left + (i % 2) * (width + 20);
    const y = top + Math.floor(i / 2) * (height + 12);
    drawKpiChart(doc, { x, y, width, height }, item, data.period, words);
  });
  doc.y = top + Math.ceil(Math.min(data.kpis.length, MAX_CHARTS) / 2) * (height + 12);
  if (data.kpis.length > MAX_CHARTS)
    line(doc, more(language)(data.kpis.length - MAX_CHARTS), { grey: true });
}

function progressPage(doc: Pdf, data: ReviewData, words: ReviewWords, language: Language): void {
  const left = doc.page.margins.left;
  heading(doc, words.objectives);
  if (data.objectives.length === 0) line(doc, words.noObjectives, { grey: true });
  capped(
    doc,
    data.objectives,
    (o) => {
      ensureSpace(doc, 26);
      line(
        doc,
        ` (${words.status[o.status] ?? o.status}): ${words.actionsDone(o.actionsDone, o.actionsTotal)}`,
        {
          bold: o.title,
        },
      );
      drawBar(doc, left, doc.y + 1, 200, o.actionsDone, o.actionsTotal, true);
      doc.y += 12;
    },
    more(language),
  );

  heading(doc, words.decisions);
  if (data.decisions.length === 0) line(doc, words.noDecisions, { grey: true });
  capped(
    doc,
    data.decisions,
    (d) =>
      line(
        doc,
        ` (${words.outcome[d.outcome]}, ${words.level[d.governanceLevel] ?? d.governanceLevel})`,
        {
          bold: `${d.decidedOn}  ${d.title}`,
        },
      ),
    more(language),
  );

  heading(doc, words.contributions);
  if (data.contributions.length === 0) line(doc, words.noContributions, { grey: true });
  capped(
    doc,
    data.contributions,
    (c) => {
      ensureSpace(doc, 26);
      const kind = words.contributionKind[c.kind] ?? c.kind;
      const description = c.description.trim().replace(/[.;:,]+$/, "");
      const what = description ? `${kind}: ${description}` : kind;
      line(
        doc,
        ` ${what}; ${words.promised} ${amount(c.promised, c.unit, words)}, ${words.delivered} ${amount(c.delivered, c.unit, words)}`,
        { bold: c.organization },
      );
      if (c.promised !== null && c.promised > 0) {
        drawBar(doc, left, doc.y + 1, 200, c.delivered ?? 0, c.promised, true);
        doc.y += 12;
      }
    },
    more(language),
  );
}

function outlookPage(doc: Pdf, data: ReviewData, words: ReviewWords, language: Language): void {
  heading(doc, words.healthCheck);
  const check = data.healthCheck;
  if (!check) {
    line(doc, words.noHealthCheck, { grey: true });
  } else {
    line(doc, check.title);
    const top = doc.y;
    drawRadar(doc, { x: doc.page.margins.left, y: top, width: 260, height: 220 }, check);
    drawRadarLegend(doc, doc.page.margins.left + 280, top + 80, check);
    doc.y = top + 225;
    const [a, b] = check.averages;
    for (const side of check.averages) {
      if (!side.values) line(doc, ` ${words.hidden}`, { bold: side.organization });
    }
    if (a?.values && b?.values) {
      for (const d of check.dimensions) {
        const gap = Math.abs((a.values[d.key] ?? 0) - (b.values[d.key] ?? 0));
        line(
          doc,
          ` ${a.organization} ${a.values[d.key]?.toFixed(1) ?? "-"}, ${b.organization} ${b.values[d.key]?.toFixed(1) ?? "-"}, ${words.gap} ${gap.toFixed(1)}`,
          {
            bold: d.label,
          },
        );
      }
    }
  }

  for (const tag of ["success", "difficulty"] as const) {
    heading(doc, tag === "success" ? words.wins : words.difficulties);
    const posts = data.posts.filter((p) => p.tag === tag);
    if (posts.length === 0)
      line(doc, tag === "success" ? words.noWins : words.noDifficulties, { grey: true });
    capped(
      doc,
      posts,
      (p) => line(doc, ` ${p.title} (${p.organization})`, { bold: p.date }),
      more(language),
    );
  }

  heading(doc, words.nextSteps);
  if (data.nextActions.length === 0) line(doc, words.noNextActions, { grey: true });
  capped(
    doc,
    data.nextActions,
    (a) =>
      line(
        doc,
        ` ${a.organization}, ${a.objective}; ${a.dueDate ? words.due(a.dueDate) : ""}${a.overdue ? ` (${words.overdue})` : ""}`,
        { bold: a.title },
      ),
    more(language),
  );
  doc.moveDown(0.5);
  line(doc, "", { bold: words.nextMeetings });
  if (data.nextMeetings.length === 0) line(doc, words.noNextMeetings, { grey: true });
  for (const m of data.nextMeetings)
    line(doc, ` ${m.title} (${words.level[m.level] ?? m.level})`, {
      bold: `${m.startsAt.slice(0, 16).replace("T", " ")} UTC`,
    });
}

/**
 * The quarterly review pack: KPI charts on the first page, progress (objectives, decisions,
 * contributions) on the second, health, wins and difficulties and next steps on the third.
 * Vector drawing and real text, so it prints sharp and its text can be selected and searched.
 */
export async function renderReviewPdf(data: ReviewData, language: Language): Promise<Buffer> {
  const words = reviewWords(language);
  const doc = newPdf(`${words.title}: ${data.partnership}`, language);
  doc.font("Helvetica-Bold").fontSize(18).text(words.title);
  doc.font("Helvetica-Bold").fontSize(13).text(data.partnership);
  doc.font("Helvetica").fontSize(10).fillColor("#333333");
  doc.text(data.organizations.join(" × "));
  doc.text(words.period(data.period.from, data.period.to));
  doc.text(words.generated(data.generatedAt.toISOString().slice(0, 10)));
  kpiPage(doc, data, words, language);
  doc.addPage();
  progressPage(doc, data, words, language);
  doc.addPage();
  outlookPage(doc, data, words, language);
  numberPages(doc, words.page);
  return pdfBytes(doc);
}
