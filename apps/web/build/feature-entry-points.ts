import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

/** Where a name a feature's `index.ts` exports comes from. */
interface Origin {
  /** The module, absolute and without its extension. */
  module: string;
  /** Its name there. */
  name: string;
}

const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*(["'])([^"']+)\3;?/g;
const RE_EXPORT = /export\s+(type\s+)?\{([^}]*)\}\s*from\s*(["'])([^"']+)\3/g;

/** `a`, `type b`, `c as d` → `{ type, name, alias }` each. */
function specifiers(list: string, allTypes: boolean) {
  return list
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const type = allTypes || part.startsWith("type ");
      const [name = "", alias] = part.replace(/^type\s+/, "").split(/\s+as\s+/);
      return { type, name: name.trim(), alias: (alias ?? name).trim() };
    });
}

/**
 * Features import each other through their `index.ts` (eslint.config.js says so). In the
 * build, each such import becomes imports of the modules the index takes those names from:
 * the chunks are cut from the module graph (build/chunk-groups.ts follows static imports),
 * and an index in that graph would pull every part of its feature into the chunk of any page
 * that uses one of them (the sign-in page would load the whole app shell). The modules each
 * page loads, and their chunks, stay those of the imports the code actually uses.
 */
export function featureEntryPoints(appRoot: string): Plugin {
  const features = path.join(appRoot, "src", "features");
  const indexes = new Map<string, Map<string, Origin>>();

  const exportsOf = (indexFile: string): Map<string, Origin> => {
    let names = indexes.get(indexFile);
    if (!names) {
      names = new Map();
      const source = readFileSync(indexFile, "utf8");
      for (const match of source.matchAll(RE_EXPORT)) {
        const module = path.resolve(path.dirname(indexFile), match[4] ?? "");
        for (const { name, alias } of specifiers(match[2] ?? "", Boolean(match[1]))) {
          names.set(alias, { module, name });
        }
      }
      indexes.set(indexFile, names);
    }
    return names;
  };

  return {
    name: "entente:feature-entry-points",
    enforce: "pre",
    buildStart() {
      indexes.clear();
    },
    transform(code, id) {
      const file = id.split("?")[0] ?? id;
      if (!file.startsWith(features + path.sep) || !/\.tsx?$/.test(file)) return null;
      let changed = false;
      const rewritten = code.replace(
        IMPORT,
        (statement, allTypes: string | undefined, list: string, _q, spec: string) => {
          if (!spec.startsWith(".")) return statement;
          const target = path.resolve(path.dirname(file), spec).replace(/[\\/]index$/, "");
          const indexFile = path.join(target, "index.ts");
          if (path.dirname(target) !== features || !existsSync(indexFile)) return statement;
          this.addWatchFile(indexFile);
          const names = exportsOf(indexFile);
          const byModule = new Map<string, string[]>();
          for (const { type, name, alias } of specifiers(list, Boolean(allTypes))) {
            const origin = names.get(name);
            if (!origin) this.error(`${spec} (${indexFile}) does not export ${name}`);
            const local = origin.name === alias ? alias : `${origin.name} as ${alias}`;
            byModule.set(origin.module, [
              ...(byModule.get(origin.module) ?? []),
              type ? `type ${local}` : local,
            ]);
          }
          changed = true;
          const imports = [...byModule].map(([module, locals]) => {
            let relative = path.relative(path.dirname(file), module).split(path.sep).join("/");
            if (!relative.startsWith(".")) relative = `./${relative}`;
            // Types only: `import type`, or the module would stay imported for its side effects.
            const types = locals.filter((local) => local.startsWith("type "));
            return types.length === locals.length
              ? `import type { ${types.map((local) => local.slice(5)).join(", ")} } from "${relative}";`
              : `import { ${locals.join(", ")} } from "${relative}";`;
          });
          // As many lines as the statement had, so that the source map stays right.
          const lines = statement.split("\n").length;
          return imports.join(" ") + "\n".repeat(lines - 1);
        },
      );
      return changed ? { code: rewritten, map: null } : null;
    },
  };
}
