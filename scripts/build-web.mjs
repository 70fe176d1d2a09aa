#!/usr/bin/env node
// Builds the web app into web/dist when it is missing or older than its sources, then reports the
// size of the JavaScript a first visit downloads. `--force` builds regardless.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const web = join(root, "web");
const dist = join(web, "dist");
const INITIAL_JS_LIMIT = 300 * 1024;

async function newestSourceTime() {
  let newest = 0;
  const visit = async (path) => {
    const info = await stat(path).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const name of await readdir(path)) await visit(join(path, name));
    } else newest = Math.max(newest, info.mtimeMs);
  };
  for (const entry of ["src", "public", "index.html", "vite.config.ts"]) await visit(join(web, entry));
  for (const lock of ["package-lock.json"]) await visit(join(root, lock));
  return newest;
}

async function isUpToDate() {
  const built = await stat(join(dist, ".vite", "manifest.json")).catch(() => null);
  return built !== null && built.mtimeMs >= (await newestSourceTime());
}

/** The entry chunk and everything it imports statically: what the first page load fetches. */
async function measureInitialJs() {
  const manifest = JSON.parse(await readFile(join(dist, ".vite", "manifest.json"), "utf8"));
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const files = new Set();
  const walk = (key) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) walk(next);
  };
  walk(entry);
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = await readFile(join(dist, file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], raw, gzipped };
}

const force = process.argv.includes("--force");
if (!force && (await isUpToDate())) {
  console.error(`web app is up to date in ${relative(process.cwd(), dist) || "."}`);
} else {
  // A test runner's NODE_ENV=test would otherwise give React's development build.
  process.env.NODE_ENV = "production";
  const vite = await import("vite").catch(() => null);
  if (vite === null) {
    // An install without dev dependencies has no Vite: the API still serves, without the web app.
    console.error("web app not built: Vite is not installed (run npm install without --omit=dev to get it)");
    process.exit(force ? 1 : 0);
  }
  const { build } = vite;
  await build({ configFile: join(web, "vite.config.ts"), logLevel: force ? "info" : "warn" });
  const size = await measureInitialJs();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.error(`web app built in ${relative(process.cwd(), dist)}: initial JavaScript ${kb(size.gzipped)} gzipped (${kb(size.raw)} raw, ${size.files.length} file(s)); limit ${kb(INITIAL_JS_LIMIT)}`);
  if (size.gzipped > INITIAL_JS_LIMIT) {
    console.error("the initial JavaScript is over its limit: move code behind a lazy import");
    process.exitCode = 1;
  }
}
