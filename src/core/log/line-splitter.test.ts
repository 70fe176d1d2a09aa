import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8, encodeUtf8 } from "./bytes.ts";
import { LineSplitter } from "./line-splitter.ts";

function splitInChunks(text: string, cuts: number[]): string[] {
  const bytes = encodeUtf8(text);
  const bounds = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const splitter = new LineSplitter();
  const lines: string[] = [];
  let from = 0;
  for (const to of [...bounds, bytes.length]) {
    // A fresh copy per chunk, overwritten afterwards, as a reused read buffer would be.
    const chunk = bytes.slice(from, to);
    lines.push(...splitter.push(chunk).map((l) => decodeUtf8(l)!));
    chunk.fill(0);
    from = to;
  }
  return [...lines, ...splitter.finish().map((l) => decodeUtf8(l)!)];
}

describe("LineSplitter", () => {
  it("gives the same lines however the stream is cut into chunks", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const lines = parts.map((p) => p.replaceAll("\n", ""));
        const text = lines.map((l) => l + "\n").join("");
        expect(splitInChunks(text, cuts)).toEqual(lines);
      }),
    );
  });

  it("returns a last line without a newline at the end of the stream", () => {
    expect(splitInChunks("a\nbc", [3])).toEqual(["a", "bc"]);
    expect(splitInChunks("", [])).toEqual([]);
  });
});
