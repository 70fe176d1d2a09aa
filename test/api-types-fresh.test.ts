import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, renderApiTypes } from "../scripts/gen-api-types.ts";

describe("the web app's API types", () => {
  it("are what npm run gen:api writes from the server's OpenAPI document now", async () => {
    const committed = await readFile(API_TYPES_FILE, "utf8");
    expect(committed, "web/src/api/openapi.d.ts is stale: run npm run gen:api and commit it").toBe(await renderApiTypes());
  });
});
