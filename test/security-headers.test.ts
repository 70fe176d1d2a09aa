import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerApp } from "../src/http/server.ts";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

const [pglite] = storeTargets();

describe("headers on every response", () => {
  let store: Store;
  let t: TestApi;
  let web: string;
  let app: ReturnType<typeof createServerApp>;

  beforeAll(async () => {
    store = await pglite!.open();
    t = await createTestApi(store);
    web = await mkdtemp(join(tmpdir(), "polyphony-web-"));
    await writeFile(join(web, "index.html"), "<!doctype html><title>Polyphony</title>");
    app = createServerApp(t.deps, web);
  });
  afterAll(async () => {
    await store?.close();
    await rm(web, { recursive: true, force: true });
  });

  const requests: [string, RequestInit, number][] = [
    ["/", {}, 200],
    ["/join/cmp_x", {}, 200],
    ["/api/v1/capabilities", {}, 200],
    ["/api/docs", {}, 200],
    ["/api/openapi.json", {}, 200],
    ["/api/v1/no-such-route", {}, 404],
    ["/api/v1/campaigns", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }, 401],
    ["/api/v1/campaigns", { method: "DELETE" }, 405],
  ];

  it.each(requests)("%s %o answers %i with a CSP without inline scripts, no framing, nosniff and a referrer policy", async (path, init, status) => {
    const res = await app.request(path, init);
    expect(res.status).toBe(status);
    const csp = res.headers.get("content-security-policy") ?? "";
    const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
