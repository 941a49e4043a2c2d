import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The server's layering as docs/ARCHITECTURE.md states it ("Who may import whom on the
 * server"), checked against the imports actually written: the table is the rule, this test
 * keeps the tree to it and the table to the tree.
 */

const SRC = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(SRC, "../../..");
const MAP_HEADING = "## Who may import whom on the server";
/** The only units that may import the HTTP layer as a whole (others name single files). */
const HTTP_LAYER = ["http/", "routes/", "app.ts", "main.ts", "test/"];

/** A folder of src (`feed/`) or a file at its root (`ids.ts`). */
type Unit = string;

interface Rule {
  /** Folders (`db/`), files (`http/errors.ts`), or `*` for anything in src. */
  mayImport: string[];
}

function readMap(): Map<Unit, Rule> {
  const doc = readFileSync(path.join(ROOT, "docs/ARCHITECTURE.md"), "utf8");
  const start = doc.indexOf(MAP_HEADING);
  if (start < 0) throw new Error(`docs/ARCHITECTURE.md has no "${MAP_HEADING}" section`);
  const rows = doc
    .slice(start)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("|"));
  const map = new Map<Unit, Rule>();
  // The first two rows are the header and its separator.
  for (const row of rows.slice(2)) {
    const [units = "", , mayImport = ""] = row.slice(1, -1).split("|");
    const rule = { mayImport: ticked(mayImport) };
    for (const unit of ticked(units)) map.set(unit, rule);
  }
  return map;
}

/** The `code` spans of a table cell. */
function ticked(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

/**
 * What a module imports: `import … from`, `import "…"`, `export … from` and `import("…")`.
 * Statements start a line, so examples in comments (` * import …`) are not taken.
 */
function specifiers(source: string): string[] {
  const patterns = [
    /^\s*import\s+(?:type\s+)?[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /^\s*export\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] ?? ""));
}

/** The unit of a path relative to src: its first folder, or the root file itself. */
function unitOf(relative: string): Unit {
  const [first = "", ...rest] = relative.split("/");
  return rest.length > 0 ? `${first}/` : first;
}

/** The source file an import of a `.js` path names (the compiled name of a `.ts` file). */
function sourcePath(relative: string): string {
  return relative.replace(/\.js$/, ".ts");
}

function isTest(relative: string): boolean {
  return /\.test\.tsx?$/.test(relative);
}

function allows(rule: Rule, target: string): boolean {
  const unit = unitOf(target);
  return rule.mayImport.some((entry) => entry === "*" || entry === unit || entry === target);
}

const map = readMap();
const files = sourceFiles(SRC).map((file) => path.relative(SRC, file).split(path.sep).join("/"));

describe("the server's import map (docs/ARCHITECTURE.md)", () => {
  it("names every folder and root file of apps/server/src, and nothing that is gone", () => {
    const units = new Set(files.filter((file) => !isTest(file)).map(unitOf));
    expect(
      [...units].filter((unit) => !map.has(unit)).sort(),
      "folders missing from the table: give each a row (responsibility, may import)",
    ).toEqual([]);
    expect(
      [...map.keys()].filter((unit) => !units.has(unit)).sort(),
      "rows of the table naming no folder or file of apps/server/src",
    ).toEqual([]);
    // Every entry of a "may import" column is something that exists.
    const entries = new Set([...map.values()].flatMap((rule) => rule.mayImport));
    const exists = (entry: string) => entry === "*" || units.has(entry) || files.includes(entry);
    expect(
      [...entries].filter((entry) => !exists(entry)).sort(),
      '"may import" entries naming nothing',
    ).toEqual([]);
  });

  it("grants the HTTP layer as a whole only to routes, the app and the entry point", () => {
    const granted = [...map.entries()]
      .filter(([unit, rule]) => !HTTP_LAYER.includes(unit) && rule.mayImport.includes("http/"))
      .map(([unit]) => unit);
    expect(
      granted,
      "outside the HTTP layer, name the single http/ file needed (and why) instead of http/",
    ).toEqual([]);
  });

  it("is obeyed by every import of apps/server/src (tests aside)", () => {
    const broken: string[] = [];
    for (const file of files.filter((file) => !isTest(file))) {
      const from = unitOf(file);
      const rule = map.get(from);
      if (!rule) continue; // reported by the first test
      for (const specifier of specifiers(readFileSync(path.join(SRC, file), "utf8"))) {
        if (!specifier.startsWith(".")) continue;
        const target = sourcePath(
          path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)),
        );
        if (target.startsWith("../")) {
          broken.push(`${file} imports ${specifier}: outside apps/server/src`);
        } else if (unitOf(target) !== from && !allows(rule, target)) {
          broken.push(`${file} imports ${target}: not in the "may import" of ${from}`);
        }
      }
    }
    expect(
      broken,
      'imports against docs/ARCHITECTURE.md ("Who may import whom on the server"): ' +
        "move the code, or argue a new entry in the table",
    ).toEqual([]);
  });

  it("is read from the imports as written (the parser sees every kind of import)", () => {
    const source = [
      'import { a } from "./a.js";',
      'import type { B } from "../b/b.js";',
      "import {\n  c,\n  type C,\n} from './c.js';",
      'import "./side-effect.js";',
      'export { d } from "./d.js";',
      'export type { E } from "./e.js";',
      'const f = await import("./f.js");',
      ' * import { notThis } from "./comment.js";',
    ].join("\n");
    expect(specifiers(source).sort()).toEqual(
      ["../b/b.js", "./a.js", "./c.js", "./d.js", "./e.js", "./f.js", "./side-effect.js"].sort(),
    );
  });
});

