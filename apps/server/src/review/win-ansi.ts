/** The characters of Windows-1252 above 0x7f that are not Latin-1's (0x80–0x9f). */
const CP1252_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

function printable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    char === "\n" ||
    char === "\t" ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    CP1252_EXTRA.includes(char)
  );
}

/**
 * `text` in what the PDF's standard fonts can print (Windows-1252: English, French and
 * most Western European text). Another character loses its accents if that makes it
 * printable (ń → n), else becomes "?": never the wrong letters a standard font would draw.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text) {
    if (printable(char)) {
      out += char;
      continue;
    }
    const bare = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += bare !== "" && [...bare].every(printable) ? bare : "?";
  }
  return out;
}
