import { existsSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import type { ServiceDeps } from "../platform/deps.ts";
import { createApi } from "./app.ts";

export const DEFAULT_PORT = 8787;
const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** The API plus, when it has been built, the web app as static files with a single-page fallback. */
export function createServerApp(deps: ServiceDeps, webDir = WEB_DIST) {
  const app = createApi(deps);
  if (existsSync(webDir)) {
    const root = relative(process.cwd(), webDir) || ".";
    const files = serveStatic({ root });
    const shell = serveStatic({ root, path: "index.html" });
    app.get("*", (c, next) => (c.req.path.startsWith("/api/") ? next() : files(c, next)));
    app.get("*", (c, next) => (c.req.path.startsWith("/api/") ? next() : shell(c, next)));
  }
  return app;
}

/** Listens on `port` (0 picks a free one) and resolves once the server accepts connections. */
export function listen(deps: ServiceDeps, port: number, host = "0.0.0.0"): Promise<{ server: ServerType; port: number }> {
  const app = createServerApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => resolve({ server, port: info.port }));
    server.once("error", reject);
  });
}