/**
 * What a route may not write (docs/ARCHITECTURE.md, "Every route follows one pattern"): the
 * query builder or the store, whoever provides them. Routes call services; type-only imports
 * of `kysely` or `db/` are refused too, since a route shapes what a service returns, not rows.
 */
const ROUTE_STORE_ACCESS: { pattern: RegExp; what: string }[] = [
  { pattern: /^\s*(?:import|export)\b[^;]*?["']kysely["']/m, what: "imports kysely" },
  { pattern: /^\s*(?:import|export)\b[^;]*?["'][./]*\/db\//m, what: "imports db/" },
  { pattern: /\bdb\b/, what: "names a database handle (db)" },
  {
    pattern:
      /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\(/,
    what: "builds a query",
  },
  { pattern: /\.(?:transaction|connection)\(\s*\)/, what: "opens a transaction or connection" },
  { pattern: /\bsql\s*`/, what: "writes raw SQL" },
];

function storeAccess(source: string): string[] {
  return ROUTE_STORE_ACCESS.filter(({ pattern }) => pattern.test(source)).map(({ what }) => what);
}

describe("routes/ (parse, authorize, call a service, answer)", () => {
  it("never reach the database themselves", () => {
    const broken = files
      .filter((file) => file.startsWith("routes/") && !isTest(file))
      .flatMap((file) =>
        storeAccess(readFileSync(path.join(SRC, file), "utf8")).map((what) => `${file} ${what}`),
      );
    expect(
      broken,
      "a route calls a service of `Services` (services.ts); move the query into the service " +
        "module that owns it and expose it there",
    ).toEqual([]);
  });

  it("is read from the source as written (each way of reaching the store is seen)", () => {
    const seen = (line: string) => storeAccess(line).length > 0;
    expect(seen('import { sql } from "kysely";')).toBe(true);
    expect(seen('import type { Kysely } from "kysely";')).toBe(true);
    expect(seen('import type { Database } from "../../db/schema.js";')).toBe(true);
    expect(seen("const { db, access } = services;")).toBe(true);
    expect(seen('await services.db.selectFrom("users")')).toBe(true);
    expect(seen('await trx.insertInto("users").values(row).execute();')).toBe(true);
    expect(seen("await store.transaction().execute(work);")).toBe(true);
    expect(seen("await sql`SELECT 1`.execute(handle);")).toBe(true);
    expect(seen("const seat = await access.requireSeat(user.id, id);")).toBe(false);
    expect(seen('import { readJson } from "../../http/validate.js";')).toBe(false);
  });
});

describe("packages/*", () => {
  it("never import an app", () => {
    const packages = path.join(ROOT, "packages");
    const broken: string[] = [];
    for (const pkg of readdirSync(packages)) {
      const src = path.join(packages, pkg, "src");
      if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const file of sourceFiles(src)) {
        for (const specifier of specifiers(readFileSync(file, "utf8"))) {
          const target = specifier.startsWith(".")
            ? path.relative(ROOT, path.resolve(path.dirname(file), specifier))
            : specifier;
          if (/^(@entente\/(server|web)|apps)(\/|$)/.test(target.split(path.sep).join("/"))) {
            broken.push(`${path.relative(ROOT, file)} imports ${specifier}`);
          }
        }
      }
    }
    expect(broken, "packages/* hold what every app shares: they never depend on an app").toEqual(
      [],
    );
  });
});

describe("who may do what (access/policies.ts)", () => {
  const POLICIES = "access/policies.ts";
  /** The domain's rules of rights, which only the policies module applies. */
  const RIGHTS_IMPORT =
    /import\s*\{[^}]*\b(canWrite|documentAccess)\b[^}]*\}\s*from\s*"@entente\/domain"/;
  /** A permission or role compared with one of the three rights outside the policies. */
  const RIGHTS_COMPARED =
    /\.(permission|role)\s*[!=]==?\s*["'](admin|editor|viewer)["']|["'](admin|editor|viewer)["']\s*[!=]==?\s*[\w.]*\.(permission|role)\b/;

  it("is decided in the policies module only: no other module applies or compares rights", () => {
    const offenders = files
      .filter((file) => !isTest(file) && !file.startsWith("test/") && file !== POLICIES)
      .filter((file) => {
        const source = readFileSync(path.join(SRC, file), "utf8");
        return RIGHTS_IMPORT.test(source) || RIGHTS_COMPARED.test(source);
      });
    expect(offenders, "ask `can(seat, action, resource)` of access/policies.ts").toEqual([]);
  });

  it("would see a right applied or compared (the patterns match what they must)", () => {
    expect(RIGHTS_IMPORT.test('import { canWrite, type X } from "@entente/domain";')).toBe(true);
    expect(RIGHTS_IMPORT.test('import {\n  documentAccess,\n} from "@entente/domain";')).toBe(true);
    expect(RIGHTS_COMPARED.test('if (seat.permission !== "admin") {')).toBe(true);
    expect(RIGHTS_COMPARED.test('if ("editor" === row.role) {')).toBe(true);
    expect(RIGHTS_COMPARED.test('.where("permission", "=", "admin")')).toBe(false);
  });
});
