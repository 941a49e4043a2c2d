import path from "node:path";
import type { Rolldown } from "vite";

type CodeSplittingGroup = Rolldown.CodeSplittingGroup;
type ChunkingContext = Rolldown.ChunkingContext;

/** The first script (`main.tsx`), the sign-in pages' entry and the signed-in app's entry. */
const MAIN = "src/main.tsx";
const SIGN_IN_ENTRY = "src/sign-in-entry.tsx";
const APP_ENTRY = "src/app-entry.tsx";
/** What the first script opens at once on the charter's page: its live document. */
const EARLY_CONNECTIONS = "src/features/collab/state/early-connections.ts";
/** The partnership's page and its default section, the charter: the pages people open most. */
const PARTNERSHIP_PAGE = [
  "src/features/partnerships/components/partnership-page.tsx",
  "src/features/partnerships/components/partnership-sections.tsx",
  "src/features/charter/components/charter-workspace.tsx",
];

/** Yjs and its websocket provider. */
const LIVE = /node_modules[\\/].*[\\/](yjs|lib0|y-websocket|y-protocols)[\\/]/;

/** Every module `roots` import statically (not through `import()`), the roots included. */
function staticClosure(ctx: ChunkingContext, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    const info = ctx.getModuleInfo(id);
    if (!info) continue;
    seen.add(id);
    stack.push(...info.importedIds);
  }
  return seen;
}

/**
 * Few, larger chunks instead of dozens of small ones: on HTTP/1.1 a browser opens six
 * connections per host, so forty files queue behind each other however early they are
 * hinted. Libraries go by what needs them; the app's own modules go by the entry or page
 * that imports them first (`appRoot`: the web app's folder).
 */
export function chunkGroups(appRoot: string): CodeSplittingGroup[] {
  const absolute = (file: string) => path.join(appRoot, file);
  // The graph is the same for every module of one chunking pass: computed once per pass.
  const passes = new WeakMap<
    ChunkingContext,
    Record<"signIn" | "shell" | "early" | "partnership", Set<string>>
  >();
  const closures = (ctx: ChunkingContext) => {
    let closure = passes.get(ctx);
    if (!closure) {
      // Each part less what an earlier one holds: main's script, then the sign-in pages',
      // then the app's shell, then the partnership's page.
      const taken = staticClosure(ctx, [absolute(MAIN)]);
      const part = (roots: string[]) => {
        const modules = staticClosure(ctx, roots.map(absolute));
        for (const id of taken) modules.delete(id);
        for (const id of modules) taken.add(id);
        return modules;
      };
      closure = {
        signIn: part([SIGN_IN_ENTRY]),
        shell: part([APP_ENTRY]),
        early: part([EARLY_CONNECTIONS]),
        partnership: part(PARTNERSHIP_PAGE),
      };
      passes.set(ctx, closure);
    }
    return closure;
  };

  return [
    // What every page runs first: the script that picks the entry.
    // Not the service worker: an entry of its own that must stand alone in `sw.js`.
    {
      name: "app",
      tags: ["$initial"],
      test: (id: string) => !id.endsWith("/src/service-worker.ts"),
      priority: 30,
    },
    // React itself, which every page needs: its own group, or a group that captures a module
    // using it (Tiptap's React binding) would take React along (groups include dependencies).
    {
      name: "react",
      test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/,
      priority: 40,
    },
    // The sign-in pages' forms, and what the app shares with them (the API client, forms,
    // the protocol): ahead of the app's shell, which would otherwise take them along.
    {
      name: (id, ctx) => (closures(ctx).signIn.has(id) ? "sign-in" : null),
      priority: 29,
    },
    // The signed-in app: router, server-state cache, shell and what they import.
    {
      name: (id, ctx) => (closures(ctx).shell.has(id) ? "app-shell" : null),
      priority: 28,
    },
    // Live documents: Yjs and its websocket provider.
    // With the module that opens the charter's document early: it waits for nothing else.
    {
      name: (id, ctx) => (LIVE.test(id) || closures(ctx).early.has(id) ? "live" : null),
      priority: 25,
    },
    // The rich-text editor: only the pages that edit or show rich text.
    {
      name: "editor",
      // Not the mention popups (`@tiptap/extension-mention`, `@tiptap/suggestion`): only the
      // composers that offer them load those.
      test: (id: string) =>
        /node_modules[\\/].*(@tiptap|prosemirror|linkifyjs|rope-sequence|w3c-keyname|orderedmap)/.test(
          id,
        ) && !/@tiptap[\\/](extension-mention|suggestion)[\\/]/.test(id),
      priority: 20,
    },
    // A partnership's page and its charter, which every section's page loads first.
    {
      name: (id, ctx) => (closures(ctx).partnership.has(id) ? "partnership" : null),
      priority: 10,
    },
  ];
}
