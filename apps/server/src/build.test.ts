import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repositoryRoot = path.resolve(serverRoot, "../..");

describe("the server's build (apps/server/tsconfig.build.json)", () => {
  let outDir: string | undefined;

  afterEach(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
    outDir = undefined;
  });

  // Built afresh into a temporary folder with the same settings, so that files left in
  // apps/server/dist by an older build cannot hide or fake the answer.
  it("puts no test and no test helper into dist", async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-build-"));
    const tsc = path.join(repositoryRoot, "node_modules/typescript/bin/tsc");
    await promisify(execFile)(process.execPath, [
      tsc,
      ...["-p", path.join(serverRoot, "tsconfig.build.json")],
      ...["--outDir", outDir, "--tsBuildInfoFile", path.join(outDir, ".tsbuildinfo")],
      // Type-checking is `tsc -b`'s job; this only needs the list of what is emitted.
      ...["--noCheck", "--composite", "false", "--incremental", "false"],
      ...["--declaration", "false", "--declarationMap", "false", "--sourceMap", "false"],
    ]);
    const files = (fs.readdirSync(outDir, { recursive: true }) as string[])
      .map((file) => file.split(path.sep).join("/"))
      .filter((file) => file.endsWith(".js"));

    expect(files).toContain("main.js");
    expect(files).toContain("db/migrations/0001_walking_skeleton.js");
    expect(files.filter((file) => /\.test\.js$|(^|\/)test\//.test(file))).toEqual([]);
  }, 120_000);

  it("leaves the OpenID test provider runnable on its own from dist-test", () => {
    // scripts/oidc-dev-provider.mjs and the SSO browser test import it from dist-test/, which
    // holds none of the server's other modules.
    const source = fs.readFileSync(path.join(serverRoot, "src/test/oidc-test-provider.ts"), "utf8");
    expect(source).not.toMatch(/from\s+["']\.\.?\//);
  });
});
