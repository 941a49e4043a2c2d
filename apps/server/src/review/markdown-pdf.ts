import { contentWidth, newPdf, numberPages, pdfBytes, type Pdf } from "./pdf-document.js";

const HEADING_SIZES = [18, 14, 12, 11, 10, 10];

/** Markdown inline marks taken off for print: bold, italics, code, escapes. */
export function plainInline(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/(^|\W)_(.+?)_(?=\W|$)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
}

function paragraph(doc: Pdf, text: string, indent = 0): void {
  doc.font("Helvetica").fontSize(10).fillColor("#000000");
  doc.text(text, doc.page.margins.left + indent, doc.y, { width: contentWidth(doc) - indent });
}

/**
 * The Markdown export printed as a PDF: headings, paragraphs, lists, quotes and tables
 * (rows as text), with every word selectable. It prints exactly the Markdown it is given,
 * so it shows what the Markdown export shows and nothing more.
 */
export async function renderMarkdownPdf(
  markdown: string,
  title: string,
  language: string,
): Promise<Buffer> {
  const doc = newPdf(title, language);
  let first = true;
  for (const raw of markdown.split("\n")) {
    const text = raw.trimEnd();
    if (text === "") {
      doc.moveDown(0.4);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      if (level <= 2 && !first) doc.moveDown(0.6);
      doc
        .font("Helvetica-Bold")
        .fontSize(HEADING_SIZES[level - 1] ?? 10)
        .fillColor("#000000");
      doc.text(plainInline(heading[2] ?? ""), doc.page.margins.left, doc.y, {
        width: contentWidth(doc),
      });
      doc.moveDown(0.2);
    } else if (/^\|(\s*:?-+:?\s*\|)+$/.test(text)) {
      // A table's separator row: nothing to print.
    } else if (text.startsWith("|")) {
      const cells = text
        .replace(/^\||\|$/g, "")
        .split(/(?<!\\)\|/)
        .map((c) => plainInline(c.trim()));
      paragraph(doc, cells.join("  ·  "), 10);
    } else if (/^\s*[-*]\s+/.test(text)) {
      const indent = (/^\s*/.exec(text)?.[0].length ?? 0) * 6 + 10;
      paragraph(doc, `•  ${plainInline(text.replace(/^\s*[-*]\s+/, ""))}`, indent);
    } else if (text.startsWith(">")) {
      doc.fillColor("#444444");
      paragraph(doc, plainInline(text.replace(/^>\s?/, "")), 14);
    } else {
      paragraph(doc, plainInline(text));
    }
    first = false;
  }
  numberPages(doc, (n, count) => `${n} / ${count}`);
  return pdfBytes(doc);
}
