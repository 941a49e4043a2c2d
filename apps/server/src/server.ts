import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { Server } from "node:http";
import { createApp } from "./app.js";
import { openStore, type Store } from "./db/database.js";
import { migrateToLatest } from "./db/migrations.js";
import type { Services } from "./http/context.js";
import { createServices, DEFAULT_LOGIN_LIMITS } from "./services.js";
import { RoomRegistry } from "./sync/room-registry.js";
import { SyncServer, type SyncLimits } from "./sync/sync-server.js";
import { SqlUpdateLog } from "./sync/update-log.js";

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  publicOrigin: string;
  webDist?: string;
  syncLimits?: Partial<SyncLimits>;
  loginLimits?: typeof DEFAULT_LOGIN_LIMITS;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  services: Services;
  sync: SyncServer;
  rooms: RoomRegistry;
  /** Stops accepting, closes sockets with "service restart", stores everything, closes the store. */
  stop(): Promise<void>;
}

/** Wires store, HTTP API, web assets and sync into one listening process. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const store = openStore(config.databaseUrl);
  await migrateToLatest(store.db, store.dialect);

  const rooms = new RoomRegistry(new SqlUpdateLog(store.db));
  // Access that ends over HTTP (logout, removal) closes the matching sockets too.
  const services = createServices(
    store,
    config.publicOrigin,
    {
      closeSession: (sessionId) => sync.closeSession(sessionId),
      closePartnershipAccess: (userId, partnershipId) =>
        sync.closePartnershipAccess(userId, partnershipId),
    },
    config.loginLimits,
  );
  const sync = new SyncServer({
    sessions: services.sessions,
    access: services.access,
    rooms,
    publicOrigin: config.publicOrigin,
    ...(config.syncLimits ? { limits: config.syncLimits } : {}),
  });
  const app = createApp(services, config.webDist ? { webDist: config.webDist } : {});

  const http = createAdaptorServer({ fetch: app.fetch }) as Server;
  http.on("upgrade", sync.handleUpgrade);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      await sync.shutdown();
      http.closeAllConnections();
      await closed;
      await store.close();
    })());

  return { url: `http://${config.host}:${port}`, port, store, services, sync, rooms, stop };
}
