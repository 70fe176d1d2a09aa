import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../src/store/open.ts";
import { createTestApi, type TestApi } from "./support/api.ts";
import { storeTargets } from "./support/stores.ts";

describe("compressed responses", () => {
  let store: Store;
  let t: TestApi;
  beforeAll(async () => {
    store = await storeTargets()[0]!.open();
    t = await createTestApi(store);
  });
  afterAll(async () => store?.close());

  it("are gzipped when the client accepts it, and decode to the same document", async () => {
    const plain = await t.api.request("/api/openapi.json");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const zipped = await t.api.request("/api/openapi.json", { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    const text = await plain.text();
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(JSON.parse(gunzipSync(bytes).toString("utf8"))).toEqual(JSON.parse(text));
  });
});
