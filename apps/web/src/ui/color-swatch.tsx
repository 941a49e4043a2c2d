/** A small round colour mark; decorative, the name beside it carries the meaning. */
export function ColorSwatch({ color }: { color: string }) {
  return <span className="swatch" style={{ backgroundColor: color }} aria-hidden="true" />;
}
