import type { ReviewHealthCheck, ReviewKpi, ReviewPeriod } from "./review-data.js";
import type { Pdf } from "./pdf-document.js";
import type { ReviewWords } from "./review-words.js";

const INK = "#222222";
const GREY = "#888888";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const dayOf = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * One KPI as a vector line chart over the period: measurements as a solid line with round
 * markers, the target as a dashed line, target changes as dotted verticals; readable in
 * black and white, every value also printed as text.
 */
export function drawKpiChart(
  doc: Pdf,
  box: Box,
  item: ReviewKpi,
  period: ReviewPeriod,
  words: ReviewWords,
): void {
  const { kpi } = item;
  doc.font("Helvetica-Bold").fontSize(9).fillColor(INK);
  doc.text(kpi.name, box.x, box.y, {
    width: box.width,
    height: 12,
    ellipsis: true,
    lineBreak: false,
  });
  doc.font("Helvetica").fontSize(7).fillColor(GREY);
  doc.text(item.objective, box.x, box.y + 12, {
    width: box.width,
    height: 10,
    ellipsis: true,
    lineBreak: false,
  });
  const plot = { x: box.x + 30, y: box.y + 26, width: box.width - 36, height: box.height - 48 };
  const start = dayOf(period.from);
  const end = Math.max(dayOf(period.to), start + 1);
  const points = kpi.measurements
    .filter((e) => e.ok)
    .map((e) => (e.ok ? e.value : null))
    .filter((m): m is NonNullable<typeof m> => m !== null)
    .filter((m) => m.date >= period.from && m.date <= period.to)
    .sort((a, b) => a.date.localeCompare(b.date));
  const values = [
    kpi.target,
    ...points.map((p) => p.value),
    ...item.targetChanges.map((t) => t.target),
  ];
  if (kpi.baseline !== null) values.push(kpi.baseline);
  let min = Math.min(0, ...values);
  let max = Math.max(...values);
  if (max === min) max = min + 1;
  const pad = (max - min) * 0.1;
  max += pad;
  min = min < 0 ? min - pad : min;
  const xOf = (date: string) => plot.x + ((dayOf(date) - start) / (end - start)) * plot.width;
  const yOf = (value: number) => plot.y + plot.height - ((value - min) / (max - min)) * plot.height;

  doc.save();
  doc.lineWidth(0.5).strokeColor(GREY);
  doc
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height)
    .stroke();
  doc.font("Helvetica").fontSize(6).fillColor(GREY);
  doc.text(formatNumber(max), box.x, plot.y - 3, { width: 27, align: "right", lineBreak: false });
  doc.text(formatNumber(min), box.x, plot.y + plot.height - 4, {
    width: 27,
    align: "right",
    lineBreak: false,
  });
  doc.text(period.from, plot.x, plot.y + plot.height + 2, { lineBreak: false });
  doc.text(period.to, plot.x + plot.width - 40, plot.y + plot.height + 2, {
    width: 40,
    align: "right",
    lineBreak: false,
  });

  // Target: dashed.
  doc.lineWidth(1).strokeColor(INK).dash(4, { space: 3 });
  const ty = yOf(kpi.target);
  doc
    .moveTo(plot.x, ty)
    .lineTo(plot.x + plot.width, ty)
    .stroke();
  doc.undash();
  doc
    .fillColor(INK)
    .text(`${words.target} ${formatNumber(kpi.target)} ${kpi.unit}`, plot.x + 2, ty - 8, {
      width: plot.width - 4,
      align: "right",
      lineBreak: false,
    });
  // Target changes: dotted verticals.
  for (const change of item.targetChanges) {
    const x = xOf(change.date);
    doc.lineWidth(0.5).strokeColor(GREY).dash(1, { space: 2 });
    doc
      .moveTo(x, plot.y)
      .lineTo(x, plot.y + plot.height)
      .stroke();
    doc.undash();
  }
  // Measurements: solid line, round markers.
  if (points.length > 0) {
    doc.lineWidth(1.5).strokeColor(INK);
    points.forEach((p, i) => {
      const x = xOf(p.date);
      const y = yOf(p.value);
      if (i === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    if (points.length > 1) doc.stroke();
    for (const p of points) doc.circle(xOf(p.date), yOf(p.value), 2).fill(INK);
    const last = points.at(-1);
    if (last) {
      doc
        .fontSize(6)
        .fillColor(INK)
        .text(
          `${formatNumber(last.value)} ${kpi.unit} (${last.date})`,
          plot.x + 2,
          plot.y + plot.height - 10,
          {
            lineBreak: false,
          },
        );
    }
  } else {
    doc
      .fontSize(7)
      .fillColor(GREY)
      .text(words.noMeasurements, plot.x + 4, plot.y + plot.height / 2, {
        width: plot.width - 8,
        lineBreak: false,
      });
  }
  if (item.targetChanges.length > 0) {
    doc
      .fontSize(6)
      .fillColor(GREY)
      .text(
        `${words.targetChanged}: ${item.targetChanges.map((t) => `${t.date}: ${formatNumber(t.target)}`).join(", ")}`,
        box.x,
        box.y + box.height - 12,
        { width: box.width, lineBreak: false, ellipsis: true },
      );
  }
  doc.restore();
}

/** A horizontal progress bar: `part` of `whole`, outlined, filled dark (delivered) or light (planned). */
export function drawBar(
  doc: Pdf,
  x: number,
  y: number,
  width: number,
  part: number,
  whole: number,
  solid: boolean,
): void {
  const ratio = whole > 0 ? Math.max(0, Math.min(1, part / whole)) : 0;
  doc.save();
  doc.lineWidth(0.5).strokeColor(INK).rect(x, y, width, 7).stroke();
  if (ratio > 0) doc.rect(x, y, width * ratio, 7).fill(solid ? "#444444" : "#bbbbbb");
  doc.restore();
}

/**
 * The health check radar, organizations overlaid (solid and dashed outlines), with each
 * dimension's label.
 */
export function drawRadar(doc: Pdf, box: Box, check: ReviewHealthCheck): void {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const radius = Math.min(box.width, box.height) / 2 - 30;
  const n = check.dimensions.length;
  if (n < 3) return;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, value: number) => ({
    x: cx + Math.cos(angle(i)) * radius * (value / 5),
    y: cy + Math.sin(angle(i)) * radius * (value / 5),
  });
  doc.save();
  doc.lineWidth(0.3).strokeColor(GREY);
  for (let ring = 1; ring <= 5; ring++) {
    check.dimensions.forEach((_, i) => {
      const p = at(i, ring);
      if (i === 0) doc.moveTo(p.x, p.y);
      else doc.lineTo(p.x, p.y);
    });
    doc.closePath().stroke();
  }
  doc.font("Helvetica").fontSize(7).fillColor(INK);
  check.dimensions.forEach((d, i) => {
    const p = at(i, 5.6);
    doc.text(d.label, p.x - 45, p.y - 4, { width: 90, align: "center", lineBreak: false });
  });
  check.averages.forEach((side, s) => {
    if (!side.values) return;
    const values = side.values;
    doc.lineWidth(1.5).strokeColor(INK);
    if (s % 2 === 1) doc.dash(4, { space: 3 });
    check.dimensions.forEach((d, i) => {
      const p = at(i, values[d.key] ?? 0);
      if (i === 0) doc.moveTo(p.x, p.y);
      else doc.lineTo(p.x, p.y);
    });
    doc.closePath().stroke();
    doc.undash();
  });
  doc.restore();
}

/** Which outline is which organization on the radar: solid for the first, dashed for the next. */
export function drawRadarLegend(doc: Pdf, x: number, y: number, check: ReviewHealthCheck): void {
  doc.save();
  check.averages.forEach((side, s) => {
    const row = y + s * 14;
    if (side.values) {
      doc.lineWidth(1.5).strokeColor(INK);
      if (s % 2 === 1) doc.dash(4, { space: 3 });
      doc
        .moveTo(x, row + 4)
        .lineTo(x + 24, row + 4)
        .stroke();
      doc.undash();
    }
    doc.font("Helvetica").fontSize(8).fillColor(INK);
    doc.text(side.organization, x + 30, row, { lineBreak: false });
  });
  doc.restore();
}
