// Shared by start.mjs and test.mjs: runs the pinned pnpm on a machine that has only Node and npm.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const pnpmVersion = packageManager.replace(/^pnpm@/, "");

function installedPnpmVersion() {
  const result = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: false });
  return result.status === 0 ? result.stdout.trim() : null;
}

const pnpmCommand =
  installedPnpmVersion() === pnpmVersion ? ["pnpm"] : ["npx", "--yes", `pnpm@${pnpmVersion}`];

/** Runs a command in the repository root, streaming its output; returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Runs the pinned pnpm. */
export function pnpm(args, options = {}) {
  const [command, ...prefix] = pnpmCommand;
  return run(command, [...prefix, ...args], options);
}

/** Runs a step and stops the script with its exit code if it fails. */
export function step(label, code) {
  if (code !== 0) {
    console.error(`\n✖ ${label} failed (exit ${code})`);
    process.exit(code);
  }
}

/** Installs dependencies exactly as locked (fast when nothing changed). */
export function install() {
  step(
    "install",
    pnpm(["install", "--frozen-lockfile", "--reporter=append-only"], {
      env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr" },
    }),
  );
}

/** Type-checks and builds packages, server and (unless fresh) the web app. */
export function build() {
  step("typecheck and build (tsc -b)", pnpm(["exec", "tsc", "-b"]));
  if (webBuildIsFresh()) return;
  step("web build (vite)", pnpm(["--filter", "@entente/web", "run", "build"]));
}

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

function webBuildIsFresh() {
  const index = path.join(root, "apps/web/dist/index.html");
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  const sources = [
    "apps/web/src",
    "apps/web/index.html",
    "apps/web/vite.config.ts",
    "packages/domain/src",
    "packages/protocol/src",
    "packages/editor/src",
    "pnpm-lock.yaml",
  ].map((p) => path.join(root, p));
  return sources.every((source) => {
    if (!fs.existsSync(source)) return true;
    return (
      (fs.statSync(source).isDirectory() ? newestMtime(source) : fs.statSync(source).mtimeMs) <
      built
    );
  });
}
