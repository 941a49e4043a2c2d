// `npm start`: install, build, and run Entente on embedded SQLite with the demo seeded.
import { spawn } from "node:child_process";
import path from "node:path";
import { build, install, root } from "./toolchain.mjs";

install();
build();

const server = spawn(process.execPath, [path.join(root, "apps/server/dist/main.js")], {
  cwd: root,
  stdio: "inherit",
  env: { SEED_DEMO: "true", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
