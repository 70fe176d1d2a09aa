import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { ROOT } from "./server.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = join(ROOT, "test-output", "screenshots");

let warned = false;
/** Says once, visibly, why browser tests are skipped. */
export function warnIfNoChromium() {
  if (!hasChromium && !warned) {
    warned = true;
    console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  }
}

/** Debian's Chromium, headless, quiet on a machine with no network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Saves a full-page screenshot as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits two frames, so that a page has re-rendered after a change of viewport. */
const settle = (page: Page) => page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");

/** The two widths every page is looked at: a laptop and a phone. */
export const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

/**
 * Saves full-page screenshots of the page at desktop and at phone width
 * (test-output/screenshots/<name>-desktop.png and -phone.png), then restores the viewport.
 */
export async function screenshotAt(page: Page, name: string, check?: (width: string) => Promise<void>) {
  const before = page.viewportSize();
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await settle(page);
    await screenshot(page, `${name}-${label}`);
    await check?.(label);
  }
  if (before) {
    await page.setViewportSize(before);
    await settle(page);
  }
}

/** Saves a screenshot of one element as test-output/screenshots/<name>.png. */
export async function screenshotOf(page: Page, selector: string, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true });
  // A view that swaps its layout with the viewport may mount the element anew just then: take it again.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator(selector).first().screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      return;
    } catch (error) {
      if (attempt === 3 || !String(error).includes("not attached")) throw error;
    }
  }
}

/** How many pixels of the graph drawing are node or edge colour: zero means nothing was drawn in view. */
export async function countDrawnPixels(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    let n = 0;
    for (const canvas of document.querySelectorAll(".graph-canvas canvas")) {
      if (!canvas.width || !canvas.height) continue;
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i + 2] > data[i] + 40) n++;
    }
    return n;
  })()`);
}

let axeSource: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page (WCAG 2.x A and AA rules) and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the debugging protocol, which the page's Content-Security-Policy does not
  // govern: an inline <script> tag would be refused, as it should be.
  await page.evaluate(await axeSource);
  const violations = await page.evaluate<AxeViolation[]>(`axe
    .run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A readable summary of violations for an assertion message. */
export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n  ")}`).join("\n");

/**
 * Collects the Content-Security-Policy violations Chromium reports on the page's console: the web
 * app must run under the server's policy without one.
 */
export function watchCsp(target: Pick<BrowserContext, "on">): string[] {
  const violations: string[] = [];
  target.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * Waits until `expression` is true in the page. Evaluated through the debugging protocol, which the
 * page's Content-Security-Policy does not govern (waitForFunction compiles its string in the page).
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(50);
  }
}
