import { loadEnv } from "./env.js";
import { seedDemo } from "./seed/demo.js";
import { startServer } from "./server.js";

const env = loadEnv();
const server = await startServer({
  port: env.PORT,
  host: env.HOST,
  databaseUrl: env.DATABASE_URL,
  publicOrigin: env.PUBLIC_ORIGIN,
  webDist: env.WEB_DIST,
  syncLimits: { maxFrameBytes: env.SYNC_MAX_FRAME_BYTES },
});
if (env.SEED_DEMO) await seedDemo(server.store.db);

const store = env.DATABASE_URL.startsWith("sqlite:") ? env.DATABASE_URL : "PostgreSQL";
console.log(
  `Entente is running at ${env.PUBLIC_ORIGIN} (listening on ${server.url}, store ${store})`,
);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    console.log(`${signal}: closing sockets and flushing…`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed", error);
        process.exit(1);
      },
    );
  });
}
