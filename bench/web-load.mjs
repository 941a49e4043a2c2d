// The web app as a browser meets it, cold, on localhost: JavaScript transferred before any
// interaction on the login and charter pages, the deepest request chain before the charter
// shows its text, the time until it shows (median of 5 cold loads), and how long a partner's
// keystroke takes to appear in the other browser.
//
// Not a test: prints a table and writes bench/results/web-load.json. Needs the built server and
// web app (`npm run build`) and Debian's Chromium. `npm run bench:web` (or
// `node bench/web-load.mjs [--loads 5] [--keystrokes 30]`).
/* global document, window, MutationObserver -- the functions given to page.evaluate run in the browser */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import zlib from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const requireFromWeb = createRequire(path.join(root, "apps/web/package.json"));
const { chromium } = requireFromWeb("@playwright/test");

const { values: options } = parseArgs({
  options: {
    loads: { type: "string", default: "5" },
    keystrokes: { type: "string", default: "30" },
    // Another checkout, built (`npm run build` there): measured in the same run, same browser.
    reference: { type: "string" },
    // Prints where the time of the last cold charter load went (requests, socket, CPU by script).
    timeline: { type: "boolean", default: false },
  },
});
const LOADS = Number(options.loads);
const KEYSTROKES = Number(options.keystrokes);
const PASSWORD = "entente-demo-2026";
const BUDGET = {
  loginJsKb: 80,
  charterJsKb: 250,
  waterfallDepth: 2,
  charterVisibleMs: 1000,
  keystrokeMs: 50,
};
/** The charter's first paragraph that holds text: the demo's synced charter, not a placeholder. */
const CHARTER_TEXT = '[data-testid="charter-editor"] p:not(:empty):not(:has(> br:only-child))';
const apps = [
  { name: "this tree", root },
  ...(options.reference ? [{ name: "reference", root: path.resolve(options.reference) }] : []),
];

/** The server under measurement (one at a time), and the built web app it serves. */
let origin = "";
let webDist = "";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const measured = [];
try {
  for (const app of apps) measured.push({ app, ...(await measure(app.root)) });
} finally {
  await browser.close();
}

const FIGURES = [
  ["login page: JavaScript (KB, gzip)", (m) => kb(m.login.jsGzipBytes), `≤ ${BUDGET.loginJsKb}`],
  ["login page: JavaScript (KB, as sent: Brotli)", (m) => kb(m.login.jsBytes), ""],
  ["login page: JavaScript (KB, uncompressed)", (m) => kb(m.login.jsDecodedBytes), ""],
  [
    "charter page: JavaScript (KB, gzip)",
    (m) => kb(m.charter.jsGzipBytes),
    `≤ ${BUDGET.charterJsKb}`,
  ],
  ["charter page: JavaScript (KB, as sent: Brotli)", (m) => kb(m.charter.jsBytes), ""],
  ["charter page: JavaScript (KB, uncompressed)", (m) => kb(m.charter.jsDecodedBytes), ""],
  ["charter page: requests before content", (m) => m.charter.requests, ""],
  ["charter page: deepest request chain", (m) => m.charter.depth, `≤ ${BUDGET.waterfallDepth}`],
  ["charter page: resources fetched twice", (m) => m.charter.duplicates.length, "0"],
  [
    `charter content visible (ms, median of ${LOADS} cold)`,
    (m) => Math.round(median(m.charterLoads.map((load) => load.visibleMs))),
    `≤ ${BUDGET.charterVisibleMs}`,
  ],
  [
    `  as Playwright's polling saw it (ms, median)`,
    (m) => Math.round(median(m.charterLoads.map((load) => load.seenMs))),
    "",
  ],
  [
    `partner keystroke seen (ms, p50 of ${KEYSTROKES})`,
    (m) => round1(percentile(m.keystrokes, 0.5)),
    "",
  ],
  [
    "partner keystroke seen (ms, p95)",
    (m) => round1(percentile(m.keystrokes, 0.95)),
    `< ${BUDGET.keystrokeMs}`,
  ],
];
console.log(
  `\nWeb app, cold loads on localhost (${os.cpus()[0]?.model ?? "cpu"}, ${os.cpus().length} cores)\n`,
);
console.table(
  FIGURES.map(([figure, value, budget]) => ({
    figure,
    ...Object.fromEntries(measured.map((m) => [m.app.name, value(m)])),
    budget,
  })),
);
for (const m of measured) {
  if (m.charter.timeline) printTimeline(m.app.name, m.charter.timeline);
}
for (const m of measured) {
  console.log(`${m.app.name}: charter page, deepest chain:`, m.charter.chain.join(" → "));
  if (m.charter.duplicates.length) {
    console.log(`${m.app.name}: fetched twice:`, m.charter.duplicates.join(", "));
  }
  console.log(
    `${m.app.name}: charter visible per load (ms):`,
    m.charterLoads.map((load) => Math.round(load.visibleMs)).join(", "),
  );
}
fs.mkdirSync(path.join(here, "results"), { recursive: true });
fs.writeFileSync(
  path.join(here, "results/web-load.json"),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version },
      budget: BUDGET,
      apps: measured.map(({ app, login, charterLoads, keystrokes }) => ({
        name: app.name,
        root: app.root,
        login,
        charterLoads,
        keystrokesMs: keystrokes,
      })),
    },
    null,
    2,
  ),
);

