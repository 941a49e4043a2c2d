import { MessageType } from "@entente/protocol";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import { startServer, type RunningServer, type ServerConfig } from "../server.js";
import { tempDatabase } from "./test-store.js";
import { fetchJson, signUpOver, type JsonResponse } from "./http-client.js";
import { connectSyncClient, type SyncClient } from "./sync-client.js";

export type { SyncClient };

export interface LiveUser {
  id: string;
  cookie: string;
}

/**
 * A real Entente server on a loopback port over a real SQLite file, restartable on
 * the same file, with stock y-websocket clients that carry a session cookie.
 */
export class LiveServer {
  private clients = new Set<SyncClient>();

  private constructor(
    public server: RunningServer,
    readonly databaseUrl: string,
    private readonly options: Partial<ServerConfig>,
    private readonly cleanupStore: () => Promise<void>,
  ) {}

  /** `options` override the test defaults (limits, for instance). */
  static async start(options: Partial<ServerConfig> = {}): Promise<LiveServer> {
    const { url, cleanup } = await tempDatabase();
    return new LiveServer(await LiveServer.boot(url, 0, options), url, options, cleanup);
  }

  /** The same over a database the caller owns (and drops): `close` leaves it in place. */
  static async startOn(
    databaseUrl: string,
    options: Partial<ServerConfig> = {},
  ): Promise<LiveServer> {
    const server = await LiveServer.boot(databaseUrl, 0, options);
    return new LiveServer(server, databaseUrl, options, () => Promise.resolve());
  }

  private static boot(
    databaseUrl: string,
    port: number,
    options: Partial<ServerConfig>,
  ): Promise<RunningServer> {
    return startServer({
      port,
      host: "127.0.0.1",
      databaseUrl,
      publicOrigin: "http://127.0.0.1",
      ...options,
    });
  }

  get url(): string {
    return this.server.url;
  }

  get syncUrl(): string {
    return `${this.url.replace(/^http/, "ws")}/sync`;
  }

  /** Stops the server (graceful) and starts a new one on the same store and port. */
  async restart(): Promise<void> {
    const port = this.server.port;
    await this.server.stop();
    this.server = await LiveServer.boot(this.databaseUrl, port, this.options);
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.destroy();
    await this.server.stop();
    await this.cleanupStore();
  }

  api<T = any>(
    method: string,
    path: string,
    body?: unknown,
    cookie?: string,
  ): Promise<JsonResponse<T>> {
    return fetchJson<T>(this.url, method, path, body, cookie);
  }

  signup(name: string): Promise<LiveUser> {
    return signUpOver(this.url, name);
  }

  /** Northwind and Southpeak in one partnership, each with an admin and a viewer. */
  async twoOrganizations() {
    const north = await this.signup("Nora North");
    const northOrg = (
      await this.api("POST", "/api/organizations", { name: "Northwind" }, north.cookie)
    ).body.organization.id as string;
    const partnershipId = (
      await this.api(
        "POST",
        "/api/partnerships",
        { name: "N × S", organizationId: northOrg },
        north.cookie,
      )
    ).body.partnership.id as string;
    const south = await this.signup("Sam South");
    const southOrg = (
      await this.api("POST", "/api/organizations", { name: "Southpeak" }, south.cookie)
    ).body.organization.id as string;
    await this.accept(await this.invite(partnershipId, north, "organization", "admin"), south);
    const northViewer = await this.joinByInvitation(
      partnershipId,
      north,
      "Vic Viewer",
      "member",
      "viewer",
    );
    // An empty bell to start from: who joined while the cast was put together is set-up.
    await this.server.store.db
      .deleteFrom("notifications")
      .where("partnership_id", "=", partnershipId)
      .execute();
    return { partnershipId, north, northOrg, south, southOrg, northViewer };
  }

  /** `name` signs up and accepts `by`'s invitation to the partnership, of `kind` and `role`. */
  async joinByInvitation(
    partnershipId: string,
    by: LiveUser,
    name: string,
    kind: "organization" | "member",
    role: string,
  ): Promise<LiveUser> {
    const user = await this.signup(name);
    await this.accept(await this.invite(partnershipId, by, kind, role), user);
    return user;
  }

  /** `by` removes `member` from the partnership: the route's answer (204 once removed). */
  removeMember(partnershipId: string, member: LiveUser, by: LiveUser): Promise<JsonResponse> {
    return this.api(
      "DELETE",
      `/api/partnerships/${partnershipId}/members/${member.id}`,
      undefined,
      by.cookie,
    );
  }

  private async invite(partnershipId: string, by: LiveUser, kind: string, role: string) {
    const response = await this.api(
      "POST",
      `/api/partnerships/${partnershipId}/invitations`,
      { kind, role },
      by.cookie,
    );
    return response.body.invitation.token as string;
  }

  private async accept(token: string, user: LiveUser): Promise<void> {
    const r = await this.api("POST", `/api/invitations/${token}/accept`, {}, user.cookie);
    if (r.status !== 200) throw new Error(`accept failed ${JSON.stringify(r.body)}`);
  }

  /** A stock y-websocket client (Node `ws`, no BroadcastChannel) authenticated by `cookie`. */
  connect(documentName: string, cookie: string | undefined): SyncClient {
    const client = connectSyncClient(this.syncUrl, documentName, cookie, (gone) =>
      this.clients.delete(gone),
    );
    this.clients.add(client);
    return client;
  }

  /** Opens a raw socket and reports how the upgrade ended: the HTTP status, or "open". */
  upgradeStatus(
    documentName: string,
    cookie?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<number | "open"> {
    return new Promise((resolve, reject) => {
      const headers = { ...extraHeaders, ...(cookie ? { cookie } : {}) };
      const socket = new WebSocket(`${this.syncUrl}/${documentName}`, { headers });
      socket.on("unexpected-response", (_request, response) => {
        resolve(response.statusCode ?? 0);
        socket.terminate();
      });
      socket.on("open", () => {
        resolve("open");
        socket.close();
      });
      socket.on("error", (error) => {
        if (!String(error.message).includes("Unexpected server response")) reject(error);
      });
    });
  }
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(
  check: () => boolean,
  timeoutMs = 5000,
  what = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Resolves once the server has handled everything this client sent before: a sync step 1
 * is answered (step 2) on the room's one queue, after the messages ahead of it. After the
 * first sync, stock clients never ask for a step 2 on their own, so the answer is ours.
 */
export function roundTrip(client: SyncClient): Promise<void> {
  const ws = client.provider.ws;
  if (!ws) return Promise.reject(new Error("client not connected"));
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const data = new Uint8Array(event.data as ArrayBuffer);
      if (data[0] === MessageType.Sync && data[1] === syncProtocol.messageYjsSyncStep2) {
        ws.removeEventListener("message", onMessage);
        resolve();
      }
    };
    ws.addEventListener("message", onMessage);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, client.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
}
