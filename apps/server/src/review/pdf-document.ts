import PDFDocument from "pdfkit";
import { toWinAnsi } from "./win-ansi.js";

export type Pdf = PDFKit.PDFDocument;

/**
 * A4 with 50 pt margins, pages kept in memory so footers can number them at the end. Its
 * `text` prints through {@link toWinAnsi}, the only characters the standard fonts have.
 */
export function newPdf(title: string, language: string): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    lang: language,
    info: { Title: title, Creator: "Entente" },
  });
  const text = doc.text.bind(doc) as (value: string, ...rest: unknown[]) => Pdf;
  doc.text = (value: string, ...rest: unknown[]) => text(toWinAnsi(String(value)), ...rest);
  return doc;
}

/** Ends `doc` and resolves with its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** The usable width between the margins. */
export function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Writes `footer(n, count)` at the bottom of every page. */
export function numberPages(doc: Pdf, footer: (n: number, count: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor("#555555")
      .text(footer(i + 1, range.count), doc.page.margins.left, doc.page.height - 35, {
        width: contentWidth(doc),
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
