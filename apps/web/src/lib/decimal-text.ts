/**
 * A decimal number as a number field holds it: `""` for none. A comma is read as the decimal
 * mark (French), and what is not a finite number reads as none.
 */
export function parseDecimal(text: string): number | null {
  if (text.trim() === "") return null;
  const value = Number(text.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** The text a number field starts from: `""` for none. */
export function decimalText(value: number | null): string {
  return value === null ? "" : String(value);
}
