// This server (apps/server/dist/main.js) as child processes: on SQLite, or two
// instances on one PostgreSQL database sharing Redis. Clients authenticate with a
// session cookie, on partnership documents created through the HTTP API.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { YwsClient } from "../clients/yws-client.mjs";
import { freePort, startNode, waitUntil } from "../lib/children.mjs";

const POSTGRES = "postgres://postgres@127.0.0.1:5432";
/**
 * The free-text documents of a partnership its creator's organization writes: the charter and
 * the organization's private notes (the structured kinds refuse the harness's paragraphs).
 */
const DOCUMENTS_PER_PARTNERSHIP = 2;
const documentNames = (partnershipId, organizationId) => [
  `${partnershipId}/charter`,
  `${partnershipId}/org/${organizationId}/private`,
];

async function healthy(url) {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

async function api(base, method, route, body, cookie) {
  const headers = { "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  const response = await fetch(base + route, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, response };
}

async function expect(status, call) {
  const result = await call;
  if (result.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${result.status} ${JSON.stringify(result.body)}`);
  }
  return result;
}

/**
 * `variant`: "sqlite" (one instance) or "pg2" (two instances, PostgreSQL + Redis).
 * `main`: the built server's entry; `profileDir`: run it under --cpu-prof.
 */
export async function startEntente({ variant, main, profileDir, users = 8 }) {
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: build with npx tsc -b`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-bench-server-"));
  let databaseUrl;
  let database = null;
  let adminPool = null;
  let sqlite = null;
  let pool = null;
  if (variant === "sqlite") {
    databaseUrl = `sqlite:${path.join(dir, "entente.sqlite")}`;
  } else {
    database = `entente_bench_${process.pid}_${Date.now()}`;
    adminPool = new pg.Pool({ connectionString: `${POSTGRES}/test`, max: 1 });
    await adminPool.query(`CREATE DATABASE ${database}`);
    databaseUrl = `${POSTGRES}/${database}`;
  }
  const instances = variant === "pg2" ? 2 : 1;
  const children = [];
  const ports = [];
  try {
    for (let i = 0; i < instances; i++) {
      const port = await freePort();
      const nodeArgs = profileDir
        ? [
            "--cpu-prof",
            `--cpu-prof-dir=${profileDir}`,
            `--cpu-prof-name=${variant}-${i}.cpuprofile`,
          ]
        : [];
      const env = {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
        LOG_LEVEL: "warn",
        WEB_DIST: path.join(dir, "no-web"),
        SYNC_CONNECTS_PER_ADDRESS_PER_MINUTE: "1000000",
        SYNC_CONNECTS_PER_USER_PER_MINUTE: "1000000",
        // Benchmark clients share a few users' sessions: the per-user socket cap would refuse them.
        SYNC_SOCKETS_PER_USER: "1000000",
        ...(variant === "pg2" ? { REDIS_URL: "redis://127.0.0.1:6379" } : {}),
      };
      const child = startNode([...nodeArgs, main], env, { label: `entente-${variant}-${i}` });
      children.push(child);
      ports.push(port);
      // One at a time: both would run the migrations otherwise.
      await waitUntil(() => healthy(`http://127.0.0.1:${port}`), {
        child,
        what: child.label,
      });
    }
  } catch (error) {
    for (const child of children) await child.stop();
    throw error;
  }
  const base = `http://127.0.0.1:${ports[0]}`;
  const cookies = [];
  const docs = [];

  const server = {
    key: `entente-${variant}`,
    label:
      variant === "sqlite" ? "Entente on SQLite" : "Entente on PostgreSQL + Redis, 2 instances",
    persistent: true,
    pids: children.map((c) => c.pid),
    setup: {},
    /** Signs `users` users up; each makes an organization and partnerships: 2 documents each. */
    async prepare(docCount) {
      const started = performance.now();
      const partnerships = Math.ceil(docCount / DOCUMENTS_PER_PARTNERSHIP);
      const perUser = Math.ceil(partnerships / users);
      const made = await Promise.all(
        Array.from({ length: users }, async (_, u) => {
          const signup = await expect(
            201,
            api(base, "POST", "/api/auth/signup", {
              email: `bench-${u}-${Date.now()}@example.test`,
              password: "correct horse battery",
              name: `Bench ${u}`,
            }),
          );
          const cookie = signup.response.headers
            .getSetCookie()
            .find((c) => c.startsWith("entente_session="))
            .split(";")[0];
          const organization = (
            await expect(201, api(base, "POST", "/api/organizations", { name: `Org ${u}` }, cookie))
          ).body.organization.id;
          const ids = [];
          for (let p = 0; p < perUser; p++) {
            const created = await expect(
              201,
              api(
                base,
                "POST",
                "/api/partnerships",
                { name: `P ${u}.${p}`, organizationId: organization },
                cookie,
              ),
            );
            ids.push(created.body.partnership.id);
          }
          return { cookie, organization, ids };
        }),
      );
      // Interleave users, so neighbouring documents belong to different users.
      for (let p = 0; p < perUser; p++) {
        for (const [u, { cookie, organization, ids }] of made.entries()) {
          if (ids[p] === undefined) continue;
          cookies[u] = cookie;
          for (const name of documentNames(ids[p], organization)) docs.push({ name, cookie });
        }
      }
      server.setup = {
        users,
        partnerships: users * perUser,
        documents: docs.length,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        how: "HTTP API (signup, organization, partnerships)",
      };
    },
    docName: (i) => docs[i].name,
    connect(doc, client, options) {
      const { name, cookie } = docs[doc];
      const port = ports[client % ports.length];
      return new YwsClient(`ws://127.0.0.1:${port}/sync/${name}`, {
        ...options,
        headers: { cookie },
      });
    },
    /** Writes `updates` into the document's update log directly, in batches. */
    async prefillLog(doc, updates) {
      const name = docs[doc].name;
      const now = Date.now();
      if (variant === "sqlite") {
        sqlite ??= new SQLite(databaseUrl.slice("sqlite:".length));
        sqlite.pragma("busy_timeout = 5000");
        const insert = sqlite.prepare(
          'INSERT INTO document_updates (document_name, "update", user_id, organization_id, created_at) VALUES (?, ?, NULL, NULL, ?)',
        );
        sqlite.transaction(() => {
          for (const update of updates) insert.run(name, update, now);
        })();
      } else {
        pool ??= new pg.Pool({ connectionString: databaseUrl, max: 2 });
        for (let start = 0; start < updates.length; start += 5000) {
          const batch = updates.slice(start, start + 5000);
          await pool.query(
            'INSERT INTO document_updates (document_name, "update", user_id, organization_id, created_at) SELECT $1, u, NULL, NULL, $2 FROM unnest($3::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n',
            [name, now, batch.map((u) => Buffer.from(u))],
          );
        }
      }
      return { stored: `${updates.length.toLocaleString("en")} rows in document_updates` };
    },
    prefillState(doc, state) {
      return server.prefillLog(doc, [state]);
    },
    async stop() {
      await Promise.all(children.map((child) => child.stop(30_000)));
      sqlite?.close();
      await pool?.end();
      if (adminPool) {
        await adminPool.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await adminPool.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
