import fs from "node:fs";
import path from "node:path";
import {
  LANGUAGE_COOKIE,
  ROUTE_PRELOADS_FILE,
  type RoutePreloadsManifest,
} from "@entente/protocol";
import { z } from "zod";

const manifestSchema: z.ZodType<RoutePreloadsManifest> = z.object({
  routes: z.array(
    z.object({
      pattern: z.string(),
      earlyScripts: z.array(z.string()).optional(),
      scripts: z.array(z.string()),
      styles: z.array(z.string()),
      fetches: z.array(z.string()),
      catalogue: z.literal("sign-in").optional(),
    }),
  ),
  catalogues: z.record(z.string(), z.array(z.string())),
  signInCatalogues: z.record(z.string(), z.array(z.string())).optional(),
});

const NO_PRELOADS: RoutePreloadsManifest = { routes: [], catalogues: {} };

/**
 * The build's list of what each page loads first; none when the file is missing or not
 * what the build writes (the page then still works, discovering its chunks one by one).
 */
export async function readRoutePreloads(webDist: string): Promise<RoutePreloadsManifest> {
  try {
    const text = await fs.promises.readFile(path.join(webDist, ROUTE_PRELOADS_FILE), "utf8");
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : NO_PRELOADS;
  } catch {
    return NO_PRELOADS;
  }
}

export interface PreloadRequest {
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
}

/**
 * `<link>` tags for the page at `requestPath`: its route's first API reads (as `fetch`
 * preloads the app's own requests pick up), the message chunk of the language it will show
 * (only its sign-in part on the sign-in pages), its route's chunks and stylesheets.
 */
export function preloadHints(
  manifest: RoutePreloadsManifest,
  requestPath: string,
  request: PreloadRequest,
): string {
  const matched = manifest.routes
    .map((route) => ({ route, params: matchPattern(route.pattern, requestPath) }))
    .find((candidate) => candidate.params !== null);
  const route = matched?.params ? { ...matched.route, params: matched.params } : null;
  const language = pageLanguage(request);
  const catalogue =
    route?.catalogue === "sign-in"
      ? (manifest.signInCatalogues?.[language] ?? manifest.catalogues[language])
      : manifest.catalogues[language];
  const links: string[] = [];
  // What the entry opens at once (the charter's live document) before anything else: its
  // socket then syncs while the page's reads and scripts are still on their way.
  for (const script of route?.earlyScripts ?? []) {
    links.push(`<link rel="modulepreload" crossorigin href="${attribute(script)}">`);
  }
  // Then the reads: small answers the server can prepare while the scripts are still on
  // their way (a browser opens six connections per host: what comes first is asked first).
  for (const fetchPath of route?.fetches ?? []) {
    const filled = route ? fillPattern(fetchPath, route.params) : null;
    if (filled) {
      links.push(`<link rel="preload" as="fetch" crossorigin href="${attribute(filled)}">`);
    }
  }
  for (const script of [...(catalogue ?? []), ...(route?.scripts ?? [])]) {
    links.push(`<link rel="modulepreload" crossorigin href="${attribute(script)}">`);
  }
  for (const style of route?.styles ?? []) {
    links.push(`<link rel="stylesheet" crossorigin href="${attribute(style)}">`);
  }
  return links.map((link) => `    ${link}`).join("\n");
}

/** The web app's own choice (its cookie), else French for `fr*` browsers, else English. */
export function pageLanguage(request: PreloadRequest): "en" | "fr" {
  const chosen = request.cookie
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LANGUAGE_COOKIE)?.[1];
  if (chosen === "en" || chosen === "fr") return chosen;
  for (const tag of (request.acceptLanguage ?? "").split(",")) {
    const primary = tag.trim().toLowerCase().split(/[-;]/)[0];
    if (primary === "fr" || primary === "en") return primary;
  }
  return "en";
}

function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  if (pattern === "*") return {};
  const patternParts = pattern.split("/").filter(Boolean);
  const pathParts = pathname.split("/").filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = actual;
    else if (part !== actual) return null;
  }
  return params;
}

/** `/api/partnerships/:partnershipId` with the path's (still encoded) segment; null if missing. */
function fillPattern(pattern: string, params: Record<string, string>): string | null {
  let complete = true;
  const filled = pattern.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || !/^[\w-]+$/.test(value)) complete = false;
    return value ?? "";
  });
  return complete ? filled : null;
}

function attribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