/** Starts the built server of the checkout at `appRoot` on a fresh demo, and measures it. */
async function measure(appRoot) {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  webDist = path.join(appRoot, "apps/web/dist");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-web-bench-"));
  const server = spawn(process.execPath, [path.join(appRoot, "apps/server/dist/main.js")], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `sqlite:${path.join(dataDir, "entente.sqlite")}`,
      WEB_DIST: path.join(appRoot, "apps/web/dist"),
      SEED_DEMO: "true",
      PUBLIC_ORIGIN: origin,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  try {
    await waitForServer();
    const amara = await signIn("amara@northwind.example");
    const sofia = await signIn("sofia@southpeak.example");
    const partnershipId = await demoPartnershipId(amara);
    const login = await coldLoad(null, "/login", (page) =>
      page.getByRole("button", { name: /log in|se connecter/i }).waitFor(),
    );
    const charterLoads = [];
    for (let i = 0; i < LOADS; i++) {
      charterLoads.push(
        await coldLoad(amara, `/p/${partnershipId}`, (page) =>
          // The synced text, not the empty paragraph an editor shows before its document arrives.
          page.locator(CHARTER_TEXT).first().waitFor(),
        ),
      );
    }
    const keystrokes = await keystrokeLatency(amara, sofia, partnershipId);
    return { login, charterLoads, charter: charterLoads[charterLoads.length - 1], keystrokes };
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Signs in through the API; the cookies go into each later (cold) context. */
async function signIn(email) {
  const context = await browser.newContext();
  const response = await context.request.post(`${origin}/api/auth/login`, {
    data: { email, password: PASSWORD },
  });
  if (!response.ok()) throw new Error(`sign-in of ${email}: ${response.status()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

async function demoPartnershipId(storageState) {
  const context = await browser.newContext({ storageState });
  const me = await (await context.request.get(`${origin}/api/me`)).json();
  await context.close();
  return me.partnerships[0].id;
}

/**
 * One load in a fresh context (empty cache). Records every request with the request that
 * started it (the parser of the document, or the script on top of the initiator's stack):
 * a request's depth is its initiator's plus one, the document's is 0.
 */
async function coldLoad(storageState, url, ready) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const requests = new Map();
  let done = false;
  // A request waits for every script, fetch or document that finished before it was sent:
  // its depth is one more than the deepest of those (the document's is 0). This counts the
  // round trips a page really waits for in sequence (a chunk imported once /api/me answered
  // sits below /api/me), whatever code path started it.
  const finished = [];
  let contentShown = false;
  const record = (requestId, requestUrl, type, sentAt) => {
    if (done || requests.has(requestId)) return;
    let parent = null;
    // What the page's own HTML names (scripts, preloads) is one round trip below it.
    let depth = type === "Document" ? 0 : 1;
    if (type !== "Document") {
      for (const before of finished) {
        if (before.finishedAt <= sentAt && before.depth + 1 > depth) {
          depth = before.depth + 1;
          parent = before.url;
        }
      }
    }
    requests.set(requestId, {
      url: requestUrl,
      type,
      depth,
      parent,
      beforeContent: !contentShown,
      sentAt,
      bytes: 0,
      decoded: 0,
    });
  };
  const WAITED_FOR = new Set(["Document", "Script", "Fetch", "XHR"]);
  cdp.on("Network.requestWillBeSent", (e) =>
    record(e.requestId, e.request.url, e.type ?? "Other", e.timestamp),
  );
  cdp.on("Network.webSocketWillSendHandshakeRequest", (e) =>
    record(e.requestId, e.request.url ?? "ws", "WebSocket", e.timestamp),
  );
  cdp.on("Network.webSocketCreated", (e) => {
    const entry = requests.get(e.requestId);
    if (entry) entry.url = e.url;
  });
  cdp.on("Network.responseReceived", (e) => {
    const entry = requests.get(e.requestId);
    if (entry) entry.mime = e.response.mimeType;
  });
  cdp.on("Network.dataReceived", (e) => {
    const entry = requests.get(e.requestId);
    if (!entry) return;
    entry.decoded += e.dataLength;
    // The body as it crossed the wire (compressed), without the response's headers.
    entry.bytes += e.encodedDataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const entry = requests.get(e.requestId);
    if (!entry) return;
    entry.finishedAt = e.timestamp;
    if (WAITED_FOR.has(entry.type) && !done) finished.push({ ...entry, finishedAt: e.timestamp });
  });

  // The moment the charter's text enters the page, stamped by the page itself (a
  // MutationObserver): Playwright's polling sees it later, more so on a busy machine.
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      const paragraph = document.querySelector('[data-testid="charter-editor"] p');
      if (paragraph?.textContent?.trim()) {
        performance.mark("charter-content");
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  const timeline = options.timeline ? await startTimeline(page, cdp, requests) : null;
  const started = Date.now();
  await page.goto(`${origin}${url}`);
  await ready(page);
  const seenMs = Date.now() - started;
  contentShown = true;
  // Let what is already in flight finish, without interacting.
  await page.waitForLoadState("networkidle").catch(() => {});
  done = true;
  const contentMark = await page.evaluate(
    () => performance.getEntriesByName("charter-content")[0]?.startTime ?? null,
  );
  const steps = timeline ? await timeline.stop() : null;
  await context.close();

  const all = [...requests.values()];
  // With the page's own stamp, "before content" is what was sent before it (the document's
  // request starts the page's clock).
  const documentSentAt = all.find((r) => r.type === "Document")?.sentAt;
  if (contentMark !== null && documentSentAt !== undefined) {
    for (const r of all) r.beforeContent = r.sentAt <= documentSentAt + contentMark / 1000;
  }
  const visibleMs = contentMark ?? seenMs;
  if (process.env.BENCH_DEBUG)
    for (const r of all)
      console.log(r.depth, r.type, shortUrl(r.url), "<-", r.parent && shortUrl(r.parent));
  const scripts = all.filter((r) => r.type === "Script" || /javascript/.test(r.mime ?? ""));
  const beforeContent = all.filter((r) => r.beforeContent);
  const deepest = beforeContent.reduce((best, r) => (r.depth > best.depth ? r : best), all[0]);
  const chain = [];
  for (let at = deepest; at;) {
    chain.unshift(`${shortUrl(at.url)} (${at.type})`);
    at = at.parent ? all.find((r) => r.url === at.parent) : null;
    if (chain.length > 10) break;
  }
  const seen = new Map();
  for (const r of all) seen.set(r.url, (seen.get(r.url) ?? 0) + 1);
  return {
    url,
    visibleMs,
    seenMs,
    ...(steps ? { timeline: steps } : {}),
    requests: beforeContent.length,
    depth: deepest?.depth ?? 0,
    chain,
    jsBytes: scripts.reduce((sum, r) => sum + r.bytes, 0),
    jsGzipBytes: scripts.reduce((sum, r) => sum + gzipSize(r.url), 0),
    jsDecodedBytes: scripts.reduce((sum, r) => sum + r.decoded, 0),
    duplicates: [...seen].filter(([, n]) => n > 1).map(([u]) => shortUrl(u)),
  };
}

/**
 * `--timeline`: where a cold load's time goes. Every request's send and end, the live
 * document's socket (handshake, first frames), the page's own paints and the moment the
 * charter's first paragraph entered the DOM (a MutationObserver, not Playwright's polling),
 * and a CPU profile summed by script (self time; V8 counts compiling as "(program)").
 */
async function startTimeline(page, cdp, requests) {
  const socket = { frames: [] };
  cdp.on("Network.webSocketHandshakeResponseReceived", (e) => (socket.handshakeAt ??= e.timestamp));
  cdp.on("Network.webSocketFrameReceived", (e) => socket.frames.push(e.timestamp));
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  return {
    async stop() {
      const { profile } = await cdp.send("Profiler.stop");
      const marks = await page.evaluate(() => {
        const navigation = performance.getEntriesByType("navigation")[0];
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
        return {
          htmlResponseEnd: navigation?.responseEnd ?? null,
          domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
          firstContentfulPaint: at("first-contentful-paint"),
          charterContent: at("charter-content"),
        };
      });
      const all = [...requests.values()];
      const start = all.find((r) => r.type === "Document")?.sentAt ?? 0;
      const ms = (t) => (t == null ? null : Math.round((t - start) * 1000));
      const cpu = new Map();
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
      const deltas = profile.timeDeltas;
      let at = profile.startTime;
      let before = 0;
      for (const [index, sample] of profile.samples.entries()) {
        at += deltas[index] ?? 0;
        const stamp = at / 1e6;
        if (
          stamp < start ||
          (marks.charterContent !== null && stamp > start + marks.charterContent / 1000)
        )
          continue;
        const frame = nodes.get(sample)?.callFrame;
        const key = frame?.url ? shortUrl(frame.url) : (frame?.functionName ?? "?");
        cpu.set(key, (cpu.get(key) ?? 0) + (deltas[index + 1] ?? 0) / 1000);
        before += (deltas[index + 1] ?? 0) / 1000;
      }
      return {
        marks: Object.fromEntries(
          Object.entries(marks).map(([k, v]) => [k, v === null ? null : Math.round(v)]),
        ),
        requests: all
          .filter((r) =>
            marks.charterContent === null
              ? r.beforeContent
              : r.sentAt <= start + marks.charterContent / 1000,
          )
          .map((r) => ({
            url: shortUrl(r.url),
            type: r.type,
            depth: r.depth,
            sent: ms(r.sentAt),
            end: ms(r.finishedAt),
          }))
          .sort((a, b) => a.sent - b.sent),
        socket: { handshake: ms(socket.handshakeAt), frames: socket.frames.slice(0, 4).map(ms) },
        cpuBeforeContentMs: Math.round(before),
        cpuByScript: [...cpu]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([k, v]) => [k, Math.round(v)]),
      };
    },
  };
}

function printTimeline(name, timeline) {
  console.log(`\n${name}: last cold charter load, ms from navigation`);
  console.log("  page:", JSON.stringify(timeline.marks));
  for (const r of timeline.requests) {
    console.log(
      `  ${String(r.sent).padStart(5)} → ${String(r.end ?? "").padStart(5)}  d${r.depth} ${r.type} ${r.url}`,
    );
  }
  console.log("  socket:", JSON.stringify(timeline.socket));
  console.log(
    `  CPU before content: ${timeline.cpuBeforeContentMs} ms;`,
    JSON.stringify(timeline.cpuByScript),
  );
}

/**
 * Two browsers on the charter: Amara types, Sofia's page stamps the moment each character
 * appears (a MutationObserver, same clock: one browser process).
 */
async function keystrokeLatency(writerState, readerState, partnershipId) {
  const writer = await (await browser.newContext({ storageState: writerState })).newPage();
  const reader = await (await browser.newContext({ storageState: readerState })).newPage();
  for (const page of [writer, reader]) {
    await page.goto(`${origin}/p/${partnershipId}`);
    await page
      .locator('[data-testid="connection-status"][data-state="synced"]')
      .waitFor({ timeout: 30_000 });
  }
  const marker = `bench${Date.now().toString(36)}`;
  // The whole page is watched: the charter's text is shown as text until the editor takes its
  // place (on a partner's caret), a new element.
  await reader.evaluate(() => {
    window.__seen = [];
    new MutationObserver(() => {
      const editor = document.querySelector('[data-testid="charter-editor"]');
      window.__seen.push([performance.timeOrigin + performance.now(), editor?.textContent ?? ""]);
    }).observe(document.body, { subtree: true, characterData: true, childList: true });
  });
  const editor = writer.locator('[data-testid="charter-editor"]');
  await editor.click();
  await writer.keyboard.press("ControlOrMeta+End");
  await writer.keyboard.press("Enter");
  await writer.keyboard.type(marker, { delay: 20 });
  await reader.waitForFunction(
    (m) => document.querySelector('[data-testid="charter-editor"]')?.textContent?.includes(m),
    marker,
  );

  const latencies = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const text = `${marker}${i}`;
    const sentAt = await writer.evaluate(() => performance.timeOrigin + performance.now());
    await writer.keyboard.type(String(i % 10));
    const seenAt = await reader.waitForFunction(
      ([expected]) => {
        const hit = window.__seen.find(([, content]) => content.includes(expected));
        return hit ? hit[0] : null;
      },
      [`${marker}${[...Array(i + 1).keys()].map((k) => k % 10).join("")}`],
    );
    latencies.push((await seenAt.jsonValue()) - sentAt);
    void text;
  }
  await writer.context().close();
  await reader.context().close();
  return latencies;
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer on ${origin}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}

/**
 * The gzip size of a script the page loaded: the budget is stated in gzip, while Chromium
 * takes the build's Brotli copies. The build's own `.gz` copy (level 9), or the file gzipped
 * here at the same level when it is too small to have one.
 */
function gzipSize(url) {
  const file = path.join(webDist, new URL(url).pathname);
  if (fs.existsSync(`${file}.gz`)) return fs.statSync(`${file}.gz`).size;
  return fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : 0;
}

function kb(bytes) {
  return round1(bytes / 1024);
}
function round1(n) {
  return Math.round(n * 10) / 10;
}
function median(values) {
  return percentile(values, 0.5);
}
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
function shortUrl(url) {
  return url.replace(origin, "").replace(/\/assets\/(.+)-[\w-]{8}\.(js|css)$/, "/assets/$1.$2");
}
