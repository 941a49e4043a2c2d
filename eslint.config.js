// @ts-check
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
