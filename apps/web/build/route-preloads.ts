import path from "node:path";
import { ROUTE_PRELOADS_FILE, type RoutePreloadsManifest } from "@entente/protocol";
import type { Plugin, Rolldown } from "vite";

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** What a page of the web app loads first, declared here and resolved to files at build time. */
export interface RoutePreload {
  /** A path of the web app, `:name` for a segment (`/p/:partnershipId`). */
  pattern: string;
  /** Source modules (relative to apps/web) the page imports lazily as it first renders. */
  modules: string[];
  /** API paths the page reads first; `:name` is filled from the path. */
  fetches: string[];
}

const PARTNERSHIP_READS = ["/api/me", "/api/partnerships/:partnershipId"];
const PARTNERSHIP_PAGE = [
  "src/features/partnerships/components/partnership-page.tsx",
  "src/features/partnerships/components/partnership-sections.tsx",
];

/**
 * The pages people open cold (from a link or a bookmark): everything they need is asked for
 * by the page itself, in parallel, instead of one lazy chunk discovering the next.
 */
export const ROUTE_PRELOADS: RoutePreload[] = [
  {
    pattern: "/p/:partnershipId",
    modules: [...PARTNERSHIP_PAGE, "src/features/charter/components/charter-workspace.tsx"],
    fetches: PARTNERSHIP_READS,
  },
  { pattern: "/p/:partnershipId/:section", modules: PARTNERSHIP_PAGE, fetches: PARTNERSHIP_READS },
  {
    pattern: "/p/:partnershipId/meetings/:meetingId",
    modules: [...PARTNERSHIP_PAGE, "src/features/meetings/components/meeting-page.tsx"],
    fetches: PARTNERSHIP_READS,
  },
  {
    pattern: "/p/:partnershipId/meetings/:meetingId/workshop",
    modules: [...PARTNERSHIP_PAGE, "src/features/workshop/components/workshop-page.tsx"],
    fetches: PARTNERSHIP_READS,
  },
  {
    pattern: "/notifications",
    modules: ["src/features/notifications/components/notifications-page.tsx"],
    fetches: ["/api/me"],
  },
  {
    pattern: "/",
    modules: ["src/features/partnerships/components/home-page.tsx"],
    fetches: ["/api/me"],
  },
];

const CATALOGUES: Record<string, string> = {
  en: "src/i18n/messages/en.ts",
  fr: "src/i18n/messages/fr.ts",
};

/**
 * Emits {@link ROUTE_PRELOADS_FILE}: each route's lazy modules with every chunk and stylesheet
 * they import, less what the entry already preloads. A module that no longer is a chunk of its
 * own fails the build, so the list cannot silently go stale.
 */
export function routePreloads(routes: RoutePreload[] = ROUTE_PRELOADS): Plugin {
  let root = "";
  let base = "/";
  return {
    name: "entente:route-preloads",
    apply: "build",
    // After Vite's CSS plugin has dropped the chunks that only carried a stylesheet.
    enforce: "post",
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (output): output is OutputChunk => output.type === "chunk",
      );
      const entry = chunks.find((chunk) => chunk.isEntry);
      const entryFiles = entry ? closure(bundle, entry.fileName) : { scripts: [], styles: [] };
      const alreadyLoaded = new Set([...entryFiles.scripts, ...entryFiles.styles]);
      const chunkOf = (module: string) => {
        const id = path.resolve(root, module);
        const chunk = chunks.find((candidate) => candidate.facadeModuleId === id);
        if (!chunk) throw new Error(`route-preloads: ${module} is not a chunk of its own`);
        return chunk;
      };
      const filesOf = (modules: string[]) => {
        const scripts = new Set<string>();
        const styles = new Set<string>();
        for (const module of modules) {
          const files = closure(bundle, chunkOf(module).fileName);
          for (const script of files.scripts) if (!alreadyLoaded.has(script)) scripts.add(script);
          for (const style of files.styles) if (!alreadyLoaded.has(style)) styles.add(style);
        }
        return {
          scripts: [...scripts].map((f) => base + f),
          styles: [...styles].map((f) => base + f),
        };
      };
      const manifest: RoutePreloadsManifest = {
        routes: routes.map((route) => ({
          pattern: route.pattern,
          ...filesOf(route.modules),
          fetches: route.fetches,
        })),
        catalogues: Object.fromEntries(
          Object.entries(CATALOGUES).map(([language, module]) => [
            language,
            filesOf([module]).scripts,
          ]),
        ),
      };
      this.emitFile({
        type: "asset",
        fileName: ROUTE_PRELOADS_FILE,
        source: JSON.stringify(manifest, null, 2),
      });
    },
  };
}

/** A chunk and every chunk it imports statically, with their stylesheets. */
function closure(bundle: OutputBundle, fileName: string) {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (name: string) => {
    if (scripts.has(name)) return;
    const chunk = bundle[name];
    if (!chunk || chunk.type !== "chunk") return;
    scripts.add(name);
    for (const style of chunk.viteMetadata?.importedCss ?? []) styles.add(style);
    for (const imported of chunk.imports) visit(imported);
  };
  visit(fileName);
  return { scripts: [...scripts], styles: [...styles] };
}
