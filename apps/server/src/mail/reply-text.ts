import type { RichTextDoc } from "@entente/protocol";
import EmailReplyParser from "email-reply-parser";

/**
 * The line a mail client writes above the message it quotes, in English and French, which
 * clients wrap over two lines when the name and address are long:
 * "On Mon, 7 Dec 2026 at 10:00, Nora <nora@…> wrote:" / "Le lun. 7 déc. 2026 à 10:00, Nora <…> a écrit :".
 */
const QUOTE_HEADER =
  /^(?:On\s[^\n]*(?:\n[^\n]*)?\swrote|Le\s[^\n]*(?:\n[^\n]*)?\sa\s+écrit)\s*:\s*$/m;

/**
 * What someone wrote in an e-mail reply, without the history it quotes nor the signature:
 * everything from the first English or French quote header on is dropped, then
 * `email-reply-parser` removes quoted (`>`) lines, signatures ("-- ", "Sent from my…",
 * "Envoyé de mon…") and other clients' headers. Empty when nothing of theirs is left.
 */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n");
  const header = QUOTE_HEADER.exec(lines);
  const own = header ? lines.slice(0, header.index) : lines;
  return new EmailReplyParser().read(own).getVisibleText().trim();
}

/** Plain text as a rich body: a paragraph per block, line breaks kept. */
export function textDoc(text: string): RichTextDoc {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "");
  return {
    type: "doc",
    content: paragraphs.map((block) => ({
      type: "paragraph",
      content: block
        .split("\n")
        .flatMap((line, index) => [
          ...(index > 0 ? [{ type: "hardBreak" }] : []),
          ...(line.trim() === "" ? [] : [{ type: "text", text: line.trimEnd() }]),
        ]),
    })),
  };
}
