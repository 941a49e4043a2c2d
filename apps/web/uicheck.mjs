// Local UI check (not committed): screenshots, horizontal overflow and axe at 1280 / 390, EN / FR.
import { chromium } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
const origin = "http://127.0.0.1:3300";
const out = "/work/ui";
const pages = JSON.parse(process.argv[2] ?? "[]");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
const results = [];
for (const spec of pages) {
  for (const width of spec.widths ?? [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: spec.lang === "fr" ? "fr-FR" : "en-US" });
    const page = await context.newPage();
    if (spec.user) {
      const r = await context.request.post(`${origin}/api/auth/login`, { data: { email: spec.user, password: "entente-demo-2026" } });
      if (!r.ok()) throw new Error("login " + r.status());
    }
    await page.goto(origin + spec.path);
    await page.waitForLoadState("networkidle").catch(() => {});
    await page.waitForTimeout(800);
    if (spec.action === "palette") { await page.keyboard.press("Control+k"); await page.keyboard.type(spec.query ?? "depot"); await page.waitForTimeout(1200); }
    if (spec.action === "invite") { await page.getByRole("button", { name: /invite|inviter/i }).first().click(); await page.waitForTimeout(500); }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const name = `${spec.name}-${spec.lang ?? "en"}-${width}`;
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: false });
    results.push({ name, overflow, violations: bad.map((v) => `${v.id}(${v.nodes.length}): ${v.nodes.slice(0,2).map(n=>n.target.join(" ")).join(" | ")}`) });
    await context.close();
  }
}
await browser.close();
for (const r of results) console.log(r.name, "overflow", r.overflow, r.violations.length ? "\n   " + r.violations.join("\n   ") : "axe ok");
