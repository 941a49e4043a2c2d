import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { Server } from "node:http";
import { AccessService } from "./access/access-service.js";
import { createApp } from "./app.js";
import { SessionService } from "./auth/sessions.js";
import { openStore, type Store } from "./db/database.js";
import { migrateToLatest } from "./db/migrations.js";
import type { Services } from "./http/context.js";
import { RoomRegistry } from "./sync/room-registry.js";
import { SyncServer } from "./sync/sync-server.js";
import { SqlUpdateLog } from "./sync/update-log.js";

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  publicOrigin: string;
  webDist?: string;
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

  const sessions = new SessionService(store.db);
  const access = new AccessService(store.db);
  const rooms = new RoomRegistry(new SqlUpdateLog(store.db));
  const sync = new SyncServer({ sessions, access, rooms });
  const services: Services = {
    env: { PUBLIC_ORIGIN: config.publicOrigin },
    db: store.db,
    sessions,
    access,
    onSessionEnded: (sessionId) => sync.closeSession(sessionId),
  };
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
