import path from "node:path";
import { ROUTE_PRELOADS_FILE, type RoutePreloadsManifest } from "@entente/protocol";
import type { Plugin, Rolldown } from "vite";
import { SIGN_IN_PART_QUERY } from "../src/i18n/sign-in-messages.ts";

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** What a page of the web app loads first, declared here and resolved to files at build time. */
export interface RoutePreload {
  /** A path of the web app, `:name` for a segment (`/p/:partnershipId`), `*` for any path. */
  pattern: string;
  /** Source modules (relative to apps/web) the page imports lazily as it first renders. */
  modules: string[];
  /**
   * Modules opened before anything else waits (the live document the entry opens at once):
   * their chunks are hinted first, ahead of the reads and the other scripts.
   */
  early?: string[];
  /** API paths the page reads first; `:name` is filled from the path. */
  fetches: string[];
  /** `sign-in`: the page starts with the sign-in part of the messages (`sign-in-messages.ts`). */
  catalogue?: "sign-in";
}

/** The signed-in app's entry (router, server-state cache, shell): every page but sign-in's. */
const APP_ENTRY = "src/app-entry.tsx";
/** The sign-in pages' own entry: React and their forms only. */
const SIGN_IN_ENTRY = "src/sign-in-entry.tsx";

/** Read by the header of every signed-in page (the bell). */
const SIGNED_IN_READS = ["/api/me", "/api/notifications"];
/**
 * What a partnership page reads before it shows a section: the partnership, the member's
 * landing page (the root's section), the governance rhythm (the meetings tab's badge).
 * Hinted, they come in parallel with the scripts; otherwise each is one more round trip,
 * and a render gate on the landing page would put everything after it one level deeper.
 */
const PARTNERSHIP_READS = [
  ...SIGNED_IN_READS,
  "/api/partnerships/:partnershipId",
  "/api/me/landing-pages/:partnershipId",
  "/api/partnerships/:partnershipId/rhythm",
];
const PARTNERSHIP_PAGE = [
  APP_ENTRY,
  "src/features/partnerships/components/partnership-page.tsx",
  "src/features/partnerships/components/partnership-sections.tsx",
];
/** What the charter section reads as it first renders, whoever the member is. */
const CHARTER_READS = [
  ...PARTNERSHIP_READS,
  "/api/partnerships/:partnershipId/charter/status",
  "/api/partnerships/:partnershipId/charter/versions",
  "/api/partnerships/:partnershipId/checklist",
  "/api/partnerships/:partnershipId/comment-threads?status=open&limit=50",
];
/** The charter's page: its section. */
const CHARTER_PAGE = [...PARTNERSHIP_PAGE, "src/features/charter/components/charter-workspace.tsx"];
/** The live document the app's script opens at once on the charter's page (Yjs, y-websocket). */
const CHARTER_EARLY = ["src/features/collab/state/early-connections.ts"];

/**
 * The pages people open cold (from a link or a bookmark): everything they need is asked for
 * by the page itself, in parallel, instead of one lazy chunk discovering the next.
 */
export const ROUTE_PRELOADS: RoutePreload[] = [
  {
    pattern: "/p/:partnershipId",
    early: CHARTER_EARLY,
    modules: CHARTER_PAGE,
    fetches: CHARTER_READS,
  },
  {
    pattern: "/p/:partnershipId/charter",
    early: CHARTER_EARLY,
    modules: CHARTER_PAGE,
    fetches: CHARTER_READS,
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
  { pattern: "/login", modules: [SIGN_IN_ENTRY], fetches: [], catalogue: "sign-in" },
  { pattern: "/signup", modules: [SIGN_IN_ENTRY], fetches: [], catalogue: "sign-in" },
  {
    pattern: "/notifications",
    modules: [APP_ENTRY, "src/features/notifications/components/notifications-page.tsx"],
    fetches: ["/api/me"],
  },
  {
    pattern: "/",
    modules: [APP_ENTRY, "src/features/partnerships/components/home-page.tsx"],
    fetches: SIGNED_IN_READS,
  },
  // Every other page (settings, an invitation, /start…): at least the app itself.
  { pattern: "*", modules: [APP_ENTRY], fetches: [] },
];

const CATALOGUES: Record<string, string> = {
  en: "src/i18n/messages/en.ts",
  fr: "src/i18n/messages/fr.ts",
};
const SIGN_IN_CATALOGUES = Object.fromEntries(
  Object.entries(CATALOGUES).map(([language, module]) => [
    language,
    `${module}${SIGN_IN_PART_QUERY}`,
  ]),
);

/**
 * Emits {@link ROUTE_PRELOADS_FILE}: each route's lazy modules with every chunk and stylesheet
 * they import, less what the entry already preloads. A module that is in no chunk any more
 * fails the build, so the list cannot silently go stale.
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
        // Its own chunk, or the chunk the bundler merged it into (a lazy module that other
        // chunks also import statically may share a chunk with them).
        const chunk =
          chunks.find((candidate) => candidate.facadeModuleId === id) ??
          chunks.find((candidate) => candidate.moduleIds.includes(id));
        if (!chunk) throw new Error(`route-preloads: ${module} is in no chunk of the build`);
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
        routes: routes.map((route) => {
          const early = filesOf(route.early ?? []);
          const rest = filesOf([...(route.early ?? []), ...route.modules]);
          return {
            pattern: route.pattern,
            ...(route.early ? { earlyScripts: early.scripts } : {}),
            scripts: rest.scripts.filter((script) => !early.scripts.includes(script)),
            styles: rest.styles,
            fetches: route.fetches,
            ...(route.catalogue ? { catalogue: route.catalogue } : {}),
          };
        }),
        catalogues: Object.fromEntries(
          Object.entries(CATALOGUES).map(([language, module]) => [
            language,
            filesOf([module]).scripts,
          ]),
        ),
        signInCatalogues: Object.fromEntries(
          Object.entries(SIGN_IN_CATALOGUES).map(([language, module]) => [
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
export function closure(bundle: OutputBundle, fileName: string) {
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
