import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";

/** The swagger-ui-dist files the reference page loads, with their media types; nothing else is served from the package. */
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "index.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
  "favicon-16x16.png": "image/png",
};

const distDir = () => dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const page = (base: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Polyphony API reference</title>
    <link rel="stylesheet" href="${base}/swagger-ui.css">
    <link rel="stylesheet" href="${base}/index.css">
    <link rel="icon" type="image/png" href="${base}/favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="${base}/favicon-16x16.png" sizes="16x16">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${base}/swagger-ui-bundle.js"></script>
    <script src="${base}/swagger-ui-standalone-preset.js"></script>
    <script src="${base}/init.js"></script>
  </body>
</html>
`;

// A script file rather than an inline script, so a Content-Security-Policy without 'unsafe-inline' allows the page.
const init = (specUrl: string) => `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(specUrl)},
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout",
});
`;

/**
 * The interactive API reference at `base`: Swagger UI from the installed swagger-ui-dist package,
 * served by this server (no CDN), reading the OpenAPI document at `specUrl`.
 */
export function registerApiDocs(api: OpenAPIHono, base: string, specUrl: string) {
  const files = new Map<string, Promise<Buffer>>();
  const load = (name: string) => {
    let file = files.get(name);
    if (!file) {
      file = readFile(join(distDir(), name));
      files.set(name, file);
    }
    return file;
  };
  api.get(base, (c) => c.html(page(base)));
  api.get(`${base}/init.js`, (c) => c.body(init(specUrl), 200, { "content-type": "text/javascript; charset=utf-8" }));
  api.get(`${base}/:asset`, async (c, next) => {
    const asset = c.req.param("asset");
    const type = Object.hasOwn(ASSETS, asset) ? ASSETS[asset] : undefined;
    if (type === undefined) return next();
    const body = new Uint8Array(await load(asset));
    return c.body(body, 200, { "content-type": type, "cache-control": "public, max-age=86400" });
  });
}
