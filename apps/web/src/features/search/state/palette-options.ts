import type { SearchResult } from "@entente/protocol";
import type { PaletteCommand } from "./palette-commands";

/** One choice of the palette's listbox: a command, or a search result. */
export type PaletteOption =
  | { type: "command"; key: string; command: PaletteCommand }
  | { type: "result"; key: string; result: SearchResult };

/** A titled run of options: the results of one kind, the pages, the actions. */
export interface PaletteGroup {
  id: string;
  /** `result:<kind>` or `command:<group>`: the component names it. */
  label: { type: "result"; kind: string } | { type: "command"; group: PaletteCommand["group"] };
  options: PaletteOption[];
}

/**
 * The listbox's groups in display order: the actions and pages whose label holds every word
 * typed (few and exact: "new decision" must not be pushed below search hits that merely
 * mention the words), then the search results grouped by kind, kinds in the order the server
 * ranked their best hit.
 */
export function groupOptions(
  results: readonly SearchResult[],
  commands: readonly PaletteCommand[],
): PaletteGroup[] {
  const groups: PaletteGroup[] = [];
  for (const name of ["actions", "pages"] as const) {
    const options: PaletteOption[] = commands
      .filter((command) => command.group === name)
      .map((command) => ({ type: "command", key: `command:${command.id}`, command }));
    if (options.length > 0) {
      groups.push({ id: `command:${name}`, label: { type: "command", group: name }, options });
    }
  }
  const byKind = new Map<string, PaletteGroup>();
  const seen = new Set<string>();
  for (const result of results) {
    const key = `result:${result.kind}:${result.url}:${result.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let group = byKind.get(result.kind);
    if (!group) {
      group = {
        id: `result:${result.kind}`,
        label: { type: "result", kind: result.kind },
        options: [],
      };
      byKind.set(result.kind, group);
      groups.push(group);
    }
    group.options.push({ type: "result", key, result });
  }
  return groups;
}

/** The groups' options in listbox order: what the arrow keys walk through. */
export function flattenOptions(groups: readonly PaletteGroup[]): PaletteOption[] {
  return groups.flatMap((group) => group.options);
}
