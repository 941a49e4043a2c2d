// @ts-check
import path from "node:path";
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const LAYERING =
  "packages/* hold the domain, document schema and wire contract that every app shares: " +
  "they must not depend on an app, a UI framework, an HTTP framework or a socket library.";

const ENTRY_POINTS = {
  group: ["@entente/*/src/*", "@entente/*/dist/*"],
  message: "Use a package through its entry point (its `exports`), not its internals.",
};

const SERVER_LAYERS =
  "Server modules speak the domain: throw a DomainError (src/domain-error.ts) and let the HTTP " +
  "layer (http/, routes/, app.ts) turn its code into a status and a JSON body, in one table. " +
  "From http/ only the context types (http/context.js) may be imported.";

const WEB_FEATURES = path.join(import.meta.dirname, "apps/web/src/features");

const FEATURE_ENTRY_POINTS =
  "A feature is used by the others through its index.ts, which names what it offers them: " +
  "import from `{{path}}`, and add the name to that index if it is not there yet. " +
  "Lazily loaded modules (pages, sections) are imported with import(), which may name the module.";

const INDEX_ONLY_RE_EXPORTS =
  'A feature\'s index.ts only re-exports (`export { … } from "./…"`): the build reads it ' +
  "(build/feature-entry-points.ts) to load only the modules a page uses.";

/**
 * Features import each other only through the other feature's `index.ts` (static imports and
 * re-exports; `import()` of a lazy part and a stylesheet's `import "….css"` may go to the file).
 * @type {import("eslint").Rule.RuleModule}
 */
const featureEntryPoints = {
  meta: {
    type: "problem",
    messages: { deep: FEATURE_ENTRY_POINTS, indexOnly: INDEX_ONLY_RE_EXPORTS },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const [own] = path.relative(WEB_FEATURES, file).split(path.sep);
    /** @param {import("estree").ImportDeclaration | import("estree").ExportNamedDeclaration | import("estree").ExportAllDeclaration} node */
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== "string" || !spec.startsWith(".") || spec.endsWith(".css")) return;
      const target = path.relative(WEB_FEATURES, path.resolve(path.dirname(file), spec));
      if (target.startsWith("..") || path.isAbsolute(target)) return;
      const [feature = "", ...rest] = target.split(path.sep);
      if (feature === own || rest.length === 0) return;
      if (rest.length === 1 && /^index(\.ts)?$/.test(rest[0] ?? "")) return;
      const entry = path.relative(path.dirname(file), path.join(WEB_FEATURES, feature));
      context.report({
        node: node.source ?? node,
        messageId: "deep",
        data: { path: entry.split(path.sep).join("/") },
      });
    };
    const isIndex =
      path.relative(WEB_FEATURES, file).split(path.sep).length === 2 &&
      path.basename(file) === "index.ts";
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      /** @param {import("estree").Program} program */
      Program(program) {
        if (!isIndex) return;
        for (const statement of program.body) {
          if (statement.type !== "ExportNamedDeclaration" || !statement.source) {
            context.report({ node: statement, messageId: "indexOnly" });
          }
        }
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/dist-test/**",
      "**/node_modules/**",
      "data/**",
      ".test-results/**",
      "**/test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["vitest.config.ts", "vitest.scale.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportAllDeclaration", message: "Name what a module exports: no `export *`." },
      ],
      "no-restricted-imports": ["error", { patterns: [ENTRY_POINTS] }],
    },
  },
  {
    files: ["packages/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom", "hono", "ws", "@hono/node-server"].map((name) => ({
            name,
            message: LAYERING,
          })),
          patterns: [
            { group: ["@entente/server", "@entente/web", "**/apps/**"], message: LAYERING },
            ENTRY_POINTS,
          ],
        },
      ],
    },
  },
  {
    files: ["apps/server/src/**/*.ts"],
    // Tests choose their store (and replay seeds) from the environment in one helper.
    ignores: ["apps/server/src/env.ts", "apps/server/src/test/test-store.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through env.ts only." },
      ],
    },
  },
  {
    files: ["apps/server/src/**/*.ts"],
    ignores: [
      "apps/server/src/http/**",
      "apps/server/src/routes/**",
      "apps/server/src/app.ts",
      "apps/server/src/main.ts",
      // The sync endpoint answers refused upgrades in HTTP itself (with HTTP_ERRORS).
      "apps/server/src/sync/sync-server.ts",
      "apps/server/src/**/*.test.ts",
      "apps/server/src/test/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ENTRY_POINTS,
            { regex: "(^|/)http/(?!context\\.js$)", message: SERVER_LAYERS },
          ],
        },
      ],
    },
  },
  {
    // Migrations see the schema as it was when they were written (`Kysely<any>`), not today's types.
    files: ["apps/server/src/db/migrations/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["apps/web/src/features/**/*.{ts,tsx}"],
    plugins: { entente: { rules: { "feature-entry-points": featureEntryPoints } } },
    rules: { "entente/feature-entry-points": "error" },
  },
  {
    // No god files: a module past 600 lines holds more than one concern. Message catalogues
    // are data, and a test file is one scenario per block.
    files: ["apps/*/src/**/*.{ts,tsx}", "packages/*/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "apps/web/src/i18n/messages/**"],
    rules: { "max-lines": ["error", { max: 600 }] },
  },
  {
    // Tests and their helpers read loosely typed JSON on purpose.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/src/test/**", "apps/web/e2e/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
