import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseWinkJson } from "./wink-json.ts";

const bytesOf = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const parse = (value: unknown) => parseWinkJson(bytesOf(value), "test.json");

/** What the reader must give, the plain way: JSON.parse, then the words in order with their vectors. */
function reference(json: string) {
  const { dimensions, words, vectors } = JSON.parse(json) as { dimensions: number; words: unknown[]; vectors: Record<string, unknown> };
  const kept: string[] = [];
  const values: number[] = [];
  for (const word of words) {
    if (typeof word !== "string" || word.includes("\n") || !Object.hasOwn(vectors, word)) continue;
    const vector = vectors[word];
    if (!Array.isArray(vector) || vector.length < dimensions || !vector.every((x) => typeof x === "number")) continue;
    kept.push(word);
    values.push(...vector.slice(0, dimensions));
  }
  return { dimensions, words: kept, vectors: Float32Array.from(values) };
}

describe("parseWinkJson", () => {
  it("reads the wink layout: vectors cut to the dimensions, in the order of words", () => {
    // Each vector is followed by its l2 norm and its row, and other fields say so.
    const words = ["the", "heard", "odd\nword"];
    const vectors = { heard: [0.6, 0.8, 1, 1], the: [1, 0, 1, 0], "odd\nword": [1, 1, 1.4, 2] };
    const read = parse({ precision: 8, l2NormIndex: 2, wordIndex: 3, size: 3, dimensions: 2, words, vectors, unkVector: [0, 0, 0, -1] });
    expect(read.dimensions).toBe(2);
    expect(read.words).toEqual(["the", "heard"]);
    expect(Array.from(read.vectors)).toEqual([1, 0, Math.fround(0.6), Math.fround(0.8)]);
  });

  it("leaves out words without a whole vector of numbers", () => {
    const read = parse({ dimensions: 2, words: ["a", "b", "c", "d", 7], vectors: { a: [1], b: [1, null], c: [], d: [-0.5, 2e-3] } });
    expect(read.words).toEqual(["d"]);
    expect(Array.from(read.vectors)).toEqual([-0.5, Math.fround(0.002)]);
  });

  it("reads escapes, exponents, long mantissas and white space as JSON.parse does", () => {
    const text = '{ "words" : [ "caf\\u00e9", "a\\"b" ] ,\n "dimensions": 3, "other": {"x": [true, false, null, "]}"]},\n'
      + '"vectors": { "a\\"b": [ 1E2 , -0.12345678901234567, 3 ], "café": [0, -0, 1.5e-7] } }';
    const read = parseWinkJson(bytesOf(text), "test.json");
    expect(read.words).toEqual(["café", 'a"b']);
    expect(Array.from(read.vectors)).toEqual(Array.from(reference(text).vectors));
  });

  it.each([
    ["not JSON", "hello"],
    ["vectors before dimensions", { vectors: {}, dimensions: 2, words: [] }],
    ["no words", { dimensions: 2, vectors: {} }],
    ["a vector that is not an array", { dimensions: 1, words: ["a"], vectors: { a: 1 } }],
    ["an unterminated string", '{"dimensions": 1, "words": ["a'],
  ])("rejects %s", (_case, value) => {
    expect(() => parse(value)).toThrow(/test\.json is not a wink word-embedding file/);
  });

  it("gives what JSON.parse gives, for any words and numbers", () => {
    const number = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -99_999_999, max: 99_999_999 }).map((n) => n / 1e8),
      fc.integer(),
    );
    const word = fc.oneof(fc.constantFrom("the", "a", "odd\nword"), fc.string({ unit: "grapheme", maxLength: 6 }));
    const wink = fc
      .record({ dimensions: fc.integer({ min: 1, max: 4 }), words: fc.array(word, { maxLength: 12 }) })
      .chain(({ dimensions, words }) =>
        fc.record({
          dimensions: fc.constant(dimensions),
          words: fc.constant(words),
          vectors: fc.dictionary(fc.oneof(fc.constantFrom(...words, "spare"), word), fc.array(fc.oneof(number, number, fc.constant(null)), { maxLength: dimensions + 2 })),
          extra: fc.jsonValue({ maxDepth: 2 }),
        }),
      );
    fc.assert(
      fc.property(wink, (value) => {
        const text = JSON.stringify(value);
        const read = parseWinkJson(bytesOf(text), "test.json");
        const expected = reference(text);
        expect(read.words).toEqual(expected.words);
        expect(Array.from(read.vectors)).toEqual(Array.from(expected.vectors));
      }),
      { numRuns: 300 },
    );
  });
});
