/**
 * What the web app's build and the server that serves it agree on: the file in which the
 * build names each page's first chunks and reads, and the cookie that tells the server which
 * language's messages the page will show.
 */

/** In the web app's `dist/`, written by `apps/web/build/route-preloads.ts`. */
export const ROUTE_PRELOADS_FILE = "route-preloads.json";

export interface RoutePreloadsManifest {
  routes: {
    /**
     * A path of the web app, `:name` for a segment (`/p/:partnershipId`); `*` matches any
     * path (the last route: what no other route names). The first route that matches wins.
     */
    pattern: string;
    /**
     * Chunks (absolute URLs) the entry imports before anything else waits (the live document
     * it opens at once): hinted first, ahead of the reads.
     */
    earlyScripts?: string[];
    /** Chunks (absolute URLs) the page imports as it first renders, beyond the entry's. */
    scripts: string[];
    styles: string[];
    /** API paths the page reads first; `:name` is filled from the path. */
    fetches: string[];
    /** `sign-in`: the page starts with the sign-in part of the messages, not all of them. */
    catalogue?: "sign-in";
  }[];
  /** Each language's message chunks. */
  catalogues: Record<string, string[]>;
  /** Each language's sign-in part of the messages (the pages whose `catalogue` says so). */
  signInCatalogues?: Record<string, string[]>;
}

/** Mirrors the language the user chose (localStorage keeps the choice itself). */
export const LANGUAGE_COOKIE = "entente-language";
