/**
 * The plural part of ICU MessageFormat, the rest of our messages being plain `{name}`
 * placeholders: `{count, plural, =0 {no note} one {# note} other {# notes}}`. The case is
 * chosen by an exact `=N` first, else by the language's `Intl.PluralRules`; `#` is the number
 * written the language's way.
 */
export function formatPlurals(
  template: string,
  language: string,
  values: Record<string, string | number>,
): string {
  let result = "";
  let index = 0;
  const pattern = /\{(\w+),\s*plural,/g;
  for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
    const end = closingBrace(template, match.index);
    if (end < 0) break;
    const name = match[1] as string;
    const value = Number(values[name]);
    const cases = parseCases(template.slice(match.index + match[0].length, end));
    const chosen =
      cases.get(`=${value}`) ??
      cases.get(pluralRules(language).select(value)) ??
      cases.get("other");
    result += template.slice(index, match.index);
    result +=
      chosen === undefined
        ? template.slice(match.index, end + 1)
        : chosen.replace(/#/g, number(language, value));
    index = end + 1;
    pattern.lastIndex = index;
  }
  return result + template.slice(index);
}

/** The `one {…} other {…}` cases of a plural block, by selector. */
function parseCases(body: string): Map<string, string> {
  const cases = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
  for (let match = selector.exec(body); match; match = selector.exec(body)) {
    const open = match.index + match[0].length - 1;
    const close = closingBrace(body, open);
    if (close < 0) break;
    cases.set(match[1] as string, body.slice(open + 1, close));
    selector.lastIndex = close + 1;
  }
  return cases;
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth += 1;
    else if (text[i] === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(language: string): Intl.PluralRules {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  return rule;
}

function number(language: string, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}
