import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LazyList, materialize, streamJson, writeJson } from "./json-stream.ts";

/** JSON-like values, some arrays of them lazy. */
const document = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }).map((items) => new LazyList(items.length, (i) => items[i])),
  ),
})).value;

describe("writeJson", () => {
  it("writes what JSON.stringify writes of the materialized document", () => {
    fc.assert(
      fc.property(document, (value) => {
        expect([...writeJson(value)].join("")).toBe(JSON.stringify(materialize(value)) ?? "null");
      }),
    );
  });

  it("streams a long list in chunks that read back as the whole", async () => {
    const rows = new LazyList(20_000, (i) => ({ i, text: `row ${i} ✓` }));
    const chunks: Uint8Array[] = [];
    for await (const chunk of streamJson({ rows })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(5);
    expect(JSON.parse(Buffer.concat(chunks).toString("utf8"))).toEqual({ rows: materialize(rows) });
  });
});
